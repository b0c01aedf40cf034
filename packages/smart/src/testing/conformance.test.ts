import { describe, expect, it } from 'vitest';
import { fhirContextProblems } from './conformance.ts';

describe('the fhirContext check', () => {
  it('accepts a token response without fhirContext and the SMART 2 shape', () => {
    expect(fhirContextProblems({ access_token: 'x' })).toEqual([]);
    expect(
      fhirContextProblems({
        fhirContext: [
          { reference: 'Coverage/cov-1' },
          { canonical: 'http://hl7.org/fhir/us/carin-bb/Questionnaire/q|1.0', type: 'Questionnaire' },
          { identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:1' } },
        ],
      }),
    ).toEqual([]);
  });

  it('names each problem of a malformed fhirContext (SMART 1 strings, empty objects, bad values)', () => {
    expect(fhirContextProblems({ fhirContext: 'Coverage/1' })).toEqual(['fhirContext is not an array']);
    expect(
      fhirContextProblems({
        fhirContext: ['Coverage/1', {}, { reference: 'http://x/Coverage/1' }, { identifier: 'x', type: 'coverage' }],
      }),
    ).toEqual([
      'fhirContext[0] is not an object',
      'fhirContext[1] has none of reference, canonical, identifier',
      'fhirContext[2].reference is not a relative Type/id reference',
      'fhirContext[3].identifier is not an Identifier with a value',
      'fhirContext[3].type is not a resource type',
    ]);
  });
});
