import type { Bundle } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../testing/index.ts';
import type { TestSandbox } from '../testing/index.ts';
import { createSchemaCheck } from '@plan-api/http/testing';

const check = createSchemaCheck();
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

const confidentialApp = {
  name: 'Claims Viewer',
  oauthType: 'secret',
  redirectUris: ['https://viewer.example.com/callback'],
  launchUrl: 'https://viewer.example.com/launch',
  organizationName: 'Viewer Inc.',
  privacyPolicyUrl: 'https://viewer.example.com/privacy',
};

type Json = Record<string, unknown>;

describe('the management API: apps', () => {
  it('registers an app (201) with a random client id and a 256-bit secret, in the documented shape', async () => {
    const { status, body } = await sandbox.api('POST', '/apps', confidentialApp);
    expect(status).toBe(201);
    expect(check('App', body)).toEqual([]);
    const app = body as Json;
    expect(app).toMatchObject({ ...confidentialApp, productionRequest: { state: 'draft' } });
    expect(app).not.toHaveProperty('ownerId');
    expect(typeof app.clientId).toBe('string');
    expect(Buffer.from(app.clientSecret as string, 'base64url').length).toBeGreaterThanOrEqual(32);
  });

  it('gives a public PKCE app no secret', async () => {
    const { status, body } = await sandbox.api('POST', '/apps', {
      name: 'Pocket PHR',
      oauthType: 'pkce',
      redirectUris: ['http://localhost:3000/cb'],
    });
    expect(status).toBe(201);
    expect(body).not.toHaveProperty('clientSecret');
  });

  it('refuses invalid fields with 400 and one message per field', async () => {
    const { status, body } = await sandbox.api('POST', '/apps', {
      oauthType: 'implicit',
      redirectUris: ['http://evil.example.com/cb'],
    });
    expect(status).toBe(400);
    expect(check('Error', body)).toEqual([]);
    const error = body as { error: string; message: string; fields: Record<string, string> };
    expect(error.error).toBe('validation_failed');
    expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(['name', 'oauthType']));
    expect(Object.keys(error.fields).some((f) => f.startsWith('redirectUris'))).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('lists, reads, replaces and deletes an app; an unknown id is 404', async () => {
    const created = (await sandbox.api('POST', '/apps', { ...confidentialApp, name: 'To change' })).body as Json;
    const id = created.id as string;
    const listed = await sandbox.api('GET', '/apps');
    expect(listed.status).toBe(200);
    expect((listed.body as Json[]).map((a) => a.id)).toContain(id);
    for (const app of listed.body as Json[]) expect(check('App', app)).toEqual([]);

    expect((await sandbox.api('GET', `/apps/${id}`)).body).toEqual(created);
    const updated = await sandbox.api('PUT', `/apps/${id}`, { ...confidentialApp, name: 'Changed' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, name: 'Changed', clientId: created.clientId });

    const badUpdate = await sandbox.api('PUT', `/apps/${id}`, { ...confidentialApp, launchUrl: 'not a url' });
    expect(badUpdate.status).toBe(400);
    expect((badUpdate.body as Json).fields).toHaveProperty('launchUrl');

    const deleted = await sandbox.api('DELETE', `/apps/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    const gone = await sandbox.api('GET', `/apps/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ error: 'not_found' });
    expect((await sandbox.api('DELETE', `/apps/${id}`)).status).toBe(404);
  });
});

describe('the management API: patients and launches', () => {
  let patientId: string;

  it('initializes a patient (201) with its resource counts', async () => {
    const { status, body } = await sandbox.api('POST', '/patients', { seed: 'api-test-1', scenario: 'diabetes' });
    expect(status).toBe(201);
    expect(check('Patient', body)).toEqual([]);
    const patient = body as { id: string; name: string; resourceCounts: Record<string, number> };
    patientId = patient.id;
    expect(patient.resourceCounts.Patient).toBe(1);
    expect(patient.resourceCounts.ExplanationOfBenefit).toBeGreaterThan(0);
    const list = await sandbox.api('GET', '/patients');
    expect((list.body as Json[]).map((p) => p.id)).toContain(patientId);
  });

  it('initializes a patient without a body, and refuses a bad scenario with a field error', async () => {
    const res = await fetch(`${sandbox.url}/api/patients`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sandbox.token}` },
    });
    expect(res.status).toBe(201);
    const bad = await sandbox.api('POST', '/patients', { scenario: 'martian' });
    expect(bad.status).toBe(400);
    expect((bad.body as Json).fields).toHaveProperty('scenario');
  });

  it("returns My Data: a FHIR Bundle of the member's resources", async () => {
    const res = await fetch(`${sandbox.url}/api/patients/${patientId}/data`, {
      headers: { Authorization: `Bearer ${sandbox.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const bundle = (await res.json()) as Bundle;
    expect(bundle.resourceType).toBe('Bundle');
    const types = new Set(bundle.entry?.map((e) => e.resource?.resourceType));
    expect(types).toContain('Patient');
    expect(types).toContain('ExplanationOfBenefit');
    expect((await sandbox.api('GET', '/patients/nobody/data')).status).toBe(404);
  });

  it('creates a launch URL of the form launchUrl?iss=<FHIR base>&launch=<opaque>, listed in the launch log', async () => {
    const app = (await sandbox.api('POST', '/apps', confidentialApp)).body as Json;
    const { status, body, headers } = await sandbox.api('POST', `/apps/${app.id as string}/launch`, {
      patientId,
      skipConsent: true,
    });
    expect(status).toBe(201);
    expect(check('CreatedLaunch', body)).toEqual([]);
    const launchUrl = new URL((body as { launchUrl: string }).launchUrl);
    expect(`${launchUrl.origin}${launchUrl.pathname}`).toBe(confidentialApp.launchUrl);
    expect(launchUrl.searchParams.get('iss')).toBe(`${sandbox.url}/fhir`);
    const launch = launchUrl.searchParams.get('launch') ?? '';
    expect(launch.length).toBeGreaterThanOrEqual(16);
    expect(launch).not.toContain(patientId);
    expect(headers.get('location')).toBe(`/api/launches/${launch}`);

    const list = await sandbox.api('GET', '/launches');
    expect(list.status).toBe(200);
    const entries = list.body as Json[];
    expect(entries.map((l) => l.id)).toContain(launch);
    for (const entry of entries) expect(check('LaunchSummary', entry)).toEqual([]);
    const detail = await sandbox.api('GET', `/launches/${launch}`);
    expect(detail.status).toBe(200);
    expect(check('LaunchDetail', detail.body)).toEqual([]);
    expect(detail.body).toMatchObject({ launch: { id: launch, appId: app.id, patientId, skipConsent: true } });
    expect((await sandbox.api('GET', '/launches/unknown')).status).toBe(404);
    expect((await sandbox.api('GET', `/launches?appId=${app.id as string}&limit=1`)).body).toHaveLength(1);
    expect((await sandbox.api('GET', '/launches?limit=0')).status).toBe(400);
  });

  it('refuses a launch for an unknown patient or with an unknown simulated error', async () => {
    const app = (await sandbox.api('POST', '/apps', confidentialApp)).body as Json;
    const unknownPatient = await sandbox.api('POST', `/apps/${app.id as string}/launch`, { patientId: 'nobody' });
    expect(unknownPatient.status).toBe(400);
    const badError = await sandbox.api('POST', `/apps/${app.id as string}/launch`, {
      patientId,
      simulateError: 'meteor_strike',
    });
    expect(badError.status).toBe(400);
    expect((badError.body as Json).fields).toHaveProperty('simulateError');
  });

  it('answers the access log (empty before any FHIR access) and deletes a patient', async () => {
    const log = await sandbox.api('GET', `/access-log?patientId=${patientId}`);
    expect(log.status).toBe(200);
    expect(log.body).toEqual([]);
    const other = (await sandbox.api('POST', '/patients', { seed: 'api-test-delete' })).body as Json;
    expect((await sandbox.api('DELETE', `/patients/${other.id as string}`)).status).toBe(204);
    expect((await sandbox.api('GET', `/patients/${other.id as string}/data`)).status).toBe(404);
  });
});

describe('the management API: errors and authentication', () => {
  it('answers 401 with a Bearer challenge without a token or with a wrong one', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong' },
      { Authorization: `Basic ${sandbox.token}` },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${sandbox.url}/api/apps`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
      const body = (await res.json()) as Json;
      expect(body.error).toBe('unauthorized');
      expect(check('Error', body)).toEqual([]);
    }
  });

  it('answers 400 invalid_json for a malformed body and 413 for a huge one', async () => {
    const post = (body: string) =>
      fetch(`${sandbox.url}/api/apps`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sandbox.token}`, 'Content-Type': 'application/json' },
        body,
      });
    const bad = await post('{"name": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_json' });
    const huge = await post(JSON.stringify({ name: 'x'.repeat(400 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers 404 for an unknown route and 405 with Allow for a wrong method', async () => {
    const unknown = await sandbox.api('GET', '/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'not_found' });
    const wrong = await sandbox.api('PATCH', '/apps');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, GET');
  });

  it('serves the OpenAPI document without authentication', async () => {
    const res = await fetch(`${sandbox.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; servers: { url: string }[]; paths: Json };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0]?.url).toBe(`${sandbox.url}/api`);
    expect(Object.keys(doc.paths)).toContain('/apps/{id}/launch');
  });
});
