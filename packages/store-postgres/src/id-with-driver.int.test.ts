import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry, parseSearch } from '@plan-api/fhir';
import type { PostgresStores } from './stores.ts';
import { testSchema } from './testing/database.ts';

const db = testSchema('iddriver');
const registry = createDefaultRegistry();
let stores: PostgresStores;

const practitioner = (id: string, family: string) => ({
  resourceType: 'Practitioner' as const,
  id,
  identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: `npi-${id}` }],
  name: [{ family, given: ['Sam'] }],
});

beforeAll(async () => {
  stores = await db.open();
  await stores.fhir.bulkLoad([
    practitioner('p1', 'Rivera'),
    practitioner('p2', 'Rivera'),
    practitioner('p3', 'Okafor'),
  ]);
});
afterAll(async () => {
  await db.drop();
});

async function ids(params: [string, string][]): Promise<string[]> {
  const request = parseSearch('Practitioner', params, registry, { defaultCount: 50, maxCount: 50, strict: true });
  return (await stores.fhir.search(request)).matches.map((m) => m.id).sort();
}

describe('_id with a criterion that drives the search from its lookup index', () => {
  // Found by the server's fuzz test: the driven page statement carried the parameters of a WHERE clause it did not
  // use, and PostgreSQL answered 42P18 (a 500) for `_id` with `name`, `family`, `identifier`...
  it('answers instead of failing, with the intersection of both', async () => {
    expect(
      await ids([
        ['_id', 'p2'],
        ['name', 'rivera'],
      ]),
    ).toEqual(['p2']);
    expect(
      await ids([
        ['name', 'rivera'],
        ['_id', 'p3'],
      ]),
    ).toEqual([]);
    expect(
      await ids([
        ['_id', 'p1,p3'],
        ['family', 'rivera'],
      ]),
    ).toEqual(['p1']);
    expect(
      await ids([
        ['_id', 'p3'],
        ['identifier', 'npi-p3'],
      ]),
    ).toEqual(['p3']);
    expect(
      await ids([
        ['_id:not', 'p1'],
        ['name', 'rivera'],
      ]),
    ).toEqual(['p2']);
  });
});
