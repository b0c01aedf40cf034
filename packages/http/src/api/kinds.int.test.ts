import type express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, startKindsApi, TEST_PASSWORD } from '../testing/api.ts';
import type { KindsApiHarness } from '../testing/api.ts';
import { SANDBOX_API } from './openapi.ts';
import { createApi } from './router.ts';
import { reviewRouteSet } from './review/index.ts';
import type { ReviewApi } from './review/port.ts';

const review: ReviewApi = {
  listRequests: () => Promise.resolve([]),
  getRequest: () => Promise.reject(new Error('not used')),
  approve: () => Promise.reject(new Error('not used')),
  reject: () => Promise.reject(new Error('not used')),
  listPublished: () => Promise.resolve([]),
  suspend: () => Promise.reject(new Error('not used')),
  reinstate: () => Promise.reject(new Error('not used')),
};

let h: KindsApiHarness;
let vendor: string;
let reviewer: string;
let key: string;
beforeAll(async () => {
  h = await startKindsApi({ portal: { listApps: () => Promise.resolve([]) }, review });
  vendor = await h.signedInVendor('ada@wallet.example');
  reviewer = await h.signedInReviewer('rae@plan.example');
  key = await h.apiKey(vendor);
});
afterAll(async () => {
  await h.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${h.base}${path}`, { headers });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${h.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('vendors and reviewers in one API', () => {
  it('each kind signs in with its own cookie and sees its own session', async () => {
    expect(vendor).toMatch(/^plan_api_vendor=/);
    expect(reviewer).toMatch(/^plan_api_reviewer=/);
    const mine = await get('/review/session', { cookie: reviewer });
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ kind: 'reviewer', account: { email: 'rae@plan.example' } });
    expect((await get('/session', { cookie: vendor })).status).toBe(200);
    expect((await get('/review/requests', { cookie: reviewer })).status).toBe(200);
    expect((await get('/apps', { cookie: vendor })).status).toBe(200);
  });

  it("a reviewer's session never reaches vendor routes (401), nor a vendor's session the review routes", async () => {
    for (const path of ['/apps', '/session', '/vendor', '/vendor/api-keys']) {
      const res = await get(path, { cookie: reviewer });
      expect(res.status, path).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    }
    for (const path of ['/review/requests', '/review/apps', '/review/session']) {
      expect((await get(path, { cookie: vendor })).status, path).toBe(401);
    }
    // Both cookies: each route takes only its own kind's.
    const both = `${vendor}; ${reviewer}`;
    expect(await (await get('/review/session', { cookie: both })).json()).toMatchObject({ kind: 'reviewer' });
    expect(await (await get('/session', { cookie: both })).json()).toMatchObject({ kind: 'vendor' });
  });

  it("a vendor's API key works on vendor routes and is refused on review routes (API keys are vendors' only)", async () => {
    const bearer = { authorization: `Bearer ${key}` };
    expect((await get('/apps', bearer)).status).toBe(200);
    const refused = await get('/review/requests', bearer);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await get('/review/session', bearer)).status).toBe(401);
  });

  it("a reviewer's session cookie renamed to the vendor cookie is still refused on vendor routes", async () => {
    // Same store, another kind's subject: accountAuth checks the account's kind on every request.
    const forged = await h.sessions.vendor.create(
      (
        await h.accounts.signIn(
          'reviewer',
          {
            email: 'rae@plan.example',
            password: TEST_PASSWORD,
          },
          { ip: '203.0.113.8' },
        )
      ).id,
    );
    const res = await get('/apps', { cookie: forged.split(';')[0] ?? '' });
    expect(res.status).toBe(401);
  });

  it("signs in only with the kind's own credentials", async () => {
    const asReviewer = await post(
      '/review/session',
      { email: 'ada@wallet.example', password: TEST_PASSWORD },
      { 'x-requested-with': 'test' },
    );
    expect(asReviewer.status).toBe(401);
    expect(asReviewer.headers.get('set-cookie')).toBeNull();
    const asVendor = await post(
      '/session',
      { email: 'rae@plan.example', password: TEST_PASSWORD },
      { 'x-requested-with': 'test' },
    );
    expect(asVendor.status).toBe(401);
  });

  it("refuses a reviewer's password link completed on the vendor route as an invalid link, with no session", async () => {
    await h.accounts.inviteAccount('reviewer', { name: 'Sam Reviewer', email: 'sam@plan.example' });
    const res = await post(
      '/password-links',
      { token: h.tokenFor('sam@plan.example'), password: TEST_PASSWORD },
      { 'x-requested-with': 'test' },
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'link_invalid' });
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('reviewers have password resets and password change under /review, and no enrollment or API keys', async () => {
    const reset = await post('/review/password-resets', { email: 'rae@plan.example' });
    expect(reset.status).toBe(202);
    const change = await fetch(`${h.base}/review/password`, {
      method: 'PUT',
      headers: { cookie: reviewer, 'x-requested-with': 'test', 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: 'green meadow compass 77' }),
    });
    expect(change.status).toBe(204);
    reviewer = cookieOf(change);
    expect((await get('/review/session', { cookie: reviewer })).status).toBe(200);
    expect((await post('/review/vendor-enrollments', {})).status).toBe(404);
    expect((await get('/review/api-keys', { cookie: reviewer })).status).toBe(404);
  });

  it("refuses a reviewer's change sent by cookie without X-Requested-With (403)", async () => {
    const res = await post('/review/requests/r1/approve', {}, { cookie: reviewer });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'csrf_failed' });
  });
});

describe('createApi', () => {
  it('refuses to build routes of a kind it has no authenticate handler for', () => {
    const single: express.RequestHandler = (_req, _res, next) => next();
    const options = { serverUrl: 'http://x/api', description: SANDBOX_API, logger: { error: () => undefined } };
    expect(() => createApi({ ...options, sets: [reviewRouteSet(review)], authenticate: single })).toThrow(
      /needs a reviewer account/,
    );
    expect(() => createApi({ ...options, sets: [reviewRouteSet(review)], authenticate: { vendor: single } })).toThrow(
      /needs a reviewer account/,
    );
  });
});
