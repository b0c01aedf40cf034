import { describe, expect, it } from 'vitest';
import {
  activeInvitee,
  createTestAccounts,
  IP,
  lastToken,
  mailsOf,
  PASSWORD,
  rejectionOf,
  type TestAccounts,
} from '../testing/accounts.ts';
import type { MemberLookup } from './context.ts';

/** The plan's members: member ID M-100 born 1980-04-23 is Patient pat-ada. */
const MEMBERS: MemberLookup = {
  find: (memberId, birthDate) =>
    Promise.resolve(
      memberId === 'M-100' && birthDate === '1980-04-23' ? { patientId: 'pat-ada', name: 'Ada Member' } : undefined,
    ),
};

const ADA = { memberId: 'M-100', birthDate: '1980-04-23', email: 'Ada@Home.example' };

function setup(): TestAccounts {
  return createTestAccounts({ members: MEMBERS });
}

/** What a registration gives back, and the mail it sent. */
async function outcome(test: TestAccounts, input: Record<string, unknown>) {
  const before = test.mailer.sent.length;
  const result = await test.portal.registerMember(input, IP);
  return { result, mail: test.mailer.sent.slice(before) };
}

describe('registerMember', () => {
  it('a member without an account gets a pending account bound to the Patient and a verify link that activates it', async () => {
    const test = setup();
    const { result, mail } = await outcome(test, ADA);
    expect(result).toBeUndefined();
    expect(mail).toEqual([
      {
        to: 'ada@home.example',
        template: 'accountLink',
        data: {
          audience: 'member',
          purpose: 'verify',
          name: 'Ada Member',
          link: expect.stringMatching(/^https:\/\/plan\.example\/member\/verify#token=/) as string,
          expiresAt: '2026-07-02T12:00:00.000Z',
        },
      },
    ]);
    expect(await test.portal.findMemberByEmail('ada@home.example')).toBeUndefined();
    const member = await test.portal.completeLink({ token: lastToken(test.mailer), password: PASSWORD }, IP);
    expect(member).toMatchObject({
      kind: 'member',
      email: 'ada@home.example',
      name: 'Ada Member',
      patientId: 'pat-ada',
      status: 'active',
    });
    expect(await test.portal.findMemberByEmail(' ADA@home.example ')).toEqual(member);
    expect(await test.portal.signIn('member', { email: ADA.email, password: PASSWORD }, IP)).toEqual(member);
  });

  it('answers the three outcomes alike; only the mail differs (verify link, accountExists, memberNotFound)', async () => {
    const test = setup();
    const matched = await outcome(test, ADA);
    await test.portal.completeLink({ token: lastToken(test.mailer), password: PASSWORD }, IP);
    const again = await outcome(test, { ...ADA, email: 'ada@home.example' });
    const wrong = await outcome(test, { ...ADA, birthDate: '1980-04-24', email: 'eve@home.example' });
    expect([matched.result, again.result, wrong.result]).toEqual([undefined, undefined, undefined]);
    expect(matched.mail.map((m) => m.template)).toEqual(['accountLink']);
    expect(again.mail).toEqual([
      {
        to: 'ada@home.example',
        template: 'accountExists',
        data: {
          audience: 'member',
          name: 'Ada Member',
          signInLink: 'https://plan.example/member/signIn',
          resetLink: 'https://plan.example/member/forgotPassword',
        },
      },
    ]);
    expect(wrong.mail).toEqual([
      {
        to: 'eve@home.example',
        template: 'memberNotFound',
        data: { registerLink: 'https://plan.example/member/register' },
      },
    ]);
    // No account was made for the address that matched nobody.
    expect(await test.records.collection('accountEmails').get('member:eve@home.example')).toBeUndefined();
  });

  it('a member who has an active account is told at that account address, never at the one typed', async () => {
    const test = setup();
    await test.portal.registerMember(ADA, IP);
    await test.portal.completeLink({ token: lastToken(test.mailer), password: PASSWORD }, IP);
    const other = await outcome(test, { ...ADA, email: 'mallory@evil.example' });
    expect(other.result).toBeUndefined();
    expect(other.mail).toEqual([expect.objectContaining({ to: 'ada@home.example', template: 'accountExists' })]);
    expect(await test.records.collection('accountEmails').get('member:mallory@evil.example')).toBeUndefined();
  });

  it('registering again while pending sends a fresh verify link; the older one stops working', async () => {
    const test = setup();
    await test.portal.registerMember(ADA, IP);
    const first = lastToken(test.mailer);
    await test.portal.registerMember(ADA, IP);
    const second = lastToken(test.mailer);
    expect(second).not.toBe(first);
    expect((await rejectionOf(test.portal.completeLink({ token: first, password: PASSWORD }, IP))).code).toBe(
      'link_invalid',
    );
    await test.portal.completeLink({ token: second, password: PASSWORD }, IP);
    expect(await test.portal.findMemberByEmail(ADA.email)).toMatchObject({ patientId: 'pat-ada' });
  });

  it('an address whose member account is bound to another Patient gets accountExists and keeps its binding', async () => {
    const test = setup();
    const other = await activeInvitee(test, 'member', 'ada@home.example');
    const { mail } = await outcome(test, ADA);
    expect(mail).toEqual([expect.objectContaining({ to: 'ada@home.example', template: 'accountExists' })]);
    expect(await test.portal.getAccount(other.id)).toEqual(other);
  });

  it('checks the fields: member ID 1..64 characters, a real date of birth not in the future, an email', async () => {
    const test = setup();
    const missing = await rejectionOf(test.portal.registerMember({}, IP));
    expect(missing.code).toBe('validation_failed');
    expect(missing.fields).toEqual({
      memberId: 'Member ID is required.',
      birthDate: 'Date of birth is required.',
      email: 'Email is required.',
    });
    const bad = await rejectionOf(
      test.portal.registerMember({ memberId: 'x'.repeat(65), birthDate: '2026-02-30', email: 'nope' }, IP),
    );
    expect(bad.fields).toEqual({
      memberId: 'Member ID must be at most 64 characters.',
      birthDate: 'Date of birth must be a date written YYYY-MM-DD, such as 1980-04-23.',
      email: expect.stringContaining('must be one email address') as string,
    });
    const future = await rejectionOf(test.portal.registerMember({ ...ADA, birthDate: '2026-07-02' }, IP));
    expect(future.fields).toEqual({ birthDate: 'Date of birth must not be in the future.' });
    expect((await rejectionOf(test.portal.registerMember({ ...ADA, birthDate: '23/04/1980' }, IP))).fields).toEqual({
      birthDate: 'Date of birth must be a date written YYYY-MM-DD, such as 1980-04-23.',
    });
    const extra = await rejectionOf(test.portal.registerMember({ ...ADA, patientId: 'pat-ada' }, IP));
    expect(extra.fields).toEqual({
      patientId: '"patientId" is not a field here; the fields are memberId, birthDate, email.',
    });
    await test.portal.registerMember({ ...ADA, birthDate: '2026-07-01' }, IP);
    expect(test.mailer.sent.map((m) => m.template)).toEqual(['memberNotFound']);
  });

  it('is rate limited per network and per address, matched or not, before anything is looked up', async () => {
    const test = createTestAccounts({
      members: MEMBERS,
      limits: {
        memberRegistrationsPerIp: { max: 3, windowSeconds: 3600 },
        memberRegistrationsPerAddress: { max: 2, windowSeconds: 3600 },
      },
    });
    await test.portal.registerMember(ADA, IP);
    await test.portal.registerMember({ ...ADA, birthDate: '1999-01-01' }, IP);
    const perAddress = await rejectionOf(test.portal.registerMember(ADA, { ip: '198.51.100.9' }));
    expect(perAddress.code).toBe('rate_limited');
    expect(perAddress.message).toContain('Too many registrations were sent for this address');
    await test.portal.registerMember({ ...ADA, email: 'x@home.example' }, IP);
    const perIp = await rejectionOf(test.portal.registerMember({ ...ADA, email: 'y@home.example' }, IP));
    expect(perIp.code).toBe('rate_limited');
    expect(perIp.message).toContain('Too many registrations from your network.');
    expect(perIp.retryAfterSeconds).toBeGreaterThan(0);
    expect(test.mailer.sent).toHaveLength(3);
    test.clock.advance(3600);
    await test.portal.registerMember({ ...ADA, email: 'y@home.example' }, IP);
    expect(mailsOf(test.mailer, 'memberNotFound')).toHaveLength(1);
  });

  it('is not_found when the composition has no member lookup', async () => {
    const test = createTestAccounts();
    expect((await rejectionOf(test.portal.registerMember(ADA, IP))).code).toBe('not_found');
    expect(test.mailer.sent).toEqual([]);
  });
});

describe('findMemberByEmail', () => {
  it('finds active member accounts only: not pending ones, other kinds or malformed addresses', async () => {
    const test = setup();
    const reviewer = await activeInvitee(test, 'reviewer', 'rae@plan.example');
    expect(reviewer.status).toBe('active');
    expect(await test.portal.findMemberByEmail('rae@plan.example')).toBeUndefined();
    await test.portal.inviteAccount('member', { name: 'Pat', email: 'pat@home.example', patientId: 'p-2' });
    expect(await test.portal.findMemberByEmail('pat@home.example')).toBeUndefined();
    const member = await activeInvitee(test, 'member', 'mo@home.example');
    expect(await test.portal.findMemberByEmail('MO@home.example')).toEqual(member);
    expect(await test.portal.findMemberByEmail('not an address')).toBeUndefined();
  });
});
