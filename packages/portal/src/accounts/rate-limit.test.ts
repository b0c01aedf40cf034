import { describe, expect, it } from 'vitest';
import { createTestAccounts, rejectionOf } from '../testing/accounts.ts';
import { assertNotLocked, countEvent, countFailure, countFromIp, waitText } from './rate-limit.ts';

const LIMIT = { max: 2, windowSeconds: 600 };

describe('countEvent', () => {
  it('lets `max` events through per window, then answers rate_limited until the window ends', async () => {
    const test = createTestAccounts();
    const ctx = test.context();
    test.clock.advance(100); // 12:01:40, inside the window 12:00:00-12:10:00
    expect(await countEvent(ctx, 'demo', 's', LIMIT, 'Too many demos.')).toBe(1);
    expect(await countEvent(ctx, 'demo', 's', LIMIT, 'Too many demos.')).toBe(2);
    const error = await rejectionOf(countEvent(ctx, 'demo', 's', LIMIT, 'Too many demos.'));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 500 });
    expect(error.message).toBe('Too many demos. Try again in 9 minutes.');
    expect(await countEvent(ctx, 'demo', 'other subject', LIMIT, '')).toBe(1);
    test.clock.advance(500);
    expect(await countEvent(ctx, 'demo', 's', LIMIT, 'Too many demos.')).toBe(1);
  });

  it('counts in the shared counter, so two processes share one limit', async () => {
    const test = createTestAccounts();
    await countEvent(test.context(), 'demo', 's', LIMIT, '');
    await countEvent(test.context(), 'demo', 's', LIMIT, '');
    expect((await rejectionOf(countEvent(test.context(), 'demo', 's', LIMIT, ''))).code).toBe('rate_limited');
  });

  it('counts an IPv6 network by its /64', async () => {
    const test = createTestAccounts();
    const ctx = test.context();
    await countFromIp(ctx, 'demo', '2001:db8::1', LIMIT, '');
    await countFromIp(ctx, 'demo', '2001:db8::2', LIMIT, '');
    expect((await rejectionOf(countFromIp(ctx, 'demo', '2001:db8::3', LIMIT, ''))).code).toBe('rate_limited');
    expect(await countFromIp(ctx, 'demo', '2001:db8:0:1::1', LIMIT, '')).toBe(1);
  });
});

describe('sign-in failures', () => {
  it('lock an address at the limit, for the window from the last failure, in every process', async () => {
    const test = createTestAccounts({ limits: { signInFailuresPerAccount: LIMIT } });
    const ctx = test.context();
    await countFailure(ctx, 'vendor', 'ada@wallet.example');
    await assertNotLocked(ctx, 'vendor', 'ada@wallet.example');
    await countFailure(ctx, 'vendor', 'ada@wallet.example');
    test.clock.advance(60);
    const error = await rejectionOf(assertNotLocked(test.context(), 'vendor', 'ada@wallet.example'));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 540 });
    expect(error.message).toBe(
      'Too many failed sign-ins for this email address. "Forgot password" sets a new password and lifts this lock. Try again in 9 minutes.',
    );
    await assertNotLocked(ctx, 'reviewer', 'ada@wallet.example');
    test.clock.advance(540);
    await assertNotLocked(ctx, 'vendor', 'ada@wallet.example');
  });

  it('a failure past the limit (attempts that passed the lock check together) is itself rate_limited', async () => {
    const test = createTestAccounts({ limits: { signInFailuresPerAccount: LIMIT } });
    const ctx = test.context();
    await countFailure(ctx, 'vendor', 'ada@wallet.example');
    await countFailure(ctx, 'vendor', 'ada@wallet.example');
    expect((await rejectionOf(countFailure(ctx, 'vendor', 'ada@wallet.example'))).code).toBe('rate_limited');
  });
});

describe('waitText', () => {
  it('says seconds under a minute and whole minutes, rounded up, above', () => {
    expect([1, 45, 60, 61, 900].map(waitText)).toEqual([
      '1 second',
      '45 seconds',
      '1 minute',
      '2 minutes',
      '15 minutes',
    ]);
  });
});
