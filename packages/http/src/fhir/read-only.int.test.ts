import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryIds, fhirFetch, jsonInit, sameSearch, startTestServer } from '../testing/fhir.ts';
import type { TestServer } from '../testing/fhir.ts';

describe('a read-only FHIR base', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ readOnly: true });
  });
  afterAll(async () => {
    await server.stop();
  });

  it.each([
    ['POST [type]', 'POST', '/Patient', { resourceType: 'Patient' }],
    ['PUT [type]/[id]', 'PUT', '/Patient/pat1', { resourceType: 'Patient', id: 'pat1' }],
    ['DELETE [type]/[id]', 'DELETE', '/Patient/pat1', undefined],
    ['POST of a batch Bundle', 'POST', '', { resourceType: 'Bundle', type: 'batch', entry: [] }],
  ])('%s answers 405 with an OperationOutcome and writes nothing', async (_label, method, path, body) => {
    const init = body === undefined ? { method } : jsonInit(method, body);
    const res = await fhirFetch(`${server.url}${path}`, init);
    expect(res.status).toBe(405);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0].code).toBe('not-supported');
    expect(res.headers.get('allow')).not.toContain(method === 'DELETE' ? 'DELETE' : 'PUT');
    const patient = await server.store.read('Patient', 'pat1');
    expect(patient.versionId).toBe('1');
  });

  it('reads, searches and POST _search still work', async () => {
    expect((await fhirFetch(`${server.url}/Patient/pat1`)).status).toBe(200);
    const get = await fhirFetch(`${server.url}/Observation?patient=pat2`);
    expect(entryIds(get.body)).toHaveLength(2);
    const post = await fhirFetch(`${server.url}/Observation/_search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'patient=pat2',
    });
    expect(post.status).toBe(200);
    expect(sameSearch(post.body)).toEqual(sameSearch(get.body));
  });
});

describe('a read-only FHIR base that refuses writes with 403', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ readOnly: { status: 403, message: 'Apps may only read' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('a create answers 403 with the configured message', async () => {
    const res = await fhirFetch(`${server.url}/Patient`, jsonInit('POST', { resourceType: 'Patient' }));
    expect(res.status).toBe(403);
    expect(res.body.issue[0].code).toBe('forbidden');
    expect(res.body.issue[0].diagnostics).toBe('Apps may only read');
  });

  it('an unknown resource type still answers 404 before the write is refused', async () => {
    const res = await fhirFetch(`${server.url}/Spaceship`, jsonInit('POST', { resourceType: 'Spaceship' }));
    expect(res.status).toBe(404);
  });
});
