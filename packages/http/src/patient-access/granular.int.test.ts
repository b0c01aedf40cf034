import type { Observation, Resource } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OBSERVATION_CATEGORY,
  bearer,
  entryIds,
  fhirFetch,
  keysOf,
  startPatientAccess,
} from '../testing/patient-access.ts';
import type { PatientAccessServer } from '../testing/patient-access.ts';

let server: PatientAccessServer;
beforeAll(async () => {
  server = await startPatientAccess();
});
afterAll(async () => {
  await server.stop();
});

const get = (path: string, token: string) => fhirFetch(`${server.url}/${path}`, bearer(token));
const sorted = (ids: string[]) => [...ids].sort();

function observations(where: (o: Observation) => boolean): string[] {
  return server.a.resources
    .filter((r: Resource): r is Observation => r.resourceType === 'Observation')
    .filter(where)
    .map((o) => `Observation/${o.id ?? ''}`);
}
const inCategory = (code: string) => (o: Observation) =>
  (o.category ?? []).some((c) => (c.coding ?? []).some((x) => x.system === OBSERVATION_CATEGORY && x.code === code));
const withLoinc = (code: string) => (o: Observation) =>
  (o.code.coding ?? []).some((x) => x.system === 'http://loinc.org' && x.code === code);

describe('SMART v2 granular scopes', () => {
  it('patient/Observation.rs?category=laboratory returns the laboratory results only', async () => {
    const labs = observations(inCategory('laboratory'));
    expect(labs.length).toBeGreaterThan(0);
    expect(labs.length).toBeLessThan(keysOf(server.a, 'Observation').length);
    const res = await get('Observation?_count=500', 'token-a-labs');
    expect(res.status).toBe(200);
    expect(sorted(entryIds(res.body))).toEqual(sorted(labs));
  });

  it('a search for another category with that token is empty', async () => {
    const res = await get('Observation?category=vital-signs', 'token-a-labs');
    expect(res.status).toBe(200);
    expect(res.body.entry ?? []).toEqual([]);
  });

  it('a read of an observation outside the category is 404; one inside is 200', async () => {
    const vital = observations(inCategory('vital-signs'))[0]!;
    const lab = observations(inCategory('laboratory'))[0]!;
    expect((await get(vital, 'token-a-labs')).status).toBe(404);
    expect((await get(lab, 'token-a-labs')).status).toBe(200);
    expect((await get(vital, 'token-a')).status).toBe(200);
  });

  it('a type the granular token does not name is 403', async () => {
    expect((await get('Condition', 'token-a-labs')).status).toBe(403);
  });

  it('two filters on category grant both categories and nothing else', async () => {
    const expected = observations((o) => inCategory('laboratory')(o) || inCategory('vital-signs')(o));
    const other = observations((o) => !inCategory('laboratory')(o) && !inCategory('vital-signs')(o));
    expect(other.length).toBeGreaterThan(0);
    const res = await get('Observation?_count=500', 'token-a-labs-and-vitals');
    expect(sorted(entryIds(res.body))).toEqual(sorted(expected));
    expect((await get(other[0]!, 'token-a-labs-and-vitals')).status).toBe(404);
  });

  it('filters on different parameters grant their union', async () => {
    const heartRates = observations(withLoinc('8867-4'));
    expect(heartRates.length).toBeGreaterThan(0);
    const expected = observations((o) => inCategory('laboratory')(o) || withLoinc('8867-4')(o));
    const res = await get('Observation?_count=500', 'token-a-labs-or-heart-rate');
    expect(sorted(entryIds(res.body))).toEqual(sorted(expected));
    // The client's own criteria still apply within the grant.
    const onlyHeart = await get('Observation?code=http://loinc.org|8867-4&_count=500', 'token-a-labs-or-heart-rate');
    expect(sorted(entryIds(onlyHeart.body))).toEqual(sorted(heartRates));
  });

  it('a _revinclude of a filtered type keeps only what the filter grants', async () => {
    const res = await get('Patient?_revinclude=Observation:patient', 'token-a-labs');
    expect(res.status).toBe(200);
    expect(entryIds(res.body, 'match')).toEqual([`Patient/${server.a.patientId}`]);
    expect(sorted(entryIds(res.body, 'include'))).toEqual(sorted(observations(inCategory('laboratory'))));
  });
});

describe('Patient/$everything', () => {
  it("returns the member's whole record and the shared resources it points at, nothing of the other member", async () => {
    const res = await get(`Patient/${server.a.patientId}/$everything`, 'token-a');
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('searchset');
    const keys = entryIds(res.body);
    expect(res.body.total).toBe(keys.length);
    expect(keys[0]).toBe(`Patient/${server.a.patientId}`);
    const own = server.a.resources.map((r) => `${r.resourceType}/${r.id ?? ''}`);
    for (const key of own) expect(keys, key).toContain(key);
    expect(keys.some((k) => k.startsWith('Practitioner/'))).toBe(true);
    expect(keys.some((k) => k.startsWith('Organization/'))).toBe(true);
    const others = new Set(server.b.resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
    expect(keys.filter((k) => others.has(k))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("the other member's id is 404, as a read", async () => {
    const res = await get(`Patient/${server.b.patientId}/$everything`, 'token-a');
    expect(res.status).toBe(404);
  });

  it('_type limits the types and granular scopes still apply', async () => {
    const res = await get(`Patient/${server.a.patientId}/$everything?_type=Observation`, 'token-a-labs');
    expect(res.status).toBe(200);
    expect(sorted(entryIds(res.body))).toEqual(sorted(observations(inCategory('laboratory'))));
  });

  it('without a token it is 401', async () => {
    const res = await fhirFetch(`${server.url}/Patient/${server.a.patientId}/$everything`);
    expect(res.status).toBe(401);
  });
});
