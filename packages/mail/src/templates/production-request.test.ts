import { describe, expect, it } from 'vitest';
import { isTemplateName, renderTemplate } from './index.ts';
import { productionRequestReceived } from './production-request.ts';

const received = {
  appName: 'Health Wallet',
  clientId: 'c-123',
  contactEmail: 'dev@wallet.example',
  requestedAt: '2026-07-01T12:00:00.000Z',
};

describe('productionRequestReceived', () => {
  it('names the app in the subject and lists the request in the text', () => {
    const mail = productionRequestReceived({ ...received, notes: 'Launch in August.\nCall us.' });
    expect(mail.subject).toBe('Production request received: Health Wallet');
    expect(mail.text).toContain('We received your request to publish "Health Wallet" in production.');
    expect(mail.text).toContain('  Client ID: c-123\n');
    expect(mail.text).toContain('  Requested: 2026-07-01 12:00 UTC\n');
    expect(mail.text).toContain('  Contact:   dev@wallet.example\n');
    expect(mail.text).toContain('  Notes:     Launch in August.\n             Call us.\n');
    expect(mail.text).toContain('What happens next:');
    for (const line of mail.text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('leaves the notes row out when there are no notes', () => {
    const mail = productionRequestReceived(received);
    expect(mail.text).not.toContain('Notes:');
    expect(mail.html).not.toMatch(/Notes/);
  });

  it('escapes what the vendor typed in the HTML, and keeps it verbatim in the text', () => {
    const mail = productionRequestReceived({
      ...received,
      appName: '<img src=x onerror=alert(1)> & Co',
      notes: '</td><script>steal()</script>',
    });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<script');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
    expect(mail.html).toContain('&lt;/td&gt;&lt;script&gt;steal()&lt;/script&gt;');
    expect(mail.text).toContain('"<img src=x onerror=alert(1)> & Co"');
  });

  it('says which version it is, and for an update that the published version stays live', () => {
    const mail = productionRequestReceived({ ...received, version: 3, kind: 'update' });
    expect(mail.subject).toBe('Production update request received: Health Wallet');
    expect(mail.text).toContain('publish changes to "Health Wallet"');
    expect(mail.text).toContain('  Version:   3\n');
    expect(mail.text.replace(/\s+/g, ' ')).toContain('stays live until the update is approved');
    expect(mail.html).toContain('Production update request received');
    const first = productionRequestReceived({ ...received, version: 1, kind: 'new' });
    expect(first.subject).toBe('Production request received: Health Wallet');
    expect(first.text).not.toContain('stays live');
  });

  it('makes a whole HTML document with the subject as its title', () => {
    const { html } = productionRequestReceived(received);
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(html).toContain('<title>Production request received: Health Wallet</title>');
    expect(html).toContain('<code>c-123</code>');
  });
});

describe('renderTemplate', () => {
  it('renders a template by name', () => {
    expect(renderTemplate('productionRequestReceived', received)).toEqual(productionRequestReceived(received));
  });

  it('refuses a name that is not a template, including inherited object keys', () => {
    expect(isTemplateName('toString')).toBe(false);
    expect(isTemplateName('productionDecision')).toBe(true);
    expect(() => renderTemplate('toString' as 'productionRequestReceived', received)).toThrow(
      'There is no mail template "toString".',
    );
  });
});
