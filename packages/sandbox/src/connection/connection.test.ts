import { createMemoryRecordStore } from '@plan-api/store';
import { PortalError } from '@plan-api/portal';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl, FAKE_VENDOR, startFakePlanServer } from '../testing/plan-server.ts';
import type { FakePlanServer } from '../testing/plan-server.ts';
import { createConnection, normalizeServerUrl } from './connection.ts';
import { KEY_REFUSED } from './remote.ts';

/** The PortalError a promise rejects with. */
async function portalError(promise: Promise<unknown>): Promise<PortalError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PortalError)) throw new Error(`expected a PortalError, got ${String(error)}`);
  return error;
}

describe('normalizeServerUrl', () => {
  it('keeps an absolute http(s) URL without its trailing slashes', () => {
    expect(normalizeServerUrl(' https://plan.example.com/ ')).toEqual({ url: 'https://plan.example.com' });
    expect(normalizeServerUrl('http://127.0.0.1:4000/dev//')).toEqual({ url: 'http://127.0.0.1:4000/dev' });
  });
  it.each([
    [undefined, "Enter the plan server's address"],
    ['', "Enter the plan server's address"],
    ['plan.example.com', 'is not an absolute URL'],
    ['ftp://plan.example.com', 'must start with https://'],
    ['https://plan.example.com/?x=1', 'no query'],
    ['https://plan.example.com/?', 'no query'],
    ['https://plan.example.com/#top', 'no query (?...) or fragment'],
    ['https://me:pw@plan.example.com', 'Leave the user name and password out'],
  ])('refuses %j', (value, message) => {
    const result = normalizeServerUrl(value);
    expect('error' in result && result.error).toContain(message);
  });
});

describe('the connection setting', () => {
  let plan: FakePlanServer;
  const now = () => new Date('2025-03-04T05:06:07.000Z');
  beforeAll(async () => {
    plan = await startFakePlanServer();
  });
  afterAll(async () => {
    await plan.close();
  });
  afterEach(() => {
    plan.override = undefined;
    plan.received.length = 0;
  });
  const connection = (timeoutMs?: number) =>
    createConnection({ records: createMemoryRecordStore(), now, ...(timeoutMs ? { timeoutMs } : {}) });

  it('is not connected at first', async () => {
    expect(await connection().get()).toEqual({ connected: false });
  });

  it('checks the key with GET <server>/api/session (Bearer), stores it, and never shows it', async () => {
    const records = createMemoryRecordStore();
    const c = createConnection({ records, now });
    const view = await c.connect({ serverUrl: `${plan.url}/`, apiKey: ` ${plan.apiKey} ` });
    const expected = {
      connected: true,
      serverUrl: plan.url,
      account: FAKE_VENDOR,
      connectedAt: '2025-03-04T05:06:07.000Z',
    };
    expect(view).toEqual(expected);
    expect(plan.received).toEqual([
      {
        method: 'GET',
        url: '/api/session',
        authorization: `Bearer ${plan.apiKey}`,
        contentType: undefined,
        body: undefined,
      },
    ]);
    expect(await c.get()).toEqual(expected);
    expect(JSON.stringify(await c.get())).not.toContain(plan.apiKey);
    // The stored setting keeps the key (the gateway needs it), in the settings collection.
    expect(await records.collection('settings').get('connection')).toMatchObject({ apiKey: plan.apiKey });
    expect((await c.current())?.apiKey).toBe(plan.apiKey);

    await c.disconnect();
    expect(await c.get()).toEqual({ connected: false });
    expect(await c.current()).toBeUndefined();
    await c.disconnect();
  });

  it('answers field errors for a missing or malformed URL and key without calling anything', async () => {
    const all = await portalError(connection().connect({}));
    expect(all.code).toBe('validation_failed');
    expect(Object.keys(all.fields).sort()).toEqual(['apiKey', 'serverUrl']);
    const badKey = await portalError(connection().connect({ serverUrl: plan.url, apiKey: 'secret-123' }));
    expect(badKey.fields).toEqual({ apiKey: expect.stringContaining('starts with pak_') as unknown });
    const badUrl = await portalError(connection().connect({ serverUrl: `${plan.url}?a=b`, apiKey: plan.apiKey }));
    expect(Object.keys(badUrl.fields)).toEqual(['serverUrl']);
    await portalError(connection().connect('nonsense'));
    expect(plan.received).toEqual([]);
  });

  it('says when the server refuses the key (401), on the apiKey field', async () => {
    const c = connection();
    const error = await portalError(c.connect({ serverUrl: plan.url, apiKey: 'pak_' + 'x'.repeat(43) }));
    expect(error.fields).toEqual({ apiKey: KEY_REFUSED });
    expect(error.message).toBe(KEY_REFUSED);
    expect(await c.get()).toEqual({ connected: false });
  });

  it('says when the server cannot be reached, on the serverUrl field', async () => {
    const url = await closedPortUrl();
    const error = await portalError(connection().connect({ serverUrl: url, apiKey: plan.apiKey }));
    expect(error.code).toBe('validation_failed');
    expect(error.fields.serverUrl).toBe(
      `Could not reach ${url}: the connection was refused (ECONNREFUSED). Check the address and that the server is running.`,
    );
    expect(error.message).not.toContain(plan.apiKey);
  });

  it('gives up on a server that does not answer in time', async () => {
    plan.override = () => 'hang';
    const error = await portalError(connection(300).connect({ serverUrl: plan.url, apiKey: plan.apiKey }));
    expect(error.fields.serverUrl).toBe(
      `Could not reach ${plan.url}: no answer within 0.3 seconds. Check the address and that the server is running.`,
    );
  });

  it('names the status of any other answer, and a redirect target, on the serverUrl field', async () => {
    plan.override = () => ({
      status: 404,
      body: { error: 'not_found', message: 'There is no GET /api/session route.' },
    });
    const notFound = await portalError(connection().connect({ serverUrl: plan.url, apiKey: plan.apiKey }));
    expect(notFound.fields.serverUrl).toContain('answered HTTP 404 to GET /api/session: There is no GET');

    plan.override = () => ({ status: 301, headers: { Location: 'https://plan.example.com/api/session' } });
    const moved = await portalError(connection().connect({ serverUrl: plan.url, apiKey: plan.apiKey }));
    expect(moved.fields.serverUrl).toContain('HTTP 301 to GET /api/session (a redirect to https://plan.example.com');

    plan.override = () => ({ status: 200, body: '<html>' });
    const notPlan = await portalError(connection().connect({ serverUrl: plan.url, apiKey: plan.apiKey }));
    expect(notPlan.fields.serverUrl).toContain('but not as a plan server does');
  });

  it("refuses a key that is not a vendor's", async () => {
    plan.override = () => ({
      status: 200,
      body: { kind: 'reviewer', account: { name: 'R', email: 'r@plan.example' } },
    });
    const error = await portalError(connection().connect({ serverUrl: plan.url, apiKey: plan.apiKey }));
    expect(Object.keys(error.fields)).toEqual(['apiKey']);
  });
});
