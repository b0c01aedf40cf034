import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_VENDOR, startFakePlanServer, startTestSandbox } from '../testing/index.ts';
import type { FakePlanServer, TestSandbox } from '../testing/index.ts';
import { KEY_REFUSED } from './remote.ts';

describe('GET/PUT/DELETE /api/connection of the desktop/headless sandbox', () => {
  let sandbox: TestSandbox;
  let plan: FakePlanServer;
  beforeAll(async () => {
    plan = await startFakePlanServer();
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.stop();
    await plan.close();
  });

  it('connects, shows the connection without the key, and disconnects', async () => {
    expect(await sandbox.api('GET', '/connection')).toMatchObject({ status: 200, body: { connected: false } });

    const put = await sandbox.api('PUT', '/connection', { serverUrl: `${plan.url}/`, apiKey: plan.apiKey });
    expect(put.status).toBe(200);
    expect(put.headers.get('cache-control')).toBe('no-store');
    expect(put.body).toEqual({
      connected: true,
      serverUrl: plan.url,
      account: FAKE_VENDOR,
      connectedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
    });
    expect(plan.received.at(-1)).toMatchObject({
      method: 'GET',
      url: '/api/session',
      authorization: `Bearer ${plan.apiKey}`,
    });

    const get = await sandbox.api('GET', '/connection');
    expect(get.body).toEqual(put.body);
    expect(JSON.stringify(get.body)).not.toContain(plan.apiKey);
    expect(JSON.stringify([sandbox.logger.infos, sandbox.logger.errors])).not.toContain(plan.apiKey);

    const del = await sandbox.api('DELETE', '/connection');
    expect(del.status).toBe(204);
    expect(del.body).toBeUndefined();
    expect((await sandbox.api('GET', '/connection')).body).toEqual({ connected: false });
  });

  it('answers 400 with fields.serverUrl and fields.apiKey', async () => {
    const empty = await sandbox.api('PUT', '/connection', {});
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      error: 'validation_failed',
      fields: { serverUrl: expect.any(String) as unknown, apiKey: expect.any(String) as unknown },
    });

    const refused = await sandbox.api('PUT', '/connection', { serverUrl: plan.url, apiKey: 'pak_' + 'z'.repeat(43) });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: 'validation_failed', message: KEY_REFUSED, fields: { apiKey: KEY_REFUSED } });

    const nowhere = await sandbox.api('PUT', '/connection', { serverUrl: 'http://127.0.0.1:1', apiKey: plan.apiKey });
    expect(nowhere.status).toBe(400);
    expect((nowhere.body as { fields: Record<string, string> }).fields.serverUrl).toMatch(
      /^Could not reach http:\/\/127\.0\.0\.1:1: .*Check the address and that the server is running\.$/,
    );
    expect((await sandbox.api('GET', '/connection')).body).toEqual({ connected: false });
  });

  it('needs the management token, and is in the OpenAPI document', async () => {
    const anonymous = await fetch(`${sandbox.listenUrl}/api/connection`);
    expect(anonymous.status).toBe(401);
    const doc = (await (await fetch(`${sandbox.listenUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths['/connection'] ?? {}).sort()).toEqual(['delete', 'get', 'put']);
    expect(doc.components.schemas).toHaveProperty('ConnectionInput');
    expect(doc.paths).toHaveProperty('/apps');
    expect(doc.paths).toHaveProperty('/outbox');
  });
});
