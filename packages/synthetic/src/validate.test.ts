import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { createValidator, validateAll } from './validate.ts';

const validator = createValidator();
const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';

function patient(extra: Record<string, unknown> = {}): Resource {
  return {
    resourceType: 'Patient',
    id: 'p-0000abcd',
    meta: { lastUpdated: '2026-06-30T00:00:00Z', profile: [`${US_CORE}us-core-patient`] },
    identifier: [{ system: 'urn:oid:2.16.840.1.113883.3.8901', value: 'M123' }],
    name: [{ family: 'Rivera', given: ['Ana'] }],
    gender: 'female',
    birthDate: '1980-04-02',
    ...extra,
  } as Resource;
}

function observation(extra: Record<string, unknown>): Resource {
  return {
    resourceType: 'Observation',
    id: 'p-0000abcd-obs-1',
    meta: { lastUpdated: '2026-06-30T00:00:00Z', profile: [`${US_CORE}us-core-observation-lab`] },
    status: 'final',
    category: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] },
    ],
    code: {
      coding: [{ system: 'http://loinc.org', code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }],
    },
    subject: { reference: 'Patient/p-0000abcd' },
    effectiveDateTime: '2026-01-10T09:00:00-05:00',
    ...extra,
  } as Resource;
}

const messages = (resource: Resource): string[] => validator.validate(resource).map((i) => `${i.path}: ${i.message}`);

describe('the FHIR validator', () => {
  it('accepts a well-formed US Core Patient', () => {
    expect(messages(patient())).toEqual([]);
  });

  it('rejects a value of the wrong JSON type', () => {
    expect(messages(patient({ birthDate: 19800402 }))).toEqual([expect.stringContaining('Patient.birthDate')]);
  });

  it('rejects a resource missing a required element', () => {
    const { status: _dropped, ...noStatus } = observation({}) as unknown as Record<string, unknown>;
    expect(messages(noStatus as unknown as Resource)).toEqual([
      expect.stringMatching(/Observation\.status.*required/i),
    ]);
  });

  it('rejects a property R4 does not define', () => {
    expect(messages(patient({ nickname: 'Annie' }))).toEqual([expect.stringContaining('nickname')]);
  });

  it('rejects a malformed date', () => {
    expect(messages(patient({ birthDate: '1980-13-40' }))).toEqual([expect.stringContaining('Patient.birthDate')]);
  });

  it('rejects a code outside a required value set', () => {
    expect(messages(patient({ gender: 'man' }))).toEqual([
      expect.stringContaining(
        '"man" is not in the required value set http://hl7.org/fhir/ValueSet/administrative-gender',
      ),
    ]);
  });

  it('rejects a Coding outside a required value set', () => {
    const issues = messages(
      observation({
        valueQuantity: { value: 6.1, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
        dataAbsentReason: undefined,
        interpretation: undefined,
        referenceRange: undefined,
        component: undefined,
        meta: { lastUpdated: '2026-06-30T00:00:00Z', profile: [`${US_CORE}us-core-observation-lab`] },
        // Observation.status has a required binding to observation-status.
        status: 'done',
      }),
    );
    expect(issues).toEqual([expect.stringContaining('"done" is not in the required value set')]);
  });

  it('rejects a CodeableConcept outside a required value set', () => {
    const allergy = {
      resourceType: 'AllergyIntolerance',
      id: 'p-0000abcd-alg-1',
      meta: { lastUpdated: '2026-06-30T00:00:00Z', profile: [`${US_CORE}us-core-allergyintolerance`] },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'ongoing' }],
      },
      code: { text: 'Peanut' },
      patient: { reference: 'Patient/p-0000abcd' },
    } as Resource;
    expect(messages(allergy)).toEqual([expect.stringContaining('allergyintolerance-clinical|ongoing is not in')]);
  });

  it('rejects a data type invariant medplum leaves out (a unit code without its system)', () => {
    const issues = messages(observation({ valueQuantity: { value: 6.1, unit: '%', code: '%' } }));
    expect(issues).toEqual([expect.stringContaining('qty-3')]);
  });

  it('rejects a period that ends before it starts', () => {
    const issues = messages(
      observation({ effectivePeriod: { start: '2026-02-01', end: '2026-01-01' }, effectiveDateTime: undefined }),
    );
    expect(issues).toEqual([expect.stringContaining('per-1')]);
  });

  it('rejects an empty string, in an array or in a single-valued element', () => {
    expect(messages(patient({ name: [{ family: 'Rivera', given: [''] }] }))).toEqual([
      expect.stringContaining('Patient.name[0].given[0]'),
    ]);
    expect(messages(patient({ managingOrganization: { reference: 'Organization/o-1', display: '' } }))).toEqual([
      'Patient.managingOrganization.display: empty string (FHIR strings must have content)',
    ]);
  });

  it('rejects an id outside the R4 id pattern', () => {
    expect(messages(patient({ id: 'p_1' }))).toEqual([expect.stringContaining('id "p_1"')]);
  });

  it('rejects a resource without meta.lastUpdated or a profile claim', () => {
    expect(messages(patient({ meta: undefined }))).toEqual([
      'Patient.meta.lastUpdated: missing meta.lastUpdated',
      'Patient.meta.profile: claims no profile',
    ]);
  });

  it('rejects a profile canonical the server does not support for the type', () => {
    const meta = { lastUpdated: '2026-06-30T00:00:00Z', profile: [`${US_CORE}us-core-patients`] };
    expect(messages(patient({ meta }))).toEqual([expect.stringContaining('us-core-patients is not a profile')]);
  });

  it('validateAll lists only the resources with issues, by reference', () => {
    const result = validateAll([patient(), patient({ id: 'p-2', gender: 'x' })], validator);
    expect(result.map((r) => r.reference)).toEqual(['Patient/p-2']);
    expect(result[0]?.issues).toHaveLength(1);
  });

  it('rejects a resource missing what its claimed US Core profile requires', () => {
    expect(messages(patient({ gender: undefined }))).toEqual(['Patient: us-core-patient: gender (1..1)']);
    const vitals = observation({
      meta: { lastUpdated: '2026-06-30T00:00:00Z', profile: [`${US_CORE}us-core-heart-rate`] },
      effectiveDateTime: undefined,
    });
    expect(messages(vitals)).toEqual([
      'Observation: us-core-heart-rate: category vital-signs (1..1)',
      'Observation: us-core-heart-rate: effective[x] (1..1)',
    ]);
  });

  it('rejects a Plan-Net resource that breaks a fixed value of its profile', () => {
    const role = {
      resourceType: 'PractitionerRole',
      id: 'role-1',
      meta: {
        lastUpdated: '2026-06-30T00:00:00Z',
        profile: ['http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-PractitionerRole'],
      },
      active: false,
      practitioner: { reference: 'Practitioner/pr-1' },
    } as Resource;
    expect(messages(role)).toEqual(['PractitionerRole: plannet-PractitionerRole: active = true (1..1)']);
  });
});
