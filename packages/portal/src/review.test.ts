import { describe, expect, it } from 'vitest';
import { PRODUCTION_COLLECTIONS, type ProductionRequestRecord } from './production/model.ts';
import { RAE, SAM, createTestReview, requestRecord, snapshot, version } from './testing/review.ts';
import { manualClock, rejection } from './testing/harness.ts';
import type { PortalError } from './types.ts';

describe('the review portal', () => {
  it('rejects with a reason, approves the version sent again, serves it, suspends and reinstates it', async () => {
    const clock = manualClock('2026-07-01T12:00:00.000Z');
    const test = createTestReview(clock);
    const requests = test.records.collection<ProductionRequestRecord>(PRODUCTION_COLLECTIONS.requests);
    await test.seed({
      requests: [
        requestRecord({
          versions: [version(1, '2026-07-01T09:00:00.000Z', snapshot({ privacyPolicyUrl: undefined }))],
        }),
      ],
      apps: [{ id: 'app-1', clientId: 'client-wallet', clientSecret: 'sandbox-secret' }],
    });
    expect((await test.portal.listRequests({ status: 'pending' })).map((r) => r.id)).toEqual(['req-1']);

    await test.portal.reject(RAE, 'req-1', { reason: 'Add your privacy policy.' });
    expect(test.mailer.sent.at(-1)).toMatchObject({
      to: 'ada@wallet.example',
      data: { decision: 'rejected', reason: 'Add your privacy policy.' },
    });
    expect(await test.portal.listRequests({ status: 'pending' })).toEqual([]);
    expect(await test.portal.productionClientFor('client-wallet')).toBeUndefined();

    // The vendor edits the app and sends it again (the vendor side appends a version to the same request).
    clock.advance(3600);
    const { decidedAt: _decided, ...rejected } = (await requests.get('req-1'))!;
    const sentAgain = version(2, clock.now().toISOString(), snapshot());
    await requests.put({
      ...rejected,
      status: 'pending',
      versions: [...rejected.versions, sentAgain],
      history: [
        ...rejected.history,
        { type: 'submitted', at: sentAgain.submittedAt, version: 2, by: 'ada@wallet.example' },
      ],
      updatedAt: sentAgain.submittedAt,
    });

    clock.advance(60);
    const approved = await test.portal.approve(SAM, 'req-1', {});
    expect(approved.history.map((h) => [h.type, h.version, h.by])).toEqual([
      ['submitted', 1, 'ada@wallet.example'],
      ['rejected', 1, 'rae@plan.example'],
      ['submitted', 2, 'ada@wallet.example'],
      ['approved', 2, 'sam@plan.example'],
    ]);
    expect(test.mailer.sent.at(-1)).toMatchObject({ data: { decision: 'approved', version: 2 } });
    expect(await test.portal.productionClientFor('client-wallet')).toMatchObject({
      clientSecret: 'sandbox-secret',
      policyUri: 'https://wallet.example/privacy',
    });
    expect((await test.portal.listPublished({ q: 'wallet' })).map((a) => a.clientId)).toEqual(['client-wallet']);

    await test.portal.suspend(RAE, 'client-wallet', { reason: 'Tokens leaked in logs.' });
    expect(await test.portal.productionClientFor('client-wallet')).toBeUndefined();
    const again = (await rejection(test.portal.approve(RAE, 'req-1', {}))) as PortalError;
    expect(again.code).toBe('request_decided');
    await test.portal.reinstate(RAE, 'client-wallet', {});
    expect(await test.portal.productionClientFor('client-wallet')).toMatchObject({ clientId: 'client-wallet' });
    expect(
      test.mailer.sent.map((m) => `${m.template}:${'decision' in m.data ? m.data.decision : m.data.action}`),
    ).toEqual([
      'productionDecision:rejected',
      'productionDecision:approved',
      'productionSuspension:suspended',
      'productionSuspension:reinstated',
    ]);
  });
});
