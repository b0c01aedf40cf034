import { createDefaultRegistry } from '@plan-api/fhir';
import { describe, expect, it } from 'vitest';
import { patientCompartmentTypes } from '../patients/member-resources.ts';
import { dataTypesOf } from './scopes.ts';

const ctx = { registry: createDefaultRegistry() };

describe('dataTypesOf', () => {
  it('reads the types of v1 and v2 patient scopes, sorted and once each', () => {
    expect(
      dataTypesOf(ctx, [
        'openid',
        'fhirUser',
        'offline_access',
        'launch/patient',
        'patient/Patient.read',
        'patient/ExplanationOfBenefit.rs',
        'patient/Coverage.r',
        'patient/Coverage.read',
        'patient/Observation.s',
      ]),
    ).toEqual(['Coverage', 'ExplanationOfBenefit', 'Observation', 'Patient']);
  });

  it('leaves out write-only and malformed scopes and system scopes', () => {
    expect(
      dataTypesOf(ctx, ['patient/Coverage.cud', 'patient/Coverage.write', 'system/Coverage.read', 'patient/.rs', 'x']),
    ).toEqual([]);
  });

  it("reads user/ scopes as the member's own data, as patient/ scopes", () => {
    expect(dataTypesOf(ctx, ['user/Coverage.read', 'user/ExplanationOfBenefit.rs', 'user/Patient.cud'])).toEqual([
      'Coverage',
      'ExplanationOfBenefit',
    ]);
    expect(dataTypesOf(ctx, ['user/*.rs'])).toEqual(dataTypesOf(ctx, ['patient/*.rs']));
  });

  it('reads patient/*.rs as every type of the patient compartment and Patient', () => {
    const all = dataTypesOf(ctx, ['patient/*.rs']);
    expect(all).toEqual([...new Set(['Patient', ...patientCompartmentTypes(ctx.registry)])].sort());
    expect(all).toContain('ExplanationOfBenefit');
    expect(dataTypesOf(ctx, ['patient/*.read'])).toEqual(all);
  });
});
