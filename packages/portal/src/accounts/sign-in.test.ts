import { describe, expect, it } from 'vitest';
import {
  activeInvitee,
  activeVendor,
  createTestAccounts,
  enrollment,
  expectNoSecrets,
  IP,
  lastToken,
  PASSWORD,
  rejectionOf,
} from '../testing/accounts.ts';

const ADA = 'ada@wallet.example';

describe('signIn', () => {
  it('signs in an active account with the right password, the address in any case', async () => {
    const test = createTestAccounts();
    const account = await activeVendor(test);
    expect(await test.portal.signIn('vendor', { email: ' ADA@Wallet.example', password: PASSWORD }, IP)).toEqual(
      account,
    );
  });

  it('an NFKC-equivalent spelling of the password signs in too', async () => {
    const test = createTestAccounts();
    await test.portal.enrollVendor(enrollment(), IP);
    await test.portal.completeLink({ token: lastToken(test.mailer), password: 'ｗｉｄｅ lantern 42' }, IP);
    expect((await test.portal.signIn('vendor', { email: ADA, password: 'wide lantern 42' }, IP)).email).toBe(ADA);
  });

  it('unknown address, wrong password, pending account and another kind all answer the same invalid_credentials', async () => {
    const test = createTestAccounts();
    await activeVendor(test);
    await test.portal.enrollVendor(enrollment({ email: 'pending@wallet.example' }), IP);
    const attempts: [string, Record<string, unknown>][] = [
      ['vendor', { email: 'nobody@wallet.example', password: PASSWORD }],
      ['vendor', { email: ADA, password: 'not the password' }],
      ['vendor', { email: 'pending@wallet.example', password: PASSWORD }],
      ['reviewer', { email: ADA, password: PASSWORD }],
    ];
    for (const [kind, input] of attempts) {
      const error = await rejectionOf(test.portal.signIn(kind as 'vendor', input, IP));
      expect({ code: error.code, message: error.message, fields: error.fields }).toEqual({
        code: 'invalid_credentials',
        message: 'Email or password is wrong.',
        fields: {},
      });
      expectNoSecrets(error, [String(input.password)]);
    }
  });

  it('a body without email or password is validation_failed (and counts nothing)', async () => {
    const test = createTestAccounts();
    const error = await rejectionOf(test.portal.signIn('vendor', { email: ADA }, IP));
    expect(error.fields).toEqual({ password: 'Password is required.' });
    expect(test.counters.counters.size).toBe(0);
  });

  it('reviewers and members sign in with their own kind', async () => {
    const test = createTestAccounts();
    const reviewer = await activeInvitee(test, 'reviewer', 'rae@plan.example');
    expect(await test.portal.signIn('reviewer', { email: 'rae@plan.example', password: PASSWORD }, IP)).toEqual(
      reviewer,
    );
    const member = await activeInvitee(test, 'member', 'max@home.example');
    expect(await test.portal.signIn('member', { email: 'max@home.example', password: PASSWORD }, IP)).toMatchObject({
      kind: 'member',
      patientId: 'p-1',
    });
    expect(member.patientId).toBe('p-1');
  });
});

describe('signIn rate limits', () => {
  it('10 failures of an address in 15 minutes, from two processes and networks, lock it, the right password too', async () => {
    const test = createTestAccounts();
    await activeVendor(test);
    for (let i = 0; i < 10; i++) {
      const portal = i % 2 === 0 ? test.portal : test.process2();
      const error = await rejectionOf(
        portal.signIn('vendor', { email: ADA, password: `wrong ${i}` }, { ip: `198.51.100.${i}` }),
      );
      expect(error.code).toBe('invalid_credentials');
    }
    test.clock.advance(60);
    const locked = await rejectionOf(test.process2().signIn('vendor', { email: ADA, password: PASSWORD }, IP));
    expect(locked).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 840 });
    expect(locked.message).toBe(
      'Too many failed sign-ins for this email address. "Forgot password" sets a new password and lifts this lock. Try again in 14 minutes.',
    );
    test.clock.advance(840);
    expect((await test.portal.signIn('vendor', { email: ADA, password: PASSWORD }, IP)).email).toBe(ADA);
  });

  it('an unknown address locks exactly like a known one (the lock tells nothing)', async () => {
    const test = createTestAccounts({ limits: { signInFailuresPerAccount: { max: 2, windowSeconds: 900 } } });
    for (let i = 0; i < 2; i++) {
      await rejectionOf(test.portal.signIn('vendor', { email: 'nobody@wallet.example', password: 'wrong one' }, IP));
    }
    const error = await rejectionOf(
      test.portal.signIn('vendor', { email: 'nobody@wallet.example', password: 'x' }, IP),
    );
    expect(error.code).toBe('rate_limited');
  });

  it('30 attempts per network in 15 minutes across processes; a success in between does not reset the count', async () => {
    const test = createTestAccounts({ limits: { signInPerIp: { max: 3, windowSeconds: 900 } } });
    await activeVendor(test);
    await rejectionOf(test.portal.signIn('vendor', { email: 'eve@evil.example', password: 'guess one' }, IP));
    await test.process2().signIn('vendor', { email: ADA, password: PASSWORD }, IP);
    await rejectionOf(test.portal.signIn('vendor', { email: 'eve2@evil.example', password: 'guess two' }, IP));
    const error = await rejectionOf(test.process2().signIn('vendor', { email: ADA, password: PASSWORD }, IP));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 900 });
    expect(error.message).toBe('Too many sign-in attempts from your network. Try again in 15 minutes.');
    expect((await test.portal.signIn('vendor', { email: ADA, password: PASSWORD }, { ip: '198.51.100.1' })).email).toBe(
      ADA,
    );
    test.clock.advance(900);
    expect((await test.portal.signIn('vendor', { email: ADA, password: PASSWORD }, IP)).email).toBe(ADA);
  });
});
