import { describe, expect, it } from 'vitest';
import { MailError } from '../errors.ts';
import { accountExists, accountLink, memberNotFound, type AccountLinkData } from './account.ts';
import { renderTemplate } from './index.ts';

const acme = { planName: 'Acme Health' };
const LINK = 'https://plan.example/account/set-password?token=abc&x=1';

/** The text with its line breaks (wrapped at 72 columns) read as spaces, to look for a sentence. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function link(audience: AccountLinkData['audience'], purpose: AccountLinkData['purpose']): AccountLinkData {
  return { audience, purpose, name: 'Dana', link: LINK, expiresAt: '2026-07-02T12:00:00.000Z' };
}

describe('accountLink', () => {
  it.each([
    ['vendor', 'enroll', 'Finish your enrollment in the Acme Health Developer Sandbox: set your password'],
    ['vendor', 'reset', 'Reset your Acme Health password'],
    ['reviewer', 'reset', 'Reset your Acme Health password'],
    ['member', 'reset', 'Reset your Acme Health password'],
    ['reviewer', 'invite', 'You are invited to review apps for Acme Health'],
    ['member', 'invite', 'Your Acme Health member account: set your password'],
    ['member', 'verify', 'Confirm your email for Acme Health'],
  ] as const)('writes the %s %s subject', (audience, purpose, subject) => {
    const mail = accountLink(link(audience, purpose), acme);
    expect(mail.subject).toBe(subject);
    expect(mail.html).toContain(`<title>${subject}</title>`);
  });

  it('has a subject for every other audience and purpose too', () => {
    const subjects = new Set<string>();
    for (const audience of ['vendor', 'reviewer', 'member'] as const) {
      for (const purpose of ['enroll', 'reset', 'invite', 'verify'] as const) {
        const mail = accountLink(link(audience, purpose), acme);
        expect(mail.subject).toContain('Acme Health');
        subjects.add(mail.subject);
      }
    }
    expect(subjects.size).toBe(7);
  });

  it('says in both parts when the link expires, in UTC, and that it works once', () => {
    const mail = accountLink(link('vendor', 'enroll'), acme);
    expect(mail.text).toContain('This link works once and expires at 2026-07-02 12:00 UTC.');
    expect(mail.html).toContain('This link works once and expires at <strong>2026-07-02 12:00 UTC</strong>.');
  });

  it('puts the link on a line of its own in the text and on a button in the HTML', () => {
    const mail = accountLink(link('member', 'invite'), acme);
    expect(mail.text.split('\n')).toContain(LINK);
    expect(mail.text).toMatch(/^Hello Dana,\n\n/);
    expect(mail.html).toMatch(
      /<a href="https:\/\/plan\.example\/account\/set-password\?token=abc&amp;x=1" style="[^"]*display:inline-block[^"]*">Set your password<\/a>/,
    );
  });

  it('tells someone who did not ask for a reset to ignore it: the password stays', () => {
    const mail = accountLink(link('vendor', 'reset'), acme);
    expect(flat(mail.text)).toContain('If you did not ask for this, ignore this email: your password stays as it is.');
    expect(mail.text).toContain('Choose a new password:\n');
  });

  it('greets without a name when there is none, and escapes the name in the HTML', () => {
    expect(accountLink({ ...link('vendor', 'enroll'), name: ' ' }, acme).text).toMatch(/^Hello,\n/);
    const html = accountLink({ ...link('vendor', 'enroll'), name: '<b>Eve</b>' }, acme).html;
    expect(html).toContain('Hello &lt;b&gt;Eve&lt;/b&gt;,');
  });

  it('refuses a link that is not http(s), or an unknown audience or purpose, without repeating the link', () => {
    const bad = { ...link('vendor', 'enroll'), link: 'javascript:alert(1)//token-123' };
    expect(() => accountLink(bad, acme)).toThrow(MailError);
    expect(() => accountLink(bad, acme)).toThrow(/^(?!.*token-123)/);
    expect(() => accountLink({ ...link('vendor', 'enroll'), audience: 'admin' as 'vendor' }, acme)).toThrow(
      "The account mail's audience must be vendor, reviewer, member.",
    );
    expect(() => accountLink({ ...link('vendor', 'enroll'), purpose: 'delete' as 'reset' }, acme)).toThrow(
      "The account mail's purpose must be enroll, reset, invite, verify.",
    );
  });
});

describe('accountExists', () => {
  const data = {
    audience: 'vendor',
    name: 'Dana',
    signInLink: 'https://plan.example/developer/sign-in',
    resetLink: 'https://plan.example/developer/forgot-password',
  } as const;

  it('tells the person they already have an account, with a sign-in and a reset link', () => {
    const mail = accountExists(data, acme);
    expect(mail.subject).toBe('You already have an account with Acme Health: sign in, or reset your password');
    expect(flat(mail.text)).toContain(
      'used this email address to enroll in the Acme Health Developer Sandbox. It already has an account',
    );
    expect(mail.text).toContain('Sign in:\nhttps://plan.example/developer/sign-in\n');
    expect(mail.text).toContain('Forgot your password? Reset it:\nhttps://plan.example/developer/forgot-password\n');
    expect(mail.html).toContain('href="https://plan.example/developer/sign-in"');
    expect(mail.html).toContain('href="https://plan.example/developer/forgot-password"');
  });

  it('speaks to members and reviewers in their own words', () => {
    expect(flat(accountExists({ ...data, audience: 'member' }, acme).text)).toContain(
      'used this email address to register for a member account with Acme Health.',
    );
    expect(flat(accountExists({ ...data, audience: 'reviewer' }, acme).text)).toContain(
      'used this email address to set up a reviewer account with Acme Health.',
    );
  });
});

describe('accountLink for a member who registered (verify)', () => {
  it('asks to confirm the address and choose a password, on a "Confirm your email" button', () => {
    const mail = accountLink(link('member', 'verify'), acme);
    expect(mail.subject).toBe('Confirm your email for Acme Health');
    expect(flat(mail.text)).toContain(
      'Confirm that this address is yours and choose your password to finish registering your Acme Health member account.',
    );
    expect(mail.text).toContain(`Confirm your email:\n${LINK}\n`);
    expect(flat(mail.text)).toContain('If you did not register, ignore this email: nothing changes.');
    expect(mail.html).toContain('<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">Confirm your email</h1>');
    expect(mail.html).toMatch(/>Confirm your email<\/a>/);
  });
});

describe('memberNotFound', () => {
  const data = { registerLink: 'https://plan.example/register' };

  it('says no member has that member ID and date of birth, and links to the registration page', () => {
    const mail = memberNotFound(data, acme);
    expect(mail.subject).toBe('We could not find your Acme Health membership');
    expect(flat(mail.text)).toContain(
      'We could not find a member with that member ID and date of birth, so no account was made.',
    );
    expect(flat(mail.text)).toContain('Check the member ID on your insurance card and your date of birth');
    expect(mail.text).toContain('Register again:\nhttps://plan.example/register\n');
    expect(mail.text).toMatch(/^Hello,\n/);
    expect(mail.html).toContain('href="https://plan.example/register"');
    expect(flat(mail.text)).toContain('If it was not you, ignore this email: nothing changes.');
  });

  it('is a registered template, and refuses a link that is not http(s)', () => {
    expect(renderTemplate('memberNotFound', data).subject).toBe('We could not find your Plan API membership');
    expect(() => memberNotFound({ registerLink: 'javascript:alert(1)' }, acme)).toThrow(
      "The account mail's registerLink must be an http(s) URL.",
    );
  });
});

describe("the plan's name", () => {
  it('is in the header and the footer of every message, escaped, and signs the text', () => {
    const mail = renderTemplate(
      'productionSuspension',
      { appName: 'Wallet', clientId: 'c', action: 'reinstated', at: '2026-07-02T09:30:00Z' },
      { planName: 'Acme & Co <Health>' },
    );
    expect(mail.html).toContain('Sent by Acme &amp; Co &lt;Health&gt;');
    expect(mail.html.match(/Acme &amp; Co &lt;Health&gt;/g)).toHaveLength(3);
    expect(mail.text.endsWith('\n— Acme & Co <Health>\n')).toBe(true);
  });

  it('is Plan API unless told otherwise', () => {
    const mail = renderTemplate('accountLink', link('member', 'verify'));
    expect(mail.subject).toBe('Confirm your email for Plan API');
    expect(mail.html).toContain('Sent by Plan API');
  });
});
