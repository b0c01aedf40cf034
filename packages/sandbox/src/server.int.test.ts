import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxServer } from './server.ts';
import { memoryLogger, startTestSandbox, testSandboxConfig } from './testing/index.ts';
import type { TestSandbox } from './testing/index.ts';

describe('the sandbox server over memory stores', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('answers /health with {"status":"ok"} once started', async () => {
    const res = await fetch(`${sandbox.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('sends a signed-out visitor of / to the sign-in page, which says how to sign in', async () => {
    const res = await fetch(`${sandbox.url}/`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2F');
    const page = await fetch(`${sandbox.url}/login?next=%2F`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Sign in to the Plan API sandbox');
    expect(html).toContain('pnpm sandbox');
  });

  it('serves the synthetic provider directory read-only at /directory/fhir, with CORS', async () => {
    const res = await fetch(`${sandbox.url}/directory/fhir/Practitioner?_count=5`, {
      headers: { Origin: 'https://app.example.com' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const bundle = (await res.json()) as Bundle;
    expect(bundle.type).toBe('searchset');
    expect(bundle.entry).toHaveLength(5);
    expect(bundle.entry?.[0]?.fullUrl).toMatch(new RegExp(`^${sandbox.url}/directory/fhir/Practitioner/`));
    const write = await fetch(`${sandbox.url}/directory/fhir/Practitioner`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Practitioner' }),
    });
    expect(write.status).toBe(405);
    expect((await fetch(`${sandbox.url}/directory/fhir/Patient`)).status).toBe(404);
    const preflight = await fetch(`${sandbox.url}/directory/fhir/Organization`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
  });

  it('answers a repeated directory search from memory with the same bytes and headers, and 304 to its ETag', async () => {
    const url = `${sandbox.url}/directory/fhir/PractitionerRole?_count=3&_include=PractitionerRole:practitioner`;
    const first = await fetch(url);
    const body = await first.text();
    const etag = first.headers.get('etag') ?? '';
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await fetch(
      url.replace('_count=3&_include=PractitionerRole:practitioner', '_include=PractitionerRole:practitioner&_count=3'),
    );
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(body);
    for (const header of ['etag', 'content-type', 'access-control-allow-origin', 'x-content-type-options']) {
      expect(again.headers.get(header)).toBe(first.headers.get(header));
    }
    const revalidated = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

  it('answers an unknown path with a JSON 404 and sets nosniff everywhere', async () => {
    const res = await fetch(`${sandbox.url}/no/such/page`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('the sandbox server over a data dir', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plan-api-sandbox-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps apps, sessions and the directory across a restart, loading the directory only once', async () => {
    const first = await startTestSandbox({ dataDir });
    const app = await first.api('POST', '/apps', {
      name: 'Survivor',
      oauthType: 'pkce',
      redirectUris: ['http://127.0.0.1:9000/cb'],
    });
    expect(app.status).toBe(201);
    const login = await fetch(`${first.url}/login?token=${encodeURIComponent(first.token)}`, { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(first.logger.infos.some((m) => m.startsWith('Loaded the synthetic provider directory'))).toBe(true);
    await first.stop();
    expect((await readdir(dataDir)).sort()).toEqual(['fhir', 'kv', 'records']);

    const second = await startTestSandbox({ dataDir });
    try {
      expect(second.logger.infos.some((m) => m.startsWith('Loaded the synthetic provider directory'))).toBe(false);
      const apps = await second.api('GET', '/apps');
      expect(apps.body).toEqual([app.body]);
      expect((await fetch(`${second.url}/api/apps`, { headers: { Cookie: cookie } })).status).toBe(200);
      const orgs = (await (await fetch(`${second.url}/directory/fhir/Organization?_summary=count`)).json()) as Bundle;
      expect(orgs.total).toBeGreaterThan(0);
    } finally {
      await second.stop();
    }
  });
});

describe('starting and stopping', () => {
  it('stop closes idle keep-alive connections at once instead of waiting for them', async () => {
    const sandbox = await startTestSandbox();
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      request(`${sandbox.url}/health`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
    const started = Date.now();
    await sandbox.stop();
    expect(Date.now() - started).toBeLessThan(1500);
    agent.destroy();
  });

  it('rejects start when the port is taken, and the failed server can still be stopped', async () => {
    const sandbox = await startTestSandbox();
    const port = Number(new URL(sandbox.url).port);
    const logger = memoryLogger();
    const clash = createSandboxServer({
      ...testSandboxConfig(),
      host: '127.0.0.1',
      port,
      managementToken: 't',
      logger,
    });
    await expect(clash.start()).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await clash.stop();
    expect((await fetch(`${sandbox.url}/health`)).status).toBe(200);
    await sandbox.stop();
  });
});
