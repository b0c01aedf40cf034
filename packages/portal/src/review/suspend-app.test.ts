import { describe, expect, it } from 'vitest';
import { PRODUCTION_COLLECTIONS, type PublishedAppRecord } from '../production/model.ts';
import { manualClock, rejection } from '../testing/harness.ts';
import { PortalError } from '../types.ts';
import { SUSPENSION_REASON_REQUIRED } from './suspend-app.ts';
import { RAE, SAM, createTestReview, publishedRecord, requestRecord } from '../testing/review.ts';

async function publishedReview() {
  const clock = manualClock();
  const test = createTestReview(clock);
  const request = requestRecord({ status: 'approved', decidedAt: '2026-06-01T10:00:00.000Z' });
  await test.seed({ requests: [request], published: [publishedRecord(request)] });
  return { test, clock };
}

const stored = (test: ReturnType<typeof createTestReview>) =>
  test.records.collection<PublishedAppRecord>(PRODUCTION_COLLECTIONS.published).get('client-wallet');

describe('suspend and reinstate', () => {
  it('suspends with a reason (the production client stops) and mails the vendor', async () => {
    const { test } = await publishedReview();
    const app = await test.portal.suspend(RAE, 'client-wallet', { reason: 'Reported for selling data.' });
    expect(app).toMatchObject({
      clientId: 'client-wallet',
      status: 'suspended',
      suspension: { at: '2026-07-01T12:00:00.000Z', by: 'rae@plan.example', reason: 'Reported for selling data.' },
      vendor: { email: 'ada@wallet.example' },
    });
    expect(app).not.toHaveProperty('clientSecret');
    expect(await test.portal.productionClientFor('client-wallet')).toBeUndefined();
    expect((await stored(test))?.clientSecret).toBe('secret-published');
    expect(test.mailer.sent).toEqual([
      {
        to: 'ada@wallet.example',
        template: 'productionSuspension',
        data: {
          appName: 'Health Wallet',
          clientId: 'client-wallet',
          action: 'suspended',
          reason: 'Reported for selling data.',
          at: '2026-07-01T12:00:00.000Z',
        },
      },
    ]);
  });

  it('reinstates (reason optional): the approved snapshot serves again and the vendor is told', async () => {
    const { test, clock } = await publishedReview();
    await test.portal.suspend(RAE, 'client-wallet', { reason: 'Investigating.' });
    clock.advance(3600);
    const app = await test.portal.reinstate(SAM, 'client-wallet', {});
    expect(app.status).toBe('published');
    expect(app).not.toHaveProperty('suspension');
    expect(await stored(test)).not.toHaveProperty('suspension');
    expect(await test.portal.productionClientFor('client-wallet')).toMatchObject({ clientSecret: 'secret-published' });
    expect(test.mailer.sent[1]).toEqual({
      to: 'ada@wallet.example',
      template: 'productionSuspension',
      data: {
        appName: 'Health Wallet',
        clientId: 'client-wallet',
        action: 'reinstated',
        at: '2026-07-01T13:00:00.000Z',
      },
    });
    await test.portal.suspend(RAE, 'client-wallet', { reason: 'Again.' });
    await test.portal.reinstate(RAE, 'client-wallet', { reason: 'Fixed.' });
    expect(test.mailer.sent[3]?.data).toMatchObject({ action: 'reinstated', reason: 'Fixed.' });
  });

  it('requires a reason to suspend', async () => {
    const { test } = await publishedReview();
    for (const input of [{}, { reason: '  ' }, null]) {
      const error = (await rejection(test.portal.suspend(RAE, 'client-wallet', input))) as PortalError;
      expect(error.code).toBe('validation_failed');
      expect(error.fields).toEqual({ reason: SUSPENSION_REASON_REQUIRED });
    }
    expect((await stored(test))?.status).toBe('published');
  });

  it('is request_decided (409) when already suspended or not suspended, not_found for an unknown client', async () => {
    const { test } = await publishedReview();
    const notSuspended = (await rejection(test.portal.reinstate(RAE, 'client-wallet', {}))) as PortalError;
    expect(notSuspended).toBeInstanceOf(PortalError);
    expect(notSuspended.code).toBe('request_decided');
    expect(notSuspended.message).toContain('not suspended');
    await test.portal.suspend(RAE, 'client-wallet', { reason: 'One.' });
    const twice = (await rejection(test.portal.suspend(SAM, 'client-wallet', { reason: 'Two.' }))) as PortalError;
    expect(twice.code).toBe('request_decided');
    expect(twice.message).toContain('already suspended');
    expect((await stored(test))?.suspension?.reason).toBe('One.');
    expect(((await rejection(test.portal.suspend(RAE, 'nope', { reason: 'x' }))) as PortalError).code).toBe(
      'not_found',
    );
    expect(((await rejection(test.portal.reinstate(RAE, '', {}))) as PortalError).code).toBe('not_found');
  });

  it('lets one of two reviewers suspending at once win', async () => {
    const { test } = await publishedReview();
    const results = await Promise.allSettled([
      test.portal.suspend(RAE, 'client-wallet', { reason: 'Rae says.' }),
      test.process2().suspend(SAM, 'client-wallet', { reason: 'Sam says.' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'request_decided' } });
    expect(test.mailer.sent).toHaveLength(1);
  });
});
