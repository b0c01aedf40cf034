import { describe, expect, it } from 'vitest';
import {
  DIRECTORY_EXAMPLES,
  directoryBaseUrl,
  exampleUrl,
  outcomeMessage,
  resourceName,
  summarizeBundle,
} from './directory-model.ts';

const BASE = directoryBaseUrl('http://127.0.0.1:4011/');

describe('directory examples', () => {
  it('live on the same origin under /directory/fhir', () => {
    expect(BASE).toBe('http://127.0.0.1:4011/directory/fhir');
  });

  it('cover the six searches, each a valid URL on the base', () => {
    expect(DIRECTORY_EXAMPLES.map((e) => e.query.split('?')[0])).toEqual([
      'Practitioner',
      'Organization',
      'Location',
      'HealthcareService',
      'InsurancePlan',
      'PractitionerRole',
    ]);
    for (const example of DIRECTORY_EXAMPLES) {
      const url = new URL(exampleUrl(BASE, example));
      expect(url.origin + url.pathname.replace(/\/[A-Za-z]+$/, '')).toBe(BASE);
      expect(url.searchParams.get('_count')).toBe('5');
    }
  });

  it('percent-encodes values the way a browser sends them, keeping : for readability', () => {
    const near = DIRECTORY_EXAMPLES.find((e) => e.id === 'location-near');
    expect(exampleUrl(BASE, near ?? { query: '' })).toBe(
      'http://127.0.0.1:4011/directory/fhir/Location?near=39.9814%7C-83.0196%7C25%7Ckm&_count=5',
    );
    const role = new URL(exampleUrl(BASE, DIRECTORY_EXAMPLES.at(-1) ?? { query: '' }));
    expect(role.searchParams.get('specialty')).toBe('http://nucc.org/provider-taxonomy|207R00000X');
  });
});

describe('summarizeBundle', () => {
  it('gives the total and the names of the first matches, counting included resources apart', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: 42,
      entry: [
        {
          resource: {
            resourceType: 'Practitioner',
            id: 'p1',
            name: [{ given: ['Joan'], family: 'Ruiz', suffix: ['MD'] }],
          },
          search: { mode: 'match' },
        },
        { resource: { resourceType: 'Organization', id: 'o1', name: 'Columbus Family Health Center' } },
        {
          resource: {
            resourceType: 'PractitionerRole',
            id: 'r1',
            practitioner: { display: 'Joan Ruiz MD' },
            specialty: [{ coding: [{ code: '207R00000X', display: 'Internal Medicine' }] }],
            organization: { display: 'Ruiz Medical Group' },
          },
          search: { mode: 'match' },
        },
        { resource: { resourceType: 'Practitioner', id: 'p2' }, search: { mode: 'include' } },
      ],
    };
    expect(summarizeBundle(bundle)).toEqual({
      total: 42,
      names: ['Joan Ruiz MD', 'Columbus Family Health Center', 'Joan Ruiz MD, Internal Medicine at Ruiz Medical Group'],
      included: 1,
    });
    expect(summarizeBundle(bundle, 1).names).toEqual(['Joan Ruiz MD']);
  });

  it('an empty search has a total of 0 and no names; a non-Bundle is refused', () => {
    expect(summarizeBundle({ resourceType: 'Bundle', total: 0 })).toEqual({ total: 0, names: [], included: 0 });
    expect(() => summarizeBundle({ resourceType: 'Patient' })).toThrow(/not a FHIR Bundle/);
  });

  it('names a resource without a name by its type and id', () => {
    expect(resourceName({ resourceType: 'Location', id: 'l1' })).toBe('Location/l1');
    expect(resourceName({ resourceType: 'Practitioner', name: [{ text: 'Dr. Ann Lee' }] })).toBe('Dr. Ann Lee');
  });

  it('reads the message of an OperationOutcome', () => {
    expect(
      outcomeMessage({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', diagnostics: 'Unknown parameter' }],
      }),
    ).toBe('Unknown parameter');
    expect(outcomeMessage({ resourceType: 'Bundle' })).toBeUndefined();
  });
});
