import type { Provenance } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, entryIds, fhirFetch, keysOf, startPatientAccess } from '../testing/patient-access.ts';
import type { Json, PatientAccessServer } from '../testing/patient-access.ts';

let server: PatientAccessServer;
let a: string;
let b: string;

/** A Provenance of member B whose agent is the plan's payer organization (shown to everyone). */
function foreignProvenance(patientB: string, encounterB: string): Provenance {
  return {
    resourceType: 'Provenance',
    id: 'foreign-prov',
    target: [{ reference: `Encounter/${encounterB}` }, { reference: `Patient/${patientB}` }],
    recorded: '2024-01-01T00:00:00Z',
    agent: [{ who: { reference: 'Organization/payer' } }],
  };
}

beforeAll(async () => {
  server = await startPatientAccess();
  a = server.a.patientId;
  b = server.b.patientId;
  const encounterB = keysOf(server.b, 'Encounter')[0]!.split('/')[1]!;
  await server.store.update(foreignProvenance(b, encounterB));
});
afterAll(async () => {
  await server.stop();
});

const get = (path: string, token = 'token-a') => fhirFetch(`${server.url}/${path}`, bearer(token));
const sorted = (ids: string[]) => [...ids].sort();

describe("another member's resources are never returned", () => {
  it("a read of the other member's Patient, Observation and Coverage is 404, like an unknown id", async () => {
    const unknown = await get('Observation/no-such-id');
    expect(unknown.status).toBe(404);
    for (const key of [`Patient/${b}`, keysOf(server.b, 'Observation')[0]!, keysOf(server.b, 'Coverage')[0]!]) {
      const res = await get(key);
      expect(res.status, key).toBe(404);
      expect(res.body.issue[0].code).toBe('not-found');
      expect(res.body.issue[0].diagnostics).toBe(`${key} is not known.`);
    }
  });

  it("the same reads with the other member's token succeed (the data is there)", async () => {
    const res = await get(keysOf(server.b, 'Observation')[0]!, 'token-b');
    expect(res.status).toBe(200);
  });

  it("vread and instance history of the other member's resource are 404 too", async () => {
    const key = keysOf(server.b, 'Condition')[0]!;
    expect((await get(`${key}/_history`)).status).toBe(404);
    expect((await get(`${key}/_history/1`)).status).toBe(404);
    expect((await get(`${keysOf(server.a, 'Condition')[0]!}/_history/1`)).status).toBe(200);
  });

  it("a search without patient returns exactly the member's own resources", async () => {
    for (const type of ['Observation', 'Condition', 'ExplanationOfBenefit', 'Coverage', 'Encounter']) {
      const res = await get(`${type}?_count=500`);
      expect(res.status).toBe(200);
      expect(sorted(entryIds(res.body)), type).toEqual(sorted(keysOf(server.a, type)));
    }
  });

  it('Patient searches return the member only, whatever the criteria', async () => {
    expect(entryIds((await get('Patient')).body)).toEqual([`Patient/${a}`]);
    expect(entryIds((await get(`Patient?_id=${b}`)).body)).toEqual([]);
    expect(entryIds((await get('Patient?birthdate=ge1900')).body)).toEqual([`Patient/${a}`]);
  });

  it('a Patient search carries Bundle.total without _total (the member: 1)', async () => {
    expect((await get('Patient')).body.total).toBe(1);
    const empty = await get('Patient?_count=0');
    expect(empty.status).toBe(200);
    expect(empty.body.total).toBe(1);
    expect((await get(`Patient?_id=${b}&_count=0`)).body.total).toBe(0);
  });

  it("_summary=count counts the member's resources only", async () => {
    const res = await get('Observation?_summary=count');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(keysOf(server.a, 'Observation').length);
  });

  it('a chained search cannot reach past the member', async () => {
    const res = await get(`Observation?subject:Patient._id=${b}`);
    expect(res.status).toBe(200);
    expect(res.body.entry ?? []).toEqual([]);
  });

  it('patient=<other member> gives an empty result, not an error', async () => {
    const res = await get(`Observation?patient=${b}`);
    expect(res.status).toBe(200);
    expect(res.body.entry ?? []).toEqual([]);
    expect(res.body.total).toBe(0);
  });

  it('patient=<id> and patient=Patient/<id> give the same result', async () => {
    const plain = await get(`Observation?patient=${a}&category=laboratory&_count=500`);
    const typed = await get(`Observation?patient=Patient/${a}&category=laboratory&_count=500`);
    expect(entryIds(plain.body).length).toBeGreaterThan(0);
    expect(entryIds(typed.body)).toEqual(entryIds(plain.body));
  });

  it('POST _search gives the same result as GET', async () => {
    const viaGet = await get(`Condition?patient=${a}&_count=500`);
    const viaPost = await fhirFetch(
      `${server.url}/Condition/_search`,
      bearer('token-a', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `patient=${a}&_count=500`,
      }),
    );
    expect(viaPost.status).toBe(200);
    expect(entryIds(viaPost.body)).toEqual(entryIds(viaGet.body));
    const bothMembers = await fhirFetch(
      `${server.url}/Condition/_search`,
      bearer('token-a', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `patient=${b}`,
      }),
    );
    expect(bothMembers.body.entry ?? []).toEqual([]);
  });

  it('paging follows next links and never leaves the member', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${server.url}/Observation?_count=20`;
    while (url) {
      const page: Json = (await fhirFetch(url, bearer('token-a'))).body;
      seen.push(...entryIds(page));
      url = (page.link as Json[]).find((l) => l.relation === 'next')?.url;
    }
    expect(sorted(seen)).toEqual(sorted(keysOf(server.a, 'Observation')));
  });
});

describe('includes are cut to what the token may read', () => {
  it("_revinclude of Coverage on the shared payer brings the member's Coverage, not the other's", async () => {
    const res = await get('Organization?_id=payer&_revinclude=Coverage:payor');
    expect(entryIds(res.body, 'match')).toEqual(['Organization/payer']);
    expect(entryIds(res.body, 'include')).toEqual(keysOf(server.a, 'Coverage'));
    expect(res.text).not.toContain(b);
  });

  it('_include=ExplanationOfBenefit:* brings the member, the coverage and the providers', async () => {
    const res = await get('ExplanationOfBenefit?_include=ExplanationOfBenefit:*&_count=3');
    const included = entryIds(res.body, 'include');
    expect(included).toContain(`Patient/${a}`);
    expect(included).toContain(keysOf(server.a, 'Coverage')[0]);
    expect(included.some((k) => k.startsWith('Practitioner/') || k.startsWith('Organization/'))).toBe(true);
  });

  it('included resources of types the token does not read are left out', async () => {
    const res = await get('ExplanationOfBenefit?_include=ExplanationOfBenefit:*&_count=50', 'token-a-no-practitioner');
    expect(res.status).toBe(200);
    const included = entryIds(res.body, 'include');
    expect(included.length).toBeGreaterThan(0);
    expect(included.filter((k) => k.startsWith('Practitioner/'))).toEqual([]);
  });

  it("_revinclude=Provenance:target brings the member's Provenance only", async () => {
    const res = await get('Encounter?_revinclude=Provenance:target&_count=500');
    const provenances = entryIds(res.body, 'include');
    const expected = server.a.resources
      .filter((r): r is Provenance => r.resourceType === 'Provenance')
      .filter((p) => p.target.some((t) => t.reference?.startsWith('Encounter/')))
      .map((p) => `Provenance/${p.id ?? ''}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(provenances)).toEqual(sorted(expected));
  });

  it('a Provenance about the other member stays hidden even when its agent is shown', async () => {
    const res = await get('Organization?_id=payer&_revinclude=Provenance:agent');
    expect(entryIds(res.body, 'include')).not.toContain('Provenance/foreign-prov');
    const asB = await get('Organization?_id=payer&_revinclude=Provenance:agent', 'token-b');
    expect(entryIds(asB.body, 'include')).toContain('Provenance/foreign-prov');
    expect((await get('Provenance/foreign-prov')).status).toBe(404);
    expect(entryIds((await get('Provenance?_count=500')).body)).not.toContain('Provenance/foreign-prov');
    expect((await get('Provenance/foreign-prov', 'token-b')).status).toBe(200);
  });

  it("Provenance searches and reads see the provenance of the member's records", async () => {
    const res = await get('Provenance?_count=500');
    expect(sorted(entryIds(res.body))).toEqual(sorted(keysOf(server.a, 'Provenance')));
    expect((await get(keysOf(server.a, 'Provenance')[0]!)).status).toBe(200);
  });
});

describe('shared resources', () => {
  it('Practitioner, Organization and Location are readable with their scopes', async () => {
    const eob: Json = (await get(`${keysOf(server.a, 'ExplanationOfBenefit')[0]!}`)).body;
    const provider: string = eob.provider.reference;
    expect((await get(provider)).status).toBe(200);
    expect((await get('Organization/payer')).status).toBe(200);
    const locations = await get('Location?_count=5');
    expect(entryIds(locations.body).length).toBeGreaterThan(0);
  });

  it('without the Practitioner scope a Practitioner read is 403', async () => {
    const res = await get('Practitioner?_count=1', 'token-a-no-practitioner');
    expect(res.status).toBe(403);
  });

  it('_has over patient data on a shared type is refused (it would test other members)', async () => {
    const res = await get('Organization?_has:Coverage:payor:status=active');
    expect(res.status).toBe(403);
  });
});
