import type { Condition, ExplanationOfBenefit, Observation, Patient, Provenance } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from './default-registry.ts';
import { extractIndex } from './extract.ts';
import { SearchRegistry } from './registry.ts';

const registry = createDefaultRegistry();
const utc = (iso: string): number => Date.parse(iso);

const observation: Observation = {
  resourceType: 'Observation',
  id: 'obs-1',
  meta: {
    lastUpdated: '2024-03-05T10:15:30.123Z',
    profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab'],
    tag: [{ system: 'http://example.org/tags', code: 'synthetic' }],
  },
  status: 'final',
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'laboratory',
          display: 'Laboratory',
        },
      ],
    },
  ],
  code: { coding: [{ system: 'http://loinc.org', code: '2339-0', display: 'Glucose' }], text: 'Blood glucose' },
  subject: { reference: 'Patient/p1' },
  encounter: { reference: 'Encounter/e1' },
  effectivePeriod: { start: '2024-03-01T08:00:00-05:00', end: '2024-03-02' },
  valueQuantity: { value: 95, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
};

describe('extractIndex on US Core resources', () => {
  it('indexes an Observation effectivePeriod as one range from the start instant to the end of the end day', () => {
    const index = extractIndex(observation, registry);
    expect(index['date']).toEqual([
      { kind: 'date', start: utc('2024-03-01T13:00:00Z'), end: utc('2024-03-03T00:00:00Z') - 1 },
    ]);
  });

  it('indexes codings with their display and the CodeableConcept text as tokens', () => {
    const index = extractIndex(observation, registry);
    expect(index['code']).toEqual([
      { kind: 'token', system: 'http://loinc.org', code: '2339-0', text: 'glucose' },
      { kind: 'token', text: 'blood glucose' },
    ]);
    expect(index['category']).toEqual([
      {
        kind: 'token',
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'laboratory',
        text: 'laboratory',
      },
    ]);
    expect(index['status']).toEqual([{ kind: 'token', code: 'final' }]);
  });

  it('indexes the subject as both patient and subject, and the encounter', () => {
    const index = extractIndex(observation, registry);
    const p1 = { kind: 'reference', reference: 'Patient/p1', type: 'Patient', id: 'p1' };
    expect(index['patient']).toEqual([p1]);
    expect(index['subject']).toEqual([p1]);
    expect(index['encounter']).toEqual([{ kind: 'reference', reference: 'Encounter/e1', type: 'Encounter', id: 'e1' }]);
  });

  it('indexes the common parameters from id and meta', () => {
    const index = extractIndex(observation, registry);
    expect(index['_id']).toEqual([{ kind: 'token', code: 'obs-1' }]);
    const lastUpdated = utc('2024-03-05T10:15:30.123Z');
    expect(index['_lastUpdated']).toEqual([{ kind: 'date', start: lastUpdated, end: lastUpdated }]);
    expect(index['_profile']).toEqual([
      { kind: 'uri', value: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab' },
    ]);
    expect(index['_tag']).toEqual([{ kind: 'token', system: 'http://example.org/tags', code: 'synthetic' }]);
  });

  it('leaves out parameters without a value', () => {
    const index = extractIndex(observation, registry);
    expect(Object.keys(index)).not.toContain('_security');
    expect(index['_security']).toBeUndefined();
  });

  it('skips a patient reference to another type but keeps it as subject', () => {
    const groupObs: Observation = { ...observation, subject: { reference: 'Group/g1' } };
    const index = extractIndex(groupObs, registry);
    expect(index['patient']).toBeUndefined();
    expect(index['subject']).toEqual([{ kind: 'reference', reference: 'Group/g1', type: 'Group', id: 'g1' }]);
  });

  it('indexes every part of a Patient name and the whole name, normalized and exact', () => {
    const patient: Patient = {
      resourceType: 'Patient',
      id: 'p1',
      name: [{ family: 'Núñez', given: ['José', 'María'], prefix: ['Mr.'] }],
      birthDate: '1980-07',
      gender: 'male',
      identifier: [
        {
          system: 'http://example.org/member',
          value: 'M-123',
          type: { coding: [{ code: 'MB', display: 'Member Number' }] },
        },
      ],
    };
    const index = extractIndex(patient, registry);
    expect(index['name']).toEqual([
      { kind: 'string', normalized: 'mr.', exact: 'Mr.' },
      { kind: 'string', normalized: 'jose', exact: 'José' },
      { kind: 'string', normalized: 'maria', exact: 'María' },
      { kind: 'string', normalized: 'nunez', exact: 'Núñez' },
      { kind: 'string', normalized: 'mr. jose maria nunez', exact: 'Mr. José María Núñez' },
    ]);
    expect(index['family']).toEqual([{ kind: 'string', normalized: 'nunez', exact: 'Núñez' }]);
    expect(index['given']?.map((v) => (v.kind === 'string' ? v.normalized : ''))).toEqual(['jose', 'maria']);
    expect(index['birthdate']).toEqual([
      { kind: 'date', start: utc('1980-07-01T00:00:00Z'), end: utc('1980-08-01T00:00:00Z') - 1 },
    ]);
    expect(index['identifier']).toEqual([
      { kind: 'token', system: 'http://example.org/member', code: 'M-123', text: 'member number' },
    ]);
    expect(index['_id']).toEqual([{ kind: 'token', code: 'p1' }]);
  });

  it('reads an extension value by its url (Condition asserted-date)', () => {
    const condition: Condition = {
      resourceType: 'Condition',
      subject: { reference: 'Patient/p1' },
      extension: [
        { url: 'http://example.org/other', valueDateTime: '1999-01-01' },
        { url: 'http://hl7.org/fhir/StructureDefinition/condition-assertedDate', valueDateTime: '2021' },
      ],
      onsetPeriod: { start: '2020-05-05' },
    };
    const index = extractIndex(condition, registry);
    expect(index['asserted-date']).toEqual([
      { kind: 'date', start: utc('2021-01-01T00:00:00Z'), end: utc('2022-01-01T00:00:00Z') - 1 },
    ]);
    expect(index['onset-date']).toEqual([{ kind: 'date', start: utc('2020-05-05T00:00:00Z'), end: Infinity }]);
  });

  it('keeps only Patient targets for Provenance patient and every target for Provenance target', () => {
    const provenance: Provenance = {
      resourceType: 'Provenance',
      target: [{ reference: 'Patient/p1' }, { reference: 'Observation/obs-1/_history/2' }],
      recorded: '2024-01-01T00:00:00Z',
      agent: [{ who: { reference: 'https://other.example/fhir/Organization/o9' } }],
    };
    const index = extractIndex(provenance, registry);
    expect(index['patient']).toEqual([{ kind: 'reference', reference: 'Patient/p1', type: 'Patient', id: 'p1' }]);
    expect(index['target']?.map((v) => (v.kind === 'reference' ? v.reference : ''))).toEqual([
      'Patient/p1',
      'Observation/obs-1',
    ]);
    expect(index['agent']).toEqual([
      {
        kind: 'reference',
        reference: 'Organization/o9',
        type: 'Organization',
        id: 'o9',
        url: 'https://other.example/fhir/Organization/o9',
      },
    ]);
  });
});

describe('extractIndex on CARIN BB resources', () => {
  const eob: ExplanationOfBenefit = {
    resourceType: 'ExplanationOfBenefit',
    id: 'eob-1',
    status: 'active',
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
    use: 'claim',
    patient: { reference: 'Patient/p1' },
    billablePeriod: { start: '2024-02-01', end: '2024-02-03' },
    created: '2024-02-10T12:00:00Z',
    insurer: { reference: 'Organization/payer' },
    provider: { reference: 'Practitioner/dr1' },
    payee: { type: { coding: [{ code: 'provider' }] }, party: { reference: 'Organization/clinic' } },
    careTeam: [{ sequence: 1, provider: { reference: 'PractitionerRole/role1' } }],
    outcome: 'complete',
    insurance: [{ focal: true, coverage: { reference: 'Coverage/cov1' } }],
    identifier: [{ system: 'https://plan.example/claim', value: 'C-1' }],
    item: [
      { sequence: 1, productOrService: { text: 'visit' }, servicedDate: '2024-02-01' },
      { sequence: 2, productOrService: { text: 'lab' }, servicedPeriod: { start: '2024-02-02', end: '2024-02-03' } },
    ],
  };

  it('indexes service-date from the billable period and every item serviced date or period', () => {
    const index = extractIndex(eob, registry);
    const day = (d: string): number => utc(`${d}T00:00:00Z`);
    expect(index['service-date']).toEqual([
      { kind: 'date', start: day('2024-02-01'), end: day('2024-02-04') - 1 },
      { kind: 'date', start: day('2024-02-01'), end: day('2024-02-02') - 1 },
      { kind: 'date', start: day('2024-02-02'), end: day('2024-02-04') - 1 },
    ]);
    expect(index['service-start-date']).toEqual([
      { kind: 'date', start: day('2024-02-01'), end: day('2024-02-02') - 1 },
      { kind: 'date', start: day('2024-02-01'), end: day('2024-02-02') - 1 },
      { kind: 'date', start: day('2024-02-02'), end: day('2024-02-03') - 1 },
    ]);
    expect(index['billable-period-start']).toEqual([
      { kind: 'date', start: day('2024-02-01'), end: day('2024-02-02') - 1 },
    ]);
  });

  it('indexes every reference the CARIN includes follow', () => {
    const index = extractIndex(eob, registry);
    const ref = (code: string): string | undefined => {
      const v = index[code]?.[0];
      return v?.kind === 'reference' ? v.reference : undefined;
    };
    expect(ref('patient')).toBe('Patient/p1');
    expect(ref('insurer')).toBe('Organization/payer');
    expect(ref('provider')).toBe('Practitioner/dr1');
    expect(ref('payee')).toBe('Organization/clinic');
    expect(ref('care-team')).toBe('PractitionerRole/role1');
    expect(ref('coverage')).toBe('Coverage/cov1');
    expect(index['identifier']).toEqual([{ kind: 'token', system: 'https://plan.example/claim', code: 'C-1' }]);
  });

  it('indexes a logical reference by its identifier for :identifier searches', () => {
    const logical: ExplanationOfBenefit = {
      ...eob,
      provider: { identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' } },
    };
    expect(extractIndex(logical, registry)['provider']).toEqual([
      { kind: 'reference', identifierSystem: 'http://hl7.org/fhir/sid/us-npi', identifierValue: '1234567893' },
    ]);
  });
});

describe('extractIndex with other registries', () => {
  it('compiles per registry, so two registries index the same type differently', () => {
    const quantity = new SearchRegistry([
      { code: 'value-quantity', base: ['Observation'], type: 'quantity', paths: ['valueQuantity'] },
      { code: 'value-number', base: ['Observation'], type: 'number', paths: ['valueQuantity'] },
      { code: 'email', base: ['Patient'], type: 'token', paths: ['telecom[system=email].value'] },
    ]);
    const index = extractIndex(observation, quantity);
    expect(index).toEqual({
      'value-quantity': [
        { kind: 'quantity', value: 95, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' },
      ],
      'value-number': [{ kind: 'number', value: 95 }],
    });
    expect(extractIndex(observation, registry)['value-quantity']).toBeUndefined();
    const patient: Patient = {
      resourceType: 'Patient',
      telecom: [
        { system: 'phone', value: '555-0100' },
        { system: 'email', value: 'a@example.org' },
      ],
    };
    expect(extractIndex(patient, quantity)['email']).toEqual([{ kind: 'token', code: 'a@example.org' }]);
  });
});
