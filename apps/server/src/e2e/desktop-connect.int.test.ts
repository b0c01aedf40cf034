/**
 * "Desktop to production" (DESIGN.md "Flows"): the desktop/headless sandbox connected to a running plan server
 * with the vendor's API key sends a production request with the app's own client ID and secret; a reviewer
 * decides on the server; the sandbox's App Status follows the decision (API and the desktop UI in Chromium).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTESTATION, completeApp } from '@plan-api/portal/testing';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import { DESKTOP, screenshot, startBrowser, startTestSandbox } from '@plan-api/sandbox/testing';
import type { BrowserHarness, TestSandbox } from '@plan-api/sandbox/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { addReviewer } from '../testing/production.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor } from '../testing/vendors.ts';
import type { TestVendor } from '../testing/vendors.ts';

const REVIEWER = 'omar.reviewer@acme.example';
const db = testDatabaseSchema('desktop');
let smtp: TestSmtpServer;
let server: ServerProcess;
let sandbox: TestSandbox;
let browser: BrowserHarness;
let vendor: TestVendor;
let reviewerCookie = '';

interface AppView {
  id: string;
  clientId: string;
  clientSecret?: string;
  productionRequest: { state: string; reason?: string; remote?: { serverUrl: string; appId: string; error?: string } };
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: db.schema, SMTP_URL: smtp.url };
  [server, sandbox, browser] = await Promise.all([startServerProcess(env), startTestSandbox(), startBrowser()]);
  vendor = await enrollVendor(server.url, smtp, 'lee@pocketchart.example', 'Lee Park');
  reviewerCookie = (await addReviewer(server.url, smtp, env, REVIEWER)).cookie;
}, 120_000);
afterAll(async () => {
  await Promise.allSettled([browser?.close(), sandbox?.stop(), server?.stop(), smtp?.stop()]);
  await db.drop();
});

async function review(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/api/review${path}`, {
    method,
    headers: {
      cookie: reviewerCookie,
      'x-requested-with': 'fetch',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('the desktop sandbox connected to a plan server', () => {
  let app: AppView;

  it('refuses a wrong API key and an unreachable server with field messages, then connects', async () => {
    const wrongKey = await sandbox.api('PUT', '/connection', {
      serverUrl: server.url,
      apiKey: `pak_${'Zz9'.repeat(14)}`,
    });
    expect(wrongKey.status).toBe(400);
    expect(wrongKey.body).toMatchObject({ fields: { apiKey: expect.stringContaining('refused') } });
    const nowhere = await sandbox.api('PUT', '/connection', { serverUrl: 'http://127.0.0.1:9', apiKey: vendor.apiKey });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body).toMatchObject({ fields: { serverUrl: expect.stringContaining('Could not reach') } });
    const connected = await sandbox.api('PUT', '/connection', { serverUrl: server.url, apiKey: vendor.apiKey });
    expect(connected.status).toBe(200);
    expect(connected.body).toMatchObject({ connected: true, serverUrl: server.url, account: { email: vendor.email } });
    expect(JSON.stringify((await sandbox.api('GET', '/connection')).body)).not.toContain(vendor.apiKey);
  });

  it('"Send Request" sends the app with its client ID and secret to the server, where it waits for review', async () => {
    const created = await sandbox.api('POST', '/apps', completeApp({ name: 'PocketChart' }));
    expect(created.status).toBe(201);
    app = created.body as AppView;
    const sent = await sandbox.api('POST', `/apps/${app.id}/production-request`, {
      attestation: ATTESTATION,
      notes: 'From the desktop sandbox.',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const status = (sent.body as AppView).productionRequest;
    expect(status).toMatchObject({ state: 'pending', remote: { serverUrl: server.url } });
    // The server holds the vendor's app with the same credentials.
    const remote = await fetch(`${server.url}/api/apps/${status.remote?.appId ?? ''}`, {
      headers: { authorization: `Bearer ${vendor.apiKey}` },
    });
    expect(await remote.json()).toMatchObject({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      name: 'PocketChart',
    });
  });

  it('follows the reviewer decision: rejected with the reason, then approved after a new request', async () => {
    const queue = await review('GET', '/requests?status=pending');
    const request = (queue.body as { requests: { id: string; clientId: string }[] }).requests.find(
      (r) => r.clientId === app.clientId,
    );
    expect(request).toBeDefined();
    expect((await review('POST', `/requests/${request?.id ?? ''}/reject`, { reason: 'Add a logo.' })).status).toBe(200);
    const rejected = (await sandbox.api('GET', `/apps/${app.id}`)).body as AppView;
    expect(rejected.productionRequest).toMatchObject({ state: 'rejected', reason: 'Add a logo.' });

    const again = await sandbox.api('POST', `/apps/${app.id}/production-request`, { attestation: ATTESTATION });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const pending = await review('GET', '/requests?status=pending');
    const second = (pending.body as { requests: { id: string; clientId: string }[] }).requests.find(
      (r) => r.clientId === app.clientId,
    );
    expect((await review('POST', `/requests/${second?.id ?? ''}/approve`, {})).status).toBe(200);
    const approved = (await sandbox.api('GET', `/apps/${app.id}`)).body as AppView;
    expect(approved.productionRequest.state).toBe('approved');

    // The production realm knows the desktop's client ID and secret now (a bad code, not a bad client).
    const basic = `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret ?? ''}`).toString('base64')}`;
    const token = await fetch(`${server.url}/auth/token`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'x', redirect_uri: 'https://x.example' }),
    });
    expect(((await token.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('shows the decision under App Status in the desktop UI', async () => {
    const page = browser.page;
    await page.setViewportSize(DESKTOP);
    await page.goto(`${sandbox.listenUrl}/login?token=${encodeURIComponent(sandbox.token)}`);
    await page.waitForURL(`${sandbox.listenUrl}/`);
    await page.goto(`${sandbox.listenUrl}/apps/${app.id}`);
    await expect.poll(() => page.getByTestId('app-status').innerText()).toContain('Approved');
    expect(await page.getByTestId('app-status').innerText()).toContain(server.url);
    await screenshot(page, 'desktop-app-status-connected');
    await page.goto(`${sandbox.listenUrl}/settings`);
    await page.getByText(vendor.email).first().waitFor();
    await screenshot(page, 'desktop-connect');
  });
});
