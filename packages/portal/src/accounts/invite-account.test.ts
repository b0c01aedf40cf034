import { describe, expect, it } from 'vitest';
import {
  activeVendor,
  createTestAccounts,
  IP,
  lastToken,
  mailsOf,
  PASSWORD,
  rejectionOf,
} from '../testing/accounts.ts';

const RAE = { name: 'Rae Viewer', email: 'Rae@Plan.example' };

describe('inviteAccount', () => {
  it('creates a pending reviewer and mails an invite link; completing it activates the reviewer', async () => {
    const test = createTestAccounts();
    const view = await test.portal.inviteAccount('reviewer', RAE);
    expect(view).toEqual({
      id: expect.any(String) as string,
      kind: 'reviewer',
      email: 'rae@plan.example',
      name: 'Rae Viewer',
      status: 'pending',
      createdAt: '2026-07-01T12:00:00.000Z',
    });
    expect(mailsOf(test.mailer, 'accountLink')).toEqual([
      {
        to: 'rae@plan.example',
        template: 'accountLink',
        data: {
          audience: 'reviewer',
          purpose: 'invite',
          name: 'Rae Viewer',
          link: expect.stringMatching(/^https:\/\/plan\.example\/reviewer\/invite#token=/) as string,
          expiresAt: '2026-07-02T12:00:00.000Z',
        },
      },
    ]);
    const active = await test.portal.completeLink({ token: lastToken(test.mailer), password: PASSWORD }, IP);
    expect(active).toEqual({ ...view, status: 'active' });
  });

  it('a member is bound to a Patient: patientId is required and shown on the account', async () => {
    const test = createTestAccounts();
    const member = await test.portal.inviteAccount('member', { ...RAE, patientId: 'pat-123' });
    expect(member).toMatchObject({ kind: 'member', patientId: 'pat-123', status: 'pending' });
    expect(await test.portal.getAccount(member.id)).toEqual(member);
    const missing = await rejectionOf(test.portal.inviteAccount('member', { ...RAE, email: 'x@home.example' }));
    expect(missing.fields).toEqual({ patientId: 'Patient id is required: the Patient the member is bound to.' });
    const bad = await rejectionOf(test.portal.inviteAccount('member', { ...RAE, patientId: 'a/b' }));
    expect(bad.fields.patientId).toContain('must be a FHIR id');
    const notForReviewers = await rejectionOf(test.portal.inviteAccount('reviewer', { ...RAE, patientId: 'p' }));
    expect(notForReviewers.fields).toEqual({
      patientId: '"patientId" is not a field here; the fields are name, email.',
    });
  });

  it('an address with an account of that kind is account_exists (409), pending or active; nothing is sent', async () => {
    const test = createTestAccounts();
    await test.portal.inviteAccount('reviewer', RAE);
    const sent = test.mailer.sent.length;
    const pending = await rejectionOf(test.portal.inviteAccount('reviewer', { ...RAE, email: 'rae@plan.example' }));
    expect(pending).toMatchObject({
      code: 'account_exists',
      message:
        'A reviewer account with the email rae@plan.example already exists (pending: its owner can use "Forgot password" for a new link).',
      fields: { email: 'A reviewer account with this email already exists.' },
    });
    await activeVendor(test, 'ada@wallet.example');
    const active = await rejectionOf(test.portal.inviteAccount('vendor', { name: 'Ada', email: 'ada@wallet.example' }));
    expect(active.message).toBe('A vendor account with the email ada@wallet.example already exists (active).');
    // Only the vendor's own enrollment mail was sent since: refused invitations send nothing.
    expect(test.mailer.sent).toHaveLength(sent + 1);
    expect(await test.records.collection('accounts').count()).toBe(2);
  });

  it('the same address may be invited as another kind', async () => {
    const test = createTestAccounts();
    await activeVendor(test, 'rae@plan.example');
    expect((await test.portal.inviteAccount('reviewer', RAE)).kind).toBe('reviewer');
  });

  it('concurrent invitations of one address in two processes: one account, the other is account_exists', async () => {
    const test = createTestAccounts();
    const results = await Promise.allSettled([
      test.portal.inviteAccount('reviewer', RAE),
      test.process2().inviteAccount('reviewer', RAE),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await test.records.collection('accounts').count()).toBe(1);
  });

  it('invalid names and addresses are validation_failed', async () => {
    const test = createTestAccounts();
    const error = await rejectionOf(test.portal.inviteAccount('reviewer', { name: 'Rae\u202E', email: 'rae' }));
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'name']);
    const mark = await rejectionOf(test.portal.inviteAccount('member', { ...RAE, name: 'Rae\u200E', patientId: 'p' }));
    expect(mark.fields).toEqual({
      name: expect.stringContaining('must not contain control or text-direction') as unknown,
    });
  });
});
