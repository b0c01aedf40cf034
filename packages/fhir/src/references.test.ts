import { describe, expect, it } from 'vitest';
import { literalReferences } from './references.ts';

describe('literalReferences', () => {
  it('finds every relative Type/id reference at any depth, in document order', () => {
    const eob = {
      resourceType: 'ExplanationOfBenefit',
      patient: { reference: 'Patient/p-1' },
      careTeam: [{ provider: { reference: 'Practitioner/pr.2', display: 'Dr A' } }],
      item: [{ encounter: [{ reference: 'Encounter/e-3' }] }],
      text: { div: '<div>"reference":"Patient/p-9"</div>' },
    };
    expect(literalReferences(eob)).toEqual([
      ['Patient', 'p-1'],
      ['Practitioner', 'pr.2'],
      ['Encounter', 'e-3'],
    ]);
  });

  it('leaves out absolute, contained, versioned and malformed references, and non-string values', () => {
    const resource = {
      a: { reference: 'http://other.example/fhir/Patient/1' },
      b: { reference: '#contained' },
      c: { reference: 'Patient/1/_history/2' },
      d: { reference: 'patient/1' },
      e: { reference: 42 },
      f: { identifier: { value: 'Patient/1' } },
    };
    expect(literalReferences(resource)).toEqual([]);
  });
});
