import { PortalError } from '@plan-api/portal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKindsApi } from '../../testing/api.ts';
import type { KindsApiHarness } from '../../testing/api.ts';
import { createSchemaCheck } from '../../testing/schema-check.ts';
import { productionSchemas } from '../production/openapi.ts';
import type { AppSnapshot, PrivacyAttestation } from '../production/port.ts';
import { reviewSchemas } from './openapi.ts';
import type { PublishedApp, RequestDetail, Reviewer, ReviewApi, ReviewListQuery } from './port.ts';

const check = createSchemaCheck({ ...productionSchemas, ...reviewSchemas });
const ATTESTATION: PrivacyAttestation = {
  sellsData: 'no',
  sharesWithThirdParties: 'no',
  membersCanDelete: 'yes',
  followsCarinCode: 'yes',
};
const snapshot = (name: string, clientId: string): AppSnapshot => ({
  name,
  oauthType: 'secret',
  clientId,
  redirectUris: ['https://apps.example/callback'],
});
const VENDOR = { name: 'Ada Vendor', email: 'ada@wallet.example', organizationName: 'Wallet Inc.' };

/** A small in-memory review portal (the real one is the portal package's): enough to drive the routes. */
function memoryReview(): ReviewApi & { calls: { method: string; reviewer?: Reviewer; query?: ReviewListQuery }[] } {
  const calls: { method: string; reviewer?: Reviewer; query?: ReviewListQuery }[] = [];
  const requests = new Map<string, RequestDetail>();
  const published = new Map<string, PublishedApp>();
  const request = (id: string, name: string, submittedAt: string): RequestDetail => ({
    id,
    appId: `app-${id}`,
    clientId: `client-${id}`,
    appName: name,
    vendor: VENDOR,
    status: 'pending',
    version: 1,
    kind: 'new',
    submittedAt,
    updatedAt: submittedAt,
    versions: [{ version: 1, submittedAt, app: snapshot(name, `client-${id}`), attestation: ATTESTATION }],
    checks: [{ id: 'name', field: 'name', severity: 'blocking', passed: true, message: 'The app has a name.' }],
    changes: [],
    history: [{ type: 'submitted', at: submittedAt, version: 1, by: VENDOR.email }],
  });
  requests.set('r1', request('r1', 'Claims Viewer', '2026-01-01T00:00:00.000Z'));
  requests.set('r2', request('r2', 'Pill Planner', '2026-01-02T00:00:00.000Z'));
  const find = (id: string) => {
    const found = requests.get(id);
    if (!found) throw new PortalError('not_found', `No production request has id "${id}".`);
    return found;
  };
  const reasonOf = (input: unknown, required: boolean): string | undefined => {
    const reason = (input as { reason?: unknown } | undefined)?.reason;
    if (typeof reason === 'string' && reason.trim() !== '') return reason.trim();
    if (required) throw new PortalError('validation_failed', 'Give a reason.', { reason: 'Reason is required.' });
    return undefined;
  };
  const decide = (reviewer: Reviewer, id: string, input: unknown, decision: 'approved' | 'rejected') => {
    const found = find(id);
    const reason = reasonOf(input, decision === 'rejected');
    if (found.status !== 'pending') throw new PortalError('request_decided' as never, 'Already decided.');
    const at = '2026-01-05T00:00:00.000Z';
    found.status = decision;
    found.decidedAt = at;
    found.history.push({
      type: decision,
      at,
      version: found.version,
      by: reviewer.email,
      ...(reason ? { reason } : {}),
    });
    if (decision === 'approved') {
      published.set(found.clientId, {
        clientId: found.clientId,
        appId: found.appId,
        requestId: found.id,
        version: found.version,
        app: snapshot(found.appName, found.clientId),
        attestation: ATTESTATION,
        approvedAt: at,
        approvedBy: reviewer.email,
        status: 'published',
        vendor: VENDOR,
      });
    }
    return Promise.resolve(found);
  };
  const app = (clientId: string) => {
    const found = published.get(clientId);
    if (!found) throw new PortalError('not_found', `No published app has client ID "${clientId}".`);
    return found;
  };
  return {
    calls,
    listRequests: (query) => {
      calls.push({ method: 'listRequests', query });
      const rows = [...requests.values()]
        .filter((r) => (query.status ?? 'all') === 'all' || r.status === query.status)
        .filter((r) => query.q === undefined || r.appName.toLowerCase().includes(query.q.toLowerCase()));
      return Promise.resolve(rows.map(({ versions: _v, checks: _c, changes: _ch, history: _h, ...row }) => row));
    },
    getRequest: (id) => Promise.resolve().then(() => find(id)),
    approve: (reviewer, id, input) => {
      calls.push({ method: 'approve', reviewer });
      return Promise.resolve().then(() => decide(reviewer, id, input, 'approved'));
    },
    reject: (reviewer, id, input) => Promise.resolve().then(() => decide(reviewer, id, input, 'rejected')),
    listPublished: (query) => {
      calls.push({ method: 'listPublished', query });
      return Promise.resolve([...published.values()]);
    },
    suspend: (reviewer, clientId, input) =>
      Promise.resolve().then(() => {
        const found = app(clientId);
        const reason = reasonOf(input, true) ?? '';
        found.status = 'suspended';
        found.suspension = { at: '2026-01-06T00:00:00.000Z', by: reviewer.email, reason };
        return found;
      }),
    reinstate: (_reviewer, clientId) =>
      Promise.resolve().then(() => {
        const found = app(clientId);
        if (found.status !== 'suspended') throw new PortalError('request_decided' as never, 'Not suspended.');
        found.status = 'published';
        delete found.suspension;
        return found;
      }),
  };
}

const review = memoryReview();
let h: KindsApiHarness;
let cookie: string;
beforeAll(async () => {
  h = await startKindsApi({ review });
  cookie = await h.signedInReviewer('rae@plan.example');
});
afterAll(async () => {
  await h.close();
});

const get = (path: string) => fetch(`${h.base}${path}`, { headers: { cookie } });
const post = (path: string, body?: unknown) =>
  fetch(`${h.base}${path}`, {
    method: 'POST',
    headers: { cookie, 'x-requested-with': 'test', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('the review routes', () => {
  it('lists the queue as {requests}, passing status and q to the portal', async () => {
    const all = await get('/review/requests');
    expect(all.status).toBe(200);
    const body = (await all.json()) as { requests: unknown[] };
    expect(check('RequestList', body)).toEqual([]);
    expect(body.requests).toHaveLength(2);
    expect(review.calls.at(-1)).toEqual({ method: 'listRequests', query: {} });
    const found = (await (await get('/review/requests?status=pending&q=pill')).json()) as {
      requests: { id: string }[];
    };
    expect(found.requests.map((r) => r.id)).toEqual(['r2']);
    expect(review.calls.at(-1)).toEqual({ method: 'listRequests', query: { status: 'pending', q: 'pill' } });
  });

  it('refuses a query parameter given twice (400 invalid_query)', async () => {
    const res = await get('/review/requests?status=pending&status=all');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_query', fields: { status: 'Give it once.' } });
  });

  it('reads a request (RequestDetail), 404 for an unknown id', async () => {
    const res = await get('/review/requests/r1');
    expect(res.status).toBe(200);
    expect(check('RequestDetail', await res.json())).toEqual([]);
    const missing = await get('/review/requests/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
  });

  it('approves as the signed-in reviewer (id and email), then answers 409 request_decided', async () => {
    const res = await post('/review/requests/r1/approve');
    expect(res.status).toBe(200);
    const detail = (await res.json()) as RequestDetail;
    expect(check('RequestDetail', detail)).toEqual([]);
    expect(detail.status).toBe('approved');
    expect(detail.history.at(-1)).toMatchObject({ type: 'approved', by: 'rae@plan.example' });
    const call = review.calls.find((c) => c.method === 'approve');
    expect(call?.reviewer).toEqual({ id: expect.any(String) as string, email: 'rae@plan.example' });
    const again = await post('/review/requests/r1/approve', {});
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'request_decided' });
  });

  it('rejects only with a reason (400 with fields.reason), recording it', async () => {
    const missing = await post('/review/requests/r2/reject', {});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: 'validation_failed',
      fields: { reason: 'Reason is required.' },
    });
    const res = await post('/review/requests/r2/reject', { reason: 'Add a privacy policy.' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as RequestDetail).history.at(-1)).toMatchObject({
      type: 'rejected',
      reason: 'Add a privacy policy.',
    });
  });

  it('lists published apps as {apps}, suspends with a reason and reinstates', async () => {
    const list = await get('/review/apps?status=published');
    const body = (await list.json()) as { apps: PublishedApp[] };
    expect(check('PublishedAppList', body)).toEqual([]);
    expect(body.apps.map((a) => a.clientId)).toEqual(['client-r1']);
    expect(review.calls.at(-1)).toEqual({ method: 'listPublished', query: { status: 'published' } });
    expect((await post('/review/apps/client-r1/suspend', {})).status).toBe(400);
    const suspended = await post('/review/apps/client-r1/suspend', { reason: 'Leaks tokens.' });
    expect(suspended.status).toBe(200);
    const app = (await suspended.json()) as PublishedApp;
    expect(check('PublishedApp', app)).toEqual([]);
    expect(app).toMatchObject({ status: 'suspended', suspension: { by: 'rae@plan.example', reason: 'Leaks tokens.' } });
    const reinstated = await post('/review/apps/client-r1/reinstate');
    expect(reinstated.status).toBe(200);
    expect(await reinstated.json()).toMatchObject({ status: 'published' });
    expect((await post('/review/apps/client-r1/reinstate')).status).toBe(409);
    expect((await post('/review/apps/unknown/suspend', { reason: 'x' })).status).toBe(404);
  });
});
