import { describe, expect, it } from 'vitest';
import { formatRecipients, MAIL_PREVIEW_CSP, mailPreviewDocument } from './outbox-model.ts';

describe('mailPreviewDocument', () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${MAIL_PREVIEW_CSP}">`;

  it('puts the preview policy first in the head of a whole document', () => {
    const doc = '<!doctype html><html><head lang="en"><title>x</title></head><body>Hi</body></html>';
    expect(mailPreviewDocument(doc)).toBe(
      `<!doctype html><html><head lang="en">${meta}<title>x</title></head><body>Hi</body></html>`,
    );
  });

  it('wraps a fragment in a document with the policy', () => {
    expect(mailPreviewDocument('<p>Hi</p>')).toBe(
      `<!doctype html><html><head>${meta}</head><body><p>Hi</p></body></html>`,
    );
  });

  it('does not mistake a <header> element for the head', () => {
    expect(mailPreviewDocument('<header>Top</header>')).toContain(`<head>${meta}</head><body><header>Top</header>`);
  });

  it('blocks every remote load and script in the policy', () => {
    expect(MAIL_PREVIEW_CSP).toContain("default-src 'none'");
    expect(MAIL_PREVIEW_CSP).not.toMatch(/https?:|script-src/);
  });
});

describe('formatRecipients', () => {
  it('lists the recipients on one line', () => {
    expect(formatRecipients(['a@b.example', 'Dev <c@d.example>'])).toBe('a@b.example, Dev <c@d.example>');
  });
});
