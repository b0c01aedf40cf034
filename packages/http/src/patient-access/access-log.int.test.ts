import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer, entryIds, fhirFetch, keysOf, startPatientAccess } from '../testing/patient-access.ts';
import type { PatientAccessServer } from '../testing/patient-access.ts';
import type { PatientAccessEntry } from './access-log.ts';

let server: PatientAccessServer;
beforeAll(async () => {
  server = await startPatientAccess();
});
afterAll(async () => {
  await server.stop();
});

/** Runs a request and returns the access-log entries it produced (they arrive once the response is done). */
async function accessesOf(run: () => Promise<unknown>, expected = 1): Promise<PatientAccessEntry[]> {
  const before = server.accesses.length;
  await run();
  if (expected > 0) await vi.waitFor(() => expect(server.accesses.length).toBeGreaterThanOrEqual(before + expected));
  else await new Promise((resolve) => setTimeout(resolve, 50));
  return server.accesses.slice(before);
}

describe('onAccess, the access log of every request with a valid token', () => {
  it('a read is logged with the client, patient, launch, request, type, status and one resource', async () => {
    const key = keysOf(server.a, 'Condition')[0]!;
    const [entry] = await accessesOf(() => fhirFetch(`${server.url}/${key}`, bearer('token-a')));
    expect(entry).toMatchObject({
      clientId: 'client-a',
      patientId: server.a.patientId,
      launchId: 'launch-token-a',
      method: 'GET',
      request: key,
      resourceType: 'Condition',
      status: 200,
      count: 1,
    });
    expect(entry?.error).toBeUndefined();
    expect(Date.parse(entry?.at ?? '')).not.toBeNaN();
    expect(entry?.scopes).toContain('patient/Condition.rs');
  });

  it('a search is logged with its query and the number of resources returned, includes counted', async () => {
    let returned = 0;
    const [entry] = await accessesOf(async () => {
      const res = await fhirFetch(`${server.url}/Encounter?_count=3&_revinclude=Provenance:target`, bearer('token-a'));
      returned = entryIds(res.body).length;
    });
    expect(returned).toBeGreaterThan(3);
    expect(entry).toMatchObject({
      request: 'Encounter?_count=3&_revinclude=Provenance:target',
      resourceType: 'Encounter',
      status: 200,
      count: returned,
    });
  });

  it('a POST _search is logged with its form parameters', async () => {
    const [entry] = await accessesOf(() =>
      fhirFetch(
        `${server.url}/Observation/_search`,
        bearer('token-a', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'category=laboratory',
        }),
      ),
    );
    expect(entry).toMatchObject({ method: 'POST', request: 'Observation/_search?category=laboratory', status: 200 });
  });

  it('a refusal for scope is logged with insufficient_scope and what to ask for', async () => {
    const [entry] = await accessesOf(() => fhirFetch(`${server.url}/Observation`, bearer('token-a-no-observation')));
    expect(entry).toMatchObject({ status: 403, error: 'insufficient_scope', resourceType: 'Observation' });
    expect(entry?.message).toContain('patient/Observation.rs');
    expect(entry?.count).toBeUndefined();
  });

  it("a read of the other member's data is logged as a 404", async () => {
    const [entry] = await accessesOf(() => fhirFetch(`${server.url}/Patient/${server.b.patientId}`, bearer('token-a')));
    expect(entry).toMatchObject({ status: 404, error: 'not_found', patientId: server.a.patientId });
  });

  it("a refuse hook's answers are logged with the hook's code and message", async () => {
    const [expired] = await accessesOf(() => fhirFetch(`${server.url}/Patient`, bearer('token-a-refused-expired')));
    expect(expired).toMatchObject({
      status: 401,
      error: 'expired_token',
      message: 'hook: the token counts as expired',
    });
    const [failed] = await accessesOf(() => fhirFetch(`${server.url}/Patient`, bearer('token-a-refused-failing')));
    expect(failed).toMatchObject({ status: 500, error: 'server_error' });
  });

  it('$everything is logged with the size of the record', async () => {
    let returned = 0;
    const [entry] = await accessesOf(async () => {
      const res = await fhirFetch(`${server.url}/Patient/${server.a.patientId}/$everything`, bearer('token-a'));
      returned = res.body.total;
    });
    expect(entry).toMatchObject({ resourceType: 'Patient', status: 200, count: returned });
  });

  it('requests without a valid token, metadata and discovery are not logged', async () => {
    const entries = await accessesOf(async () => {
      await fhirFetch(`${server.url}/Patient`);
      await fhirFetch(`${server.url}/Patient`, bearer('nope'));
      await fhirFetch(`${server.url}/metadata`);
      await fhirFetch(`${server.url}/.well-known/smart-configuration`);
    }, 0);
    expect(entries).toEqual([]);
  });
});
