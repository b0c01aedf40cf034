import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notFound } from '@plan-api/fhir';
import { fhirErrorHandler } from './error-handler.ts';
import { fhirFetch, jsonInit, startTestServer } from '../testing/fhir.ts';
import type { TestServer } from '../testing/fhir.ts';

describe('bad requests answer 4xx with an OperationOutcome, never 500', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ maxBodyBytes: 2048 });
  });
  afterAll(async () => {
    await server.stop();
  });

  it.each([
    ['invalid JSON', '{"resourceType": "Patient",', 'Invalid JSON'],
    ['an array body', '[{"resourceType":"Patient"}]', 'JSON object'],
    ['a string body', '"Patient"', 'JSON object'],
    ['an empty body', '', 'body is required'],
    ['a body without resourceType', '{"id":"a"}', 'resourceType'],
    ['a body of another resourceType', '{"resourceType":"Observation"}', "does not match 'Patient'"],
    ['a numeric id', '{"resourceType":"Patient","id":5}', 'id'],
    ['a meta that is not an object', '{"resourceType":"Patient","meta":"x"}', 'meta'],
  ])('a create with %s answers 400', async (_label, body, message) => {
    const res = await fhirFetch(`${server.url}/Patient`, jsonInit('POST', body));
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0].diagnostics).toContain(message);
    expect(res.text).not.toMatch(/at .+:\d+:\d+/);
  });

  it('an update whose body id differs from the URL id answers 400', async () => {
    const res = await fhirFetch(`${server.url}/Patient/pat1`, jsonInit('PUT', { resourceType: 'Patient', id: 'pat2' }));
    expect(res.status).toBe(400);
    expect(res.body.issue[0].diagnostics).toContain("does not match the URL id 'pat1'");
  });

  it('an update whose body has no id answers 400', async () => {
    const res = await fhirFetch(`${server.url}/Patient/pat1`, jsonInit('PUT', { resourceType: 'Patient' }));
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('an update whose body resourceType differs from the URL type answers 400', async () => {
    const res = await fhirFetch(
      `${server.url}/Patient/pat1`,
      jsonInit('PUT', { resourceType: 'Observation', id: 'pat1' }),
    );
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('a body over the size limit answers 413', async () => {
    const body = { resourceType: 'Patient', text: { status: 'generated', div: 'x'.repeat(4096) } };
    const res = await fhirFetch(`${server.url}/Patient`, jsonInit('POST', body));
    expect(res.status).toBe(413);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('a body with a content type other than JSON answers 415', async () => {
    const res = await fhirFetch(`${server.url}/Patient`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"resourceType":"Patient"}',
    });
    expect(res.status).toBe(415);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('a Bundle that is neither batch nor transaction answers 400', async () => {
    const res = await fhirFetch(server.url, jsonInit('POST', { resourceType: 'Bundle', type: 'collection' }));
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('a batch entry that is not an object answers 400', async () => {
    const res = await fhirFetch(server.url, jsonInit('POST', { resourceType: 'Bundle', type: 'batch', entry: [null] }));
    expect(res.status).toBe(400);
    expect(res.body.issue[0].diagnostics).toContain('Bundle.entry[0]');
  });

  it('an unsupported method answers 405 with Allow', async () => {
    const res = await fhirFetch(`${server.url}/Patient/pat1`, jsonInit('PATCH', '[]'));
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('a path below the base that names no interaction answers 404', async () => {
    const res = await fhirFetch(`${server.url}/Patient/pat1/_history/1/extra`);
    expect(res.status).toBe(404);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('a malformed percent-escape in the path answers 400', async () => {
    const res = await fhirFetch(`${server.url}/Patient/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });
});

describe('fhirErrorHandler', () => {
  it('answers an unexpected error with 500, a generic message and no stack trace, and logs it', async () => {
    const logged: { message: string; details?: Record<string, unknown> }[] = [];
    const app = express();
    app.get('/boom', () => {
      throw new TypeError('secret internal detail');
    });
    app.get('/gone', () => {
      throw notFound('No such thing');
    });
    app.use(fhirErrorHandler({ logger: { error: (message, details) => logged.push({ message, details }) } }));
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const boom = await fhirFetch(`${base}/boom`);
      expect(boom.status).toBe(500);
      expect(boom.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
      expect(boom.body.resourceType).toBe('OperationOutcome');
      expect(boom.body.issue[0].diagnostics).toBe('Internal server error');
      expect(boom.text).not.toContain('secret internal detail');
      expect(boom.text).not.toContain('TypeError');
      expect(logged).toHaveLength(1);
      expect(logged[0]?.details?.error).toBeInstanceOf(TypeError);

      const gone = await fhirFetch(`${base}/gone`);
      expect(gone.status).toBe(404);
      expect(gone.body.issue[0].diagnostics).toBe('No such thing');
      expect(logged).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
