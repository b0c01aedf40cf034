import { describe, expect, it } from 'vitest';
import { MailError } from '../errors.ts';
import { renderTemplate } from './index.ts';
import { productionDecision, productionSuspension, type ProductionDecisionData } from './production-decision.ts';

const flat = (text: string) => text.replace(/\s+/g, ' ');

const decision: ProductionDecisionData = {
  appName: 'Health Wallet',
  clientId: 'c-123',
  decision: 'approved',
  version: 2,
  decidedAt: '2026-07-02T09:30:00.000Z',
  appLink: 'https://plan.example/developer/apps/a1',
};

describe('productionDecision', () => {
  it('an approval names the app in the subject, the version and the link to the app', () => {
    const mail = productionDecision(decision);
    expect(mail.subject).toBe('"Health Wallet" was approved for production');
    expect(flat(mail.text)).toContain('(version 2) was approved: members can now connect it');
    expect(mail.text).toContain('  Version:   2\n');
    expect(mail.text).toContain('  Approved:  2026-07-02 09:30 UTC\n');
    expect(mail.text).toContain('https://plan.example/developer/apps/a1');
    expect(mail.text).not.toContain('Reason');
    expect(mail.html).toContain('href="https://plan.example/developer/apps/a1"');
    expect(mail.html).toContain('<code>c-123</code>');
  });

  it("a rejection carries the reviewer's reason, with its line breaks, escaped in the HTML", () => {
    const mail = productionDecision({
      ...decision,
      decision: 'rejected',
      reason: 'The privacy policy URL <answers> 404.\nFix it & send again.',
    });
    expect(mail.subject).toBe('"Health Wallet" was not approved for production');
    expect(mail.text).toContain(
      '  Reason:    The privacy policy URL <answers> 404.\n             Fix it & send again.\n',
    );
    expect(mail.html).toContain('The privacy policy URL &lt;answers&gt; 404.<br>Fix it &amp; send again.');
    expect(mail.html).not.toContain('<answers>');
    expect(flat(mail.text)).toContain('send the request again');
  });

  it('escapes the app name in the HTML', () => {
    const mail = productionDecision({ ...decision, appName: '<img src=x onerror=alert(1)>' });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses a rejection without a reason, a link that is not http(s) and an unknown decision', () => {
    expect(() => productionDecision({ ...decision, decision: 'rejected' })).toThrow(MailError);
    expect(() => productionDecision({ ...decision, decision: 'rejected', reason: '  ' })).toThrow('reason is required');
    expect(() => productionDecision({ ...decision, appLink: 'javascript:alert(1)' })).toThrow('http(s) URL');
    expect(() => productionDecision({ ...decision, decision: 'maybe' as 'approved' })).toThrow(MailError);
  });

  it('renders by name', () => {
    expect(renderTemplate('productionDecision', decision)).toEqual(productionDecision(decision));
  });
});

describe('productionSuspension', () => {
  const suspension = {
    appName: 'Health Wallet',
    clientId: 'c-123',
    action: 'suspended' as const,
    reason: 'Tokens <leaked> in a public repository.',
    at: '2026-07-03T08:00:00.000Z',
  };

  it('a suspension says its tokens stopped working and gives the reason, escaped in the HTML', () => {
    const mail = productionSuspension(suspension);
    expect(mail.subject).toBe('"Health Wallet" was suspended in production');
    expect(flat(mail.text)).toContain('tokens stopped working');
    expect(mail.text).toContain('  Suspended: 2026-07-03 08:00 UTC\n');
    expect(mail.text).toContain('  Reason:    Tokens <leaked> in a public repository.\n');
    expect(mail.html).toContain('Tokens &lt;leaked&gt; in a public repository.');
  });

  it('a reinstatement says members can connect it again, with no reason row when none was given', () => {
    const mail = productionSuspension({ ...suspension, action: 'reinstated', reason: undefined });
    expect(mail.subject).toBe('"Health Wallet" was reinstated in production');
    expect(flat(mail.text)).toContain('members can connect it again');
    expect(mail.text).not.toContain('Reason');
    expect(mail.text).toContain('  Reinstated: 2026-07-03 08:00 UTC\n');
  });

  it('refuses an unknown action', () => {
    expect(() => productionSuspension({ ...suspension, action: 'paused' as 'suspended' })).toThrow(MailError);
  });
});
