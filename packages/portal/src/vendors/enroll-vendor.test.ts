import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_COLLECTIONS, type AccountLinkRecord, type AccountRecord } from '../accounts/model.ts';
import {
  activeVendor,
  createTestAccounts,
  enrollment,
  IP,
  lastToken,
  mailsOf,
  PASSWORD,
  rejectionOf,
} from '../testing/accounts.ts';

describe('enrollVendor: a new address', () => {
  it('creates a pending vendor account with the profile and mails a single-use enroll link valid 24 hours', async () => {
    const test = createTestAccounts();
    expect(await test.portal.enrollVendor(enrollment(), IP)).toBeUndefined();
    const [account, ...others] = await test.records.collection<AccountRecord>(ACCOUNT_COLLECTIONS.accounts).list();
    expect(others).toEqual([]);
    expect(account).toMatchObject({
      kind: 'vendor',
      email: 'ada@wallet.example',
      name: 'Ada Vendor',
      status: 'pending',
      organizationName: 'Wallet Inc.',
      organizationUrl: 'https://wallet.example',
      phone: '+1 555 010 0100',
    });
    expect(account).not.toHaveProperty('passwordHash');
    expect(test.mailer.sent).toHaveLength(1);
    const [mail] = mailsOf(test.mailer, 'accountLink');
    expect(mail).toMatchObject({
      to: 'ada@wallet.example',
      data: { audience: 'vendor', purpose: 'enroll', name: 'Ada Vendor', expiresAt: '2026-07-02T12:00:00.000Z' },
    });
    expect(mail?.data.link).toMatch(/^https:\/\/plan\.example\/vendor\/enroll#token=[A-Za-z0-9_-]{43}$/);
  });

  it('stores only the SHA-256 of the 256-bit token, with purpose, account and expiry', async () => {
    const test = createTestAccounts();
    await test.portal.enrollVendor(enrollment(), IP);
    const token = lastToken(test.mailer);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const links = await test.records.collection<AccountLinkRecord>(ACCOUNT_COLLECTIONS.links).list();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      id: createHash('sha256').update(token).digest('hex'),
      purpose: 'enroll',
      state: 'open',
      expiresAt: '2026-07-02T12:00:00.000Z',
    });
    expect(JSON.stringify(links)).not.toContain(token);
  });

  it('normalizes the address: trimmed, NFKC, lower-case', async () => {
    const test = createTestAccounts();
    await test.portal.enrollVendor(enrollment({ email: '  \uFF21da@Wallet.EXAMPLE ' }), IP);
    expect(mailsOf(test.mailer, 'accountLink')[0]?.to).toBe('ada@wallet.example');
  });

  it('honors linkTtlSeconds', async () => {
    const test = createTestAccounts({ linkTtlSeconds: 3600 });
    await test.portal.enrollVendor(enrollment(), IP);
    expect(mailsOf(test.mailer, 'accountLink')[0]?.data.expiresAt).toBe('2026-07-01T13:00:00.000Z');
  });

  it('works without a mailer (nothing is sent)', async () => {
    const test = createTestAccounts({ mailer: undefined });
    await test.portal.enrollVendor(enrollment(), IP);
    expect(await test.records.collection(ACCOUNT_COLLECTIONS.accounts).count()).toBe(1);
  });
});

describe('enrollVendor: a known address', () => {
  it('an active account: nothing is created or changed and an accountExists mail points at sign-in and reset', async () => {
    const test = createTestAccounts();
    const account = await activeVendor(test);
    const accounts = test.records.collection<AccountRecord>(ACCOUNT_COLLECTIONS.accounts);
    const before = await accounts.list();
    test.mailer.sent.length = 0;
    expect(await test.portal.enrollVendor(enrollment({ name: 'Someone Else', email: 'ADA@wallet.example' }), IP)).toBe(
      undefined,
    );
    expect(await accounts.list()).toEqual(before);
    expect(test.mailer.sent).toEqual([
      {
        to: 'ada@wallet.example',
        template: 'accountExists',
        data: {
          audience: 'vendor',
          name: account.name,
          signInLink: 'https://plan.example/vendor/signIn',
          resetLink: 'https://plan.example/vendor/forgotPassword',
        },
      },
    ]);
    // The old password still works: nothing was reset.
    expect((await test.portal.signIn('vendor', { email: account.email, password: PASSWORD }, IP)).id).toBe(account.id);
  });

  it('a pending account: a fresh link is mailed and the older one stops working', async () => {
    const test = createTestAccounts();
    await test.portal.enrollVendor(enrollment(), IP);
    const first = lastToken(test.mailer);
    await test.portal.enrollVendor(enrollment(), IP);
    const second = lastToken(test.mailer);
    expect(second).not.toBe(first);
    expect(await test.records.collection(ACCOUNT_COLLECTIONS.accounts).count()).toBe(1);
    const error = await rejectionOf(test.portal.completeLink({ token: first, password: PASSWORD }, IP));
    expect(error.code).toBe('link_invalid');
    expect(error.message).toContain('replaced by a newer one');
    expect((await test.portal.completeLink({ token: second, password: PASSWORD }, IP)).status).toBe('active');
  });

  it("the profile activated is the one of the form whose link is used (a stranger's form reaches only the mailbox owner)", async () => {
    const test = createTestAccounts();
    await test.portal.enrollVendor(enrollment({ name: 'Ada Vendor' }), IP);
    await test.portal.enrollVendor(enrollment({ name: 'Eve', organizationName: 'Evil LLC' }), { ip: '198.51.100.9' });
    const view = await test.portal.completeLink({ token: lastToken(test.mailer), password: PASSWORD }, IP);
    expect(view).toMatchObject({ name: 'Eve', organizationName: 'Evil LLC' });
    // The owner, mailed a link greeting a stranger, enrolls again with their own details and uses that link.
    const test2 = createTestAccounts();
    await test2.portal.enrollVendor(enrollment({ name: 'Eve', organizationName: 'Evil LLC' }), IP);
    await test2.portal.enrollVendor(enrollment({ name: 'Ada Vendor' }), IP);
    const mine = await test2.portal.completeLink({ token: lastToken(test2.mailer), password: PASSWORD }, IP);
    expect(mine).toMatchObject({ name: 'Ada Vendor', organizationName: 'Wallet Inc.' });
  });

  it('the caller cannot tell new, pending and active addresses apart: each resolves with nothing', async () => {
    const test = createTestAccounts();
    await activeVendor(test, 'active@wallet.example');
    await test.portal.enrollVendor(enrollment({ email: 'pending@wallet.example' }), IP);
    const results = await Promise.all(
      ['new@wallet.example', 'pending@wallet.example', 'active@wallet.example'].map((email) =>
        test.portal.enrollVendor(enrollment({ email }), IP),
      ),
    );
    expect(results).toEqual([undefined, undefined, undefined]);
  });

  it('two concurrent enrollments of one address in two processes create one account', async () => {
    const test = createTestAccounts();
    await Promise.all([
      test.portal.enrollVendor(enrollment(), IP),
      test.process2().enrollVendor(enrollment(), IP),
      test.process2().enrollVendor(enrollment({ email: 'Ada@Wallet.example' }), IP),
    ]);
    expect(await test.records.collection(ACCOUNT_COLLECTIONS.accounts).count()).toBe(1);
    expect(await test.records.collection(ACCOUNT_COLLECTIONS.emails).count()).toBe(1);
    expect(mailsOf(test.mailer, 'accountLink')).toHaveLength(3);
  });
});

describe('enrollVendor: rate limits', () => {
  it('5 enrollments per address an hour, counted across processes, then rate_limited with Retry-After', async () => {
    const test = createTestAccounts();
    for (let i = 0; i < 5; i++) {
      await (i % 2 === 0 ? test.portal : test.process2()).enrollVendor(enrollment(), { ip: `198.51.100.${i}` });
    }
    const error = await rejectionOf(test.process2().enrollVendor(enrollment(), { ip: '198.51.100.99' }));
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 3600 });
    expect(error.message).toBe(
      'Too many emails were asked for this address; the link in the newest email still works. Try again in 60 minutes.',
    );
    expect(test.mailer.sent).toHaveLength(5);
    test.clock.advance(3600);
    await test.portal.enrollVendor(enrollment(), IP);
  });

  it('an unknown address is limited exactly like a known one', async () => {
    const test = createTestAccounts({ limits: { mailRequestsPerAddress: { max: 1, windowSeconds: 3600 } } });
    await activeVendor(test, 'known@wallet.example');
    for (const email of ['known@wallet.example', 'unknown@wallet.example']) {
      if (email !== 'known@wallet.example') await test.portal.enrollVendor(enrollment({ email }), IP);
      expect((await rejectionOf(test.portal.enrollVendor(enrollment({ email }), IP))).code).toBe('rate_limited');
    }
  });

  it('20 requests per network an hour, whatever the addresses', async () => {
    const test = createTestAccounts({ limits: { mailRequestsPerIp: { max: 2, windowSeconds: 3600 } } });
    await test.portal.enrollVendor(enrollment({ email: 'a@wallet.example' }), IP);
    await test.process2().enrollVendor(enrollment({ email: 'b@wallet.example' }), IP);
    const error = await rejectionOf(test.portal.enrollVendor(enrollment({ email: 'c@wallet.example' }), IP));
    expect(error.message).toMatch(/^Too many enrollment and password-reset requests from your network\./);
    await test.portal.enrollVendor(enrollment({ email: 'c@wallet.example' }), { ip: '198.51.100.1' });
  });
});

describe('enrollVendor: validation', () => {
  it.each([
    ['name', { name: undefined }, 'Name is required.'],
    ['name', { name: 'Ada\r\nBcc: eve@evil.example' }, 'must not contain control or text-direction characters'],
    ['name', { name: 'Ada \u202Emoc.live' }, 'control or text-direction characters'],
    ['name', { name: 'x'.repeat(101) }, 'Name must be at most 100 characters.'],
    ['name', { name: 'Ada\u200F' }, 'control or text-direction characters'],
    ['organizationName', { organizationName: 'Wallet \u2066Inc.\u2069' }, 'control or text-direction characters'],
    ['email', { email: undefined }, 'Email is required.'],
    ['email', { email: 'Ada <ada@wallet.example>' }, 'one email address'],
    ['email', { email: 'ada@wallet.example\nBcc: eve@evil.example' }, 'control or text-direction characters'],
    ['email', { email: 'a@x.example,b@y.example' }, 'one email address'],
    ['organizationName', { organizationName: '' }, 'Organization name is required.'],
    ['organizationName', { organizationName: 'Evil\u0000' }, 'control or text-direction characters'],
    ['organizationUrl', { organizationUrl: 'wallet.example' }, 'must be an http or https URL'],
    ['organizationUrl', { organizationUrl: 'javascript:alert(1)' }, 'must be an http or https URL'],
    ['organizationUrl', { organizationUrl: 'https://user:pw@wallet.example' }, 'must be an http or https URL'],
    ['phone', { phone: 'call me' }, 'Phone must be a phone number of at least 7 digits'],
    ['phone', { phone: '12345' }, 'at least 7 digits'],
    ['phone', { phone: undefined }, 'Phone is required.'],
    ['acceptTerms', { acceptTerms: false }, 'Accept the terms of use to enroll.'],
    ['acceptTerms', { acceptTerms: 'yes' }, 'Accept the terms of use to enroll.'],
    ['acceptTerms', { acceptTerms: undefined }, 'Accept the terms of use to enroll.'],
    ['password', { password: 'x' }, '"password" is not a field here; the fields are name, email, organizationName'],
  ])('a bad %s gets its own message (%j) and nothing is created or sent', async (field, overrides, message) => {
    const test = createTestAccounts();
    const error = await rejectionOf(test.portal.enrollVendor(enrollment(overrides), IP));
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields)).toEqual([field]);
    expect(error.fields[field]).toContain(message);
    expect(await test.records.collection(ACCOUNT_COLLECTIONS.accounts).count()).toBe(0);
    expect(test.mailer.sent).toEqual([]);
  });

  it('every invalid field at once, and a body that is not an object', async () => {
    const test = createTestAccounts();
    const error = await rejectionOf(test.portal.enrollVendor({ email: 'nope' }, IP));
    expect(Object.keys(error.fields).sort()).toEqual([
      'acceptTerms',
      'email',
      'name',
      'organizationName',
      'organizationUrl',
      'phone',
    ]);
    const notObject = await rejectionOf(test.portal.enrollVendor('ada@wallet.example', IP));
    expect(notObject.message).toMatch(/must be a JSON object with the name, email, organizationName/);
  });
});
