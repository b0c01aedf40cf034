import { describe, expect, it } from 'vitest';
import { PATIENT_ACCESS_RESOURCE_TYPES, SearchRegistry, createDefaultRegistry } from '@plan-api/fhir';
import { compartmentRules } from './compartment.ts';

describe('compartment rules of the Patient Access types', () => {
  const registry = createDefaultRegistry();
  const rules = compartmentRules(registry, PATIENT_ACCESS_RESOURCE_TYPES);

  it('every Patient Access type can be narrowed to a patient or is shared', () => {
    for (const type of PATIENT_ACCESS_RESOURCE_TYPES) expect(rules.get(type)?.kind, type).not.toBe('unsupported');
  });

  it('clinical and claims types use a reference parameter that can name a Patient', () => {
    for (const type of ['Observation', 'Condition', 'ExplanationOfBenefit', 'Encounter', 'Device', 'CareTeam']) {
      const rule = rules.get(type);
      expect(rule?.kind, type).toBe('member');
      if (rule?.kind === 'member') {
        expect(rule.param.type).toBe('reference');
        expect(rule.param.targets ?? ['Patient']).toContain('Patient');
      }
    }
  });

  it('Coverage belongs to its beneficiary, not to the subscriber or the payor', () => {
    const rule = rules.get('Coverage');
    expect(rule?.kind === 'member' ? rule.param.code : undefined).toBe('beneficiary');
  });

  it('Patient, Provenance and the directory-like types have rules of their own', () => {
    expect(rules.get('Patient')?.kind).toBe('patient');
    expect(rules.get('Provenance')?.kind).toBe('provenance');
    for (const type of ['Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Medication']) {
      expect(rules.get(type)?.kind, type).toBe('shared');
    }
  });

  it('a type the registry cannot narrow, or does not know, is never served (fail closed)', () => {
    const bare = new SearchRegistry([{ code: 'code', base: ['Observation'], type: 'token', paths: ['code'] }]);
    const narrowed = compartmentRules(bare, ['Observation', 'Spaceship']);
    expect(narrowed.get('Observation')?.kind).toBe('unsupported');
    expect(narrowed.get('Spaceship')?.kind).toBe('unsupported');
  });
});
