import { describe, expect, it } from 'vitest';
import { PRODUCTION_COLLECTIONS } from '../production/model.ts';
import { manualClock, rejection } from '../testing/harness.ts';
import { PortalError } from '../types.ts';
import { REJECTION_REASON_REQUIRED } from './reject-request.ts';
import { RAE, SAM, createTestReview, requestRecord } from '../testing/review.ts';

describe('reject', () => {
  it("records the rejection with its reason and mails the reason to the vendor's enrolled address", async () => {
    const test = createTestReview(manualClock());
    await test.seed({ requests: [requestRecord({ contactEmail: 'other@wallet.example' })] });
    const detail = await test.portal.reject(RAE, 'req-1', {
      reason: 'The privacy policy link answers 404.\nFix it and send again.',
    });
    expect(detail).toMatchObject({ status: 'rejected', decidedAt: '2026-07-01T12:00:00.000Z' });
    expect(detail.history.at(-1)).toEqual({
      type: 'rejected',
      at: '2026-07-01T12:00:00.000Z',
      version: 1,
      by: 'rae@plan.example',
      reason: 'The privacy policy link answers 404.\nFix it and send again.',
    });
    expect(test.mailer.sent).toEqual([
      {
        to: 'ada@wallet.example',
        template: 'productionDecision',
        data: {
          appName: 'Health Wallet',
          clientId: 'client-wallet',
          decision: 'rejected',
          reason: 'The privacy policy link answers 404.\nFix it and send again.',
          version: 1,
          decidedAt: '2026-07-01T12:00:00.000Z',
          appLink: 'https://plan.example/developer/apps/app-1',
        },
      },
    ]);
    expect(await test.records.collection(PRODUCTION_COLLECTIONS.published).count()).toBe(0);
  });

  it("mails the request's contact address when no vendor account owns the app", async () => {
    const test = createTestReview(manualClock());
    await test.seed({ requests: [requestRecord({ ownerId: 'sandbox', contactEmail: 'dev@desktop.example' })] });
    await test.portal.reject(RAE, 'req-1', { reason: 'No logo.' });
    expect(test.mailer.sent.map((mail) => mail.to)).toEqual(['dev@desktop.example']);
  });

  it('requires a reason of 1 to 2000 characters after trimming', async () => {
    const test = createTestReview(manualClock());
    await test.seed({ requests: [requestRecord()] });
    for (const input of [{}, { reason: '' }, { reason: ' \n\t ' }, undefined]) {
      const error = (await rejection(test.portal.reject(RAE, 'req-1', input))) as PortalError;
      expect(error).toBeInstanceOf(PortalError);
      expect(error.code).toBe('validation_failed');
      expect(error.fields).toEqual({ reason: REJECTION_REASON_REQUIRED });
    }
    expect(REJECTION_REASON_REQUIRED).toBe('Reason is required: the vendor reads it in the rejection email.');
    const long = (await rejection(test.portal.reject(RAE, 'req-1', { reason: 'x'.repeat(2001) }))) as PortalError;
    expect(long.fields).toEqual({ reason: 'Reason must be at most 2000 characters.' });
    const typed = (await rejection(test.portal.reject(RAE, 'req-1', { reason: 42 }))) as PortalError;
    expect(typed.fields).toEqual({ reason: 'Reason must be a string.' });
    const bidi = (await rejection(test.portal.reject(RAE, 'req-1', { reason: 'ok\u202Egnp.exe' }))) as PortalError;
    expect(bidi.fields.reason).toContain('text-direction');
    const mark = (await rejection(test.portal.reject(RAE, 'req-1', { reason: 'ok\u200Fx' }))) as PortalError;
    expect(mark.fields.reason).toBe(
      'Reason must not contain control or text-direction characters (line breaks and tabs are fine).',
    );
    await test.portal.reject(RAE, 'req-1', { reason: `  ${'x'.repeat(2000)}  ` });
    expect(test.mailer.sent).toHaveLength(1);
  });

  it('is request_decided (409) for a decided request', async () => {
    const test = createTestReview(manualClock());
    await test.seed({ requests: [requestRecord({ status: 'approved', decidedAt: '2026-06-30T00:00:00.000Z' })] });
    const error = (await rejection(test.portal.reject(SAM, 'req-1', { reason: 'Too late.' }))) as PortalError;
    expect(error.code).toBe('request_decided');
    expect(error.message).toContain('approved on 2026-06-30T00:00:00.000Z');
    expect(test.mailer.sent).toEqual([]);
  });
});
