import { describe, expect, it } from 'vitest';
import { PRODUCTION_COLLECTIONS, type PublishedAppRecord } from '../production/model.ts';
import { manualClock, rejection } from '../testing/harness.ts';
import { PortalError } from '../types.ts';
import { approveRequest } from './approve-request.ts';
import {
  ATTESTATION,
  RAE,
  SAM,
  createTestReview,
  publishedRecord,
  requestRecord,
  snapshot,
  version,
} from '../testing/review.ts';

const APP = { id: 'app-1', clientId: 'client-wallet', clientSecret: 'secret-sandbox' };

async function pendingReview() {
  const clock = manualClock('2026-07-01T12:00:00.000Z');
  const test = createTestReview(clock);
  const request = requestRecord({
    versions: [
      version(1, '2026-06-01T09:00:00.000Z', snapshot({ name: 'Wallet Beta' })),
      version(2, '2026-06-02T09:00:00.000Z', snapshot()),
    ],
  });
  await test.seed({ requests: [request], apps: [APP] });
  return { test, clock, request };
}

function published(test: ReturnType<typeof createTestReview>, clientId = 'client-wallet') {
  return test.records.collection<PublishedAppRecord>(PRODUCTION_COLLECTIONS.published).get(clientId);
}

describe('approve', () => {
  it('publishes the latest version with the sandbox secret, records the decision and mails the vendor', async () => {
    const { test } = await pendingReview();
    const detail = await test.portal.approve(RAE, 'req-1', { reason: '  Looks good.  ' });
    expect(detail).toMatchObject({ status: 'approved', decidedAt: '2026-07-01T12:00:00.000Z', version: 2 });
    expect(detail.history.at(-1)).toEqual({
      type: 'approved',
      at: '2026-07-01T12:00:00.000Z',
      version: 2,
      by: 'rae@plan.example',
      reason: 'Looks good.',
    });
    expect(await published(test)).toEqual({
      id: 'client-wallet',
      appId: 'app-1',
      ownerId: 'vendor-ada',
      requestId: 'req-1',
      version: 2,
      app: snapshot(),
      clientSecret: 'secret-sandbox',
      attestation: ATTESTATION,
      approvedAt: '2026-07-01T12:00:00.000Z',
      approvedBy: 'rae@plan.example',
      status: 'published',
    });
    expect(detail.published).toMatchObject({ clientId: 'client-wallet', version: 2, status: 'published' });
    expect(detail.published).not.toHaveProperty('clientSecret');
    expect(test.mailer.sent).toEqual([
      {
        to: 'ada@wallet.example',
        template: 'productionDecision',
        data: {
          appName: 'Health Wallet',
          clientId: 'client-wallet',
          decision: 'approved',
          reason: 'Looks good.',
          version: 2,
          decidedAt: '2026-07-01T12:00:00.000Z',
          appLink: 'https://plan.example/developer/apps/app-1',
        },
      },
    ]);
  });

  it('takes no reason, an empty one or none at all', async () => {
    for (const input of [{}, { reason: '   ' }, undefined, null]) {
      const { test } = await pendingReview();
      const detail = await test.portal.approve(RAE, 'req-1', input);
      expect(detail.history.at(-1)).not.toHaveProperty('reason');
      expect(test.mailer.sent[0]?.data).not.toHaveProperty('reason');
    }
  });

  it('refuses a reason over 2000 characters, unknown fields and a non-object body', async () => {
    const { test } = await pendingReview();
    const long = (await rejection(test.portal.approve(RAE, 'req-1', { reason: 'x'.repeat(2001) }))) as PortalError;
    expect(long.fields).toEqual({ reason: 'Reason must be at most 2000 characters.' });
    const extra = (await rejection(test.portal.approve(RAE, 'req-1', { ok: true }))) as PortalError;
    expect(extra.fields).toEqual({ ok: '"ok" is not a field here; the only field is reason.' });
    expect(((await rejection(test.portal.approve(RAE, 'req-1', 'yes'))) as PortalError).code).toBe('validation_failed');
    expect((await test.portal.getRequest('req-1')).status).toBe('pending');
  });

  it('replaces the published snapshot of an update, keeping the secret of a deleted sandbox app', async () => {
    const clock = manualClock();
    const test = createTestReview(clock);
    const first = requestRecord({ id: 'req-0', status: 'approved', decidedAt: '2026-05-01T00:00:00.000Z' });
    const update = requestRecord({
      kind: 'update',
      versions: [version(1, '2026-06-20T09:00:00.000Z', snapshot({ name: 'Health Wallet 2' }))],
    });
    await test.seed({ requests: [first, update], published: [publishedRecord(first)] });
    await test.portal.approve(SAM, 'req-1', {});
    expect(await published(test)).toMatchObject({
      requestId: 'req-1',
      version: 1,
      app: { name: 'Health Wallet 2' },
      clientSecret: 'secret-published',
      approvedBy: 'sam@plan.example',
    });
  });

  it('keeps a suspension in place: only Reinstate lifts it', async () => {
    const test = createTestReview(manualClock());
    const first = requestRecord({ id: 'req-0', status: 'approved' });
    const suspension = { at: '2026-06-15T00:00:00.000Z', by: RAE.email, reason: 'Leaks tokens.' };
    const update = requestRecord({ kind: 'update', versions: [version(1, '2026-06-20T09:00:00.000Z', snapshot())] });
    await test.seed({
      requests: [first, update],
      published: [publishedRecord(first, { status: 'suspended', suspension })],
      apps: [APP],
    });
    await test.portal.approve(SAM, 'req-1', {});
    expect(await published(test)).toMatchObject({ requestId: 'req-1', status: 'suspended', suspension });
  });

  it('refuses to publish a confidential app whose sandbox app is gone and that was never published', async () => {
    const test = createTestReview(manualClock());
    await test.seed({ requests: [requestRecord()] });
    const error = (await rejection(test.portal.approve(RAE, 'req-1', {}))) as PortalError;
    expect(error.code).toBe('not_found');
    expect((await test.portal.getRequest('req-1')).status).toBe('pending');
    expect(await published(test)).toBeUndefined();
  });

  it('publishes a public (PKCE) app without a secret', async () => {
    const test = createTestReview(manualClock());
    const app = snapshot({ oauthType: 'pkce' });
    await test.seed({ requests: [requestRecord({ versions: [version(1, '2026-06-01T00:00:00.000Z', app)] })] });
    await test.portal.approve(RAE, 'req-1', {});
    expect(await published(test)).not.toHaveProperty('clientSecret');
  });

  it('is request_decided (409) once the request is decided or withdrawn, and not_found for an unknown one', async () => {
    const { test } = await pendingReview();
    await test.portal.reject(RAE, 'req-1', { reason: 'Missing policy.' });
    const again = (await rejection(test.portal.approve(SAM, 'req-1', {}))) as PortalError;
    expect(again).toBeInstanceOf(PortalError);
    expect(again.code).toBe('request_decided');
    expect(again.message).toContain('rejected');
    expect(await published(test)).toBeUndefined();
    await test.seed({ requests: [requestRecord({ id: 'req-w', status: 'withdrawn' })] });
    expect(((await rejection(test.portal.approve(RAE, 'req-w', {}))) as PortalError).code).toBe('request_decided');
    expect(((await rejection(test.portal.approve(RAE, 'nope', {}))) as PortalError).code).toBe('not_found');
  });

  it('lets exactly one of two reviewers in two processes win when they decide at once', async () => {
    for (const other of ['approve', 'reject'] as const) {
      const { test } = await pendingReview();
      const results = await Promise.allSettled([
        test.portal.approve(RAE, 'req-1', {}),
        test.process2()[other](SAM, 'req-1', { reason: 'Not yet.' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'request_decided' });
      const detail = await test.portal.getRequest('req-1');
      expect(detail.history.filter((h) => h.type === 'approved' || h.type === 'rejected')).toHaveLength(1);
      expect(test.mailer.sent).toHaveLength(1);
      const stored = await published(test);
      if (detail.status === 'approved') expect(stored?.approvedBy).toBe(RAE.email);
      else expect(stored).toBeUndefined();
    }
  });

  it('decides the version the vendor saved in between (the compare-and-set sees the new version)', async () => {
    const { test, request } = await pendingReview();
    const requests = test.ctx.requests;
    const realGet = requests.get.bind(requests);
    let saved = false;
    requests.get = async (id) => {
      const seen = await realGet(id);
      if (!saved) {
        saved = true;
        const v3 = version(3, '2026-06-03T09:00:00.000Z', snapshot({ name: 'Health Wallet 3' }));
        await requests.put({ ...request, versions: [...request.versions, v3], updatedAt: v3.submittedAt });
      }
      return seen;
    };
    const detail = await approveRequest(test.ctx, RAE, 'req-1', {});
    expect(detail.history.at(-1)).toMatchObject({ type: 'approved', version: 3 });
    expect(await published(test)).toMatchObject({ version: 3, app: { name: 'Health Wallet 3' } });
  });
});
