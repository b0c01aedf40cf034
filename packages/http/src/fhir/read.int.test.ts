import type { Patient } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirFetch, jsonInit, startTestServer } from '../testing/fhir.ts';
import type { TestServer } from '../testing/fhir.ts';

describe('FHIR read, vread and history over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('a read answers the stored bytes as application/fhir+json with ETag and Last-Modified', async () => {
    const stored = await server.store.read('Patient', 'pat1');
    const res = await fhirFetch(`${server.url}/Patient/pat1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(res.text).toBe(stored.json);
    expect(res.body.resourceType).toBe('Patient');
    expect(res.headers.get('etag')).toBe(`W/"${stored.versionId}"`);
    expect(new Date(res.headers.get('last-modified') ?? '').getTime()).toBe(
      Math.floor(new Date(stored.lastUpdated).getTime() / 1000) * 1000,
    );
  });

  it('a read with If-None-Match naming the current version answers 304 without a body', async () => {
    const first = await fhirFetch(`${server.url}/Patient/pat2`);
    const again = await fhirFetch(`${server.url}/Patient/pat2`, {
      headers: { 'If-None-Match': first.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
  });

  it('a read of an unknown id answers 404 with an OperationOutcome', async () => {
    const res = await fhirFetch(`${server.url}/Patient/nobody`);
    expect(res.status).toBe(404);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0].severity).toBe('error');
  });

  it('a read of an unknown resource type answers 404 "Unknown resource type"', async () => {
    const res = await fhirFetch(`${server.url}/Spaceship/1`);
    expect(res.status).toBe(404);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0].diagnostics).toContain('Unknown resource type');
  });

  it('a read of a deleted resource answers 410 with an OperationOutcome', async () => {
    const created = await server.store.create({ resourceType: 'Patient', active: true } as Patient);
    await server.store.delete('Patient', created.resource.id);
    const res = await fhirFetch(`${server.url}/Patient/${created.resource.id}`);
    expect(res.status).toBe(410);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('a vread answers that version and its ETag; an unknown version answers 404', async () => {
    const url = `${server.url}/Patient/vr1`;
    await fhirFetch(url, jsonInit('PUT', { resourceType: 'Patient', id: 'vr1', gender: 'female' }));
    await fhirFetch(url, jsonInit('PUT', { resourceType: 'Patient', id: 'vr1', gender: 'male' }));
    const v1 = await fhirFetch(`${url}/_history/1`);
    expect(v1.status).toBe(200);
    expect(v1.body.gender).toBe('female');
    expect(v1.body.meta.versionId).toBe('1');
    expect(v1.headers.get('etag')).toBe('W/"1"');
    const current = await fhirFetch(url);
    expect(current.body.gender).toBe('male');
    const missing = await fhirFetch(`${url}/_history/99`);
    expect(missing.status).toBe(404);
    expect(missing.body.resourceType).toBe('OperationOutcome');
  });

  it('instance history lists every version newest first as a history Bundle', async () => {
    const url = `${server.url}/Patient/h1`;
    await fhirFetch(url, jsonInit('PUT', { resourceType: 'Patient', id: 'h1', active: true }));
    await fhirFetch(url, jsonInit('PUT', { resourceType: 'Patient', id: 'h1', active: false }));
    await fhirFetch(url, { method: 'DELETE' });
    const res = await fhirFetch(`${url}/_history`);
    expect(res.status).toBe(200);
    expect(res.body.resourceType).toBe('Bundle');
    expect(res.body.type).toBe('history');
    const entries = res.body.entry;
    expect(entries.map((e: { request: { method: string } }) => e.request.method)).toEqual(['DELETE', 'PUT', 'POST']);
    expect(entries[0].resource).toBeUndefined();
    expect(entries[1].resource.active).toBe(false);
    expect(entries[2].resource.meta.versionId).toBe('1');
    expect(entries[1].fullUrl).toBe(`${server.url}/Patient/h1`);
  });

  it('instance history of an id never seen answers 404', async () => {
    const res = await fhirFetch(`${server.url}/Patient/never-seen/_history`);
    expect(res.status).toBe(404);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('type history pages with _count and a next link', async () => {
    const first = await fhirFetch(`${server.url}/Observation/_history?_count=5`);
    expect(first.status).toBe(200);
    expect(first.body.entry).toHaveLength(5);
    const next = first.body.link.find((l: { relation: string }) => l.relation === 'next');
    expect(next.url).toBe(`${server.url}/Observation/_history?_count=5&_offset=5`);
    const second = await fhirFetch(next.url);
    expect(second.body.entry).toHaveLength(5);
    const ids = [...first.body.entry, ...second.body.entry].map((e: { fullUrl: string }) => e.fullUrl);
    expect(new Set(ids).size).toBe(10);
  });

  it('history with _count=-1 answers 400', async () => {
    const res = await fhirFetch(`${server.url}/Observation/_history?_count=-1`);
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('_elements on a read keeps the named elements and marks the resource SUBSETTED', async () => {
    const res = await fhirFetch(`${server.url}/Patient/pat1?_elements=birthDate`);
    expect(res.status).toBe(200);
    expect(res.body.birthDate).toBe('1970-02-03');
    expect(res.body.name).toBeUndefined();
    expect(res.body.id).toBe('pat1');
    expect(JSON.stringify(res.body.meta?.tag ?? [])).toContain('SUBSETTED');
    const prefixed = await fhirFetch(`${server.url}/Patient/pat1?_elements=Patient.birthDate`);
    expect(prefixed.body).toEqual(res.body);
  });

  it('_summary=true on a read drops the non-summary elements; an invalid _summary answers 400', async () => {
    const stored = await server.store.read('Patient', 'pat1');
    expect(JSON.parse(stored.json).communication).toBeDefined();
    const summary = await fhirFetch(`${server.url}/Patient/pat1?_summary=true`);
    expect(summary.status).toBe(200);
    expect(summary.body.name).toEqual([{ family: 'Smith', given: ['Ann'] }]);
    expect(summary.body.communication).toBeUndefined();
    expect(JSON.stringify(summary.body.meta?.tag ?? [])).toContain('SUBSETTED');
    const bad = await fhirFetch(`${server.url}/Patient/pat1?_summary=sometimes`);
    expect(bad.status).toBe(400);
    expect(bad.body.resourceType).toBe('OperationOutcome');
  });

  it('_format=json, Accept application/json and Accept application/fhir+json are all served', async () => {
    for (const init of [
      { url: `${server.url}/Patient/pat1?_format=json`, headers: { Accept: '*/*' } },
      { url: `${server.url}/Patient/pat1?_format=application/fhir%2Bjson`, headers: { Accept: '*/*' } },
      { url: `${server.url}/Patient/pat1`, headers: { Accept: 'application/json' } },
      { url: `${server.url}/Patient/pat1`, headers: { Accept: 'application/fhir+json' } },
    ]) {
      const res = await fhirFetch(init.url, { headers: init.headers });
      expect(res.status, init.url).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    }
  });

  it('asking for XML answers 406 with an OperationOutcome', async () => {
    const byParam = await fhirFetch(`${server.url}/Patient/pat1?_format=xml`);
    expect(byParam.status).toBe(406);
    expect(byParam.body.resourceType).toBe('OperationOutcome');
    const byHeader = await fhirFetch(`${server.url}/Patient/pat1`, { headers: { Accept: 'application/fhir+xml' } });
    expect(byHeader.status).toBe(406);
  });

  it('an id that is not a FHIR id answers 400', async () => {
    const res = await fhirFetch(`${server.url}/Patient/${'x'.repeat(65)}`);
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });
});
