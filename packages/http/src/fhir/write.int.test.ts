import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_ID, entryIds, fhirFetch, jsonInit, startTestServer } from '../testing/fhir.ts';
import type { TestServer } from '../testing/fhir.ts';

describe('FHIR writes over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('a create answers 201 with Location, ETag and the stored resource', async () => {
    const res = await fhirFetch(
      `${server.url}/Patient`,
      jsonInit('POST', { resourceType: 'Patient', gender: 'other' }),
    );
    expect(res.status).toBe(201);
    expect(res.body.resourceType).toBe('Patient');
    const id: string = res.body.id;
    expect(id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(res.body.meta.versionId).toBe('1');
    expect(res.headers.get('location')).toBe(`${server.url}/Patient/${id}/_history/1`);
    expect(res.headers.get('etag')).toBe('W/"1"');
    const read = await fhirFetch(`${server.url}/Patient/${id}`);
    expect(read.body.gender).toBe('other');
  });

  it('a create accepts an application/json body', async () => {
    const res = await fhirFetch(`${server.url}/Patient`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ resourceType: 'Patient', gender: 'female' }),
    });
    expect(res.status).toBe(201);
  });

  it('a conditional create with a matching If-None-Exist answers 200 with the existing resource and creates nothing', async () => {
    const before = await fhirFetch(`${server.url}/Patient?_summary=count`);
    const res = await fhirFetch(
      `${server.url}/Patient`,
      jsonInit(
        'POST',
        { resourceType: 'Patient', identifier: [{ system: MEMBER_ID, value: 'm-1' }] },
        {
          'If-None-Exist': `identifier=${MEMBER_ID}|m-1`,
        },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.id).toBe('pat1');
    const after = await fhirFetch(`${server.url}/Patient?_summary=count`);
    expect(after.body.total).toBe(before.body.total);
  });

  it('a conditional create without a match creates the resource', async () => {
    const res = await fhirFetch(
      `${server.url}/Patient`,
      jsonInit(
        'POST',
        { resourceType: 'Patient', identifier: [{ system: MEMBER_ID, value: 'new-9' }] },
        {
          'If-None-Exist': `identifier=${MEMBER_ID}|new-9`,
        },
      ),
    );
    expect(res.status).toBe(201);
    const found = await fhirFetch(`${server.url}/Patient?identifier=${encodeURIComponent(`${MEMBER_ID}|new-9`)}`);
    expect(entryIds(found.body)).toEqual([`Patient/${res.body.id}`]);
  });

  it('an update answers 200 with the next version; a PUT to a new id creates it with 201', async () => {
    const created = await fhirFetch(`${server.url}/Patient/u1`, jsonInit('PUT', { resourceType: 'Patient', id: 'u1' }));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${server.url}/Patient/u1/_history/1`);
    const updated = await fhirFetch(
      `${server.url}/Patient/u1`,
      jsonInit('PUT', { resourceType: 'Patient', id: 'u1', active: true }),
    );
    expect(updated.status).toBe(200);
    expect(updated.body.meta.versionId).toBe('2');
    expect(updated.headers.get('etag')).toBe('W/"2"');
    expect(updated.body.active).toBe(true);
  });

  it('an update with If-Match of the current version succeeds and with a stale one answers 412', async () => {
    const url = `${server.url}/Patient/m1`;
    await fhirFetch(url, jsonInit('PUT', { resourceType: 'Patient', id: 'm1' }));
    const ok = await fhirFetch(url, jsonInit('PUT', { resourceType: 'Patient', id: 'm1' }, { 'If-Match': 'W/"1"' }));
    expect(ok.status).toBe(200);
    const stale = await fhirFetch(url, jsonInit('PUT', { resourceType: 'Patient', id: 'm1' }, { 'If-Match': 'W/"1"' }));
    expect(stale.status).toBe(412);
    expect(stale.body.resourceType).toBe('OperationOutcome');
  });

  it('Prefer: return=minimal answers the status and headers without a body', async () => {
    const res = await fhirFetch(
      `${server.url}/Patient`,
      jsonInit('POST', { resourceType: 'Patient' }, { Prefer: 'return=minimal' }),
    );
    expect(res.status).toBe(201);
    expect(res.text).toBe('');
    expect(res.headers.get('location')).toMatch(/\/Patient\/[^/]+\/_history\/1$/);
  });

  it('a delete answers 200 and the resource then reads as 410', async () => {
    await fhirFetch(`${server.url}/Patient/d1`, jsonInit('PUT', { resourceType: 'Patient', id: 'd1' }));
    const res = await fhirFetch(`${server.url}/Patient/d1`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.body.resourceType).toBe('OperationOutcome');
    const read = await fhirFetch(`${server.url}/Patient/d1`);
    expect(read.status).toBe(410);
  });

  it('a transaction Bundle posted to the base answers a transaction-response', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:8f1f5c1e-0000-4000-8000-000000000001',
          resource: { resourceType: 'Patient', name: [{ family: 'Tx' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        { resource: { resourceType: 'Patient', id: 'tx2' }, request: { method: 'PUT', url: 'Patient/tx2' } },
      ],
    };
    const res = await fhirFetch(server.url, jsonInit('POST', bundle));
    expect(res.status).toBe(200);
    expect(res.body.resourceType).toBe('Bundle');
    expect(res.body.type).toBe('transaction-response');
    expect(res.body.entry).toHaveLength(2);
    expect(res.body.entry[0].response.status).toMatch(/^201/);
    expect((await fhirFetch(`${server.url}/Patient/tx2`)).status).toBe(200);
  });

  it('a batch Bundle posted to the base answers a batch-response', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [{ request: { method: 'GET', url: 'Patient/pat1' } }],
    };
    const res = await fhirFetch(server.url, jsonInit('POST', bundle));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('batch-response');
    expect(res.body.entry[0].response.status).toMatch(/^200/);
  });
});
