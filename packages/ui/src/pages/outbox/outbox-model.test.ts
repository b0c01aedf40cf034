import { describe, expect, it } from 'vitest';
import {
  canRequestProduction,
  formatRecipients,
  MAIL_PREVIEW_CSP,
  mailPreviewDocument,
  productionRequestErrors,
  productionRequestInput,
  productionStatus,
} from './outbox-model.ts';

const requested = (status: 'pending' | 'approved' | 'rejected', extra: object = {}) => ({
  productionRequest: { status, requestedAt: '2026-07-01T12:00:00.000Z', ...extra },
});

describe('canRequestProduction and productionStatus', () => {
  it('offers the request for a new app or after a rejection, not while pending or once approved', () => {
    expect(canRequestProduction({ productionRequest: null })).toBe(true);
    expect(canRequestProduction(requested('rejected'))).toBe(true);
    expect(canRequestProduction(requested('pending'))).toBe(false);
    expect(canRequestProduction(requested('approved'))).toBe(false);
  });

  it('describes each status, naming the contact address and the rejection reason', () => {
    expect(productionStatus({ productionRequest: null })).toBeUndefined();
    expect(productionStatus(requested('pending', { contactEmail: 'dev@a.example' }))).toEqual({
      label: 'Production request pending',
      color: 'yellow',
      description: "The plan's reviewers answer at dev@a.example. The confirmation is in the Outbox.",
    });
    expect(productionStatus(requested('rejected', { reason: 'No privacy policy.' }))?.description).toBe(
      'No privacy policy.',
    );
    expect(productionStatus(requested('approved'))?.label).toBe('Approved for production');
  });
});

describe('the Request production form', () => {
  it('needs a contact email that is one plain address', () => {
    expect(productionRequestErrors({ contactEmail: '  ', notes: '' })).toEqual({
      contactEmail: 'Contact email is required: the address where the reviewers answer.',
    });
    for (const contactEmail of ['dev', 'dev@wallet', 'Dev <dev@a.example>', 'a@b.example, c@d.example']) {
      expect(productionRequestErrors({ contactEmail, notes: '' }), contactEmail).toHaveProperty('contactEmail');
    }
    expect(productionRequestErrors({ contactEmail: ' dev@wallet.example ', notes: '' })).toEqual({});
  });

  it('limits the notes to 2000 characters', () => {
    expect(productionRequestErrors({ contactEmail: 'a@b.example', notes: 'x'.repeat(2001) })).toEqual({
      notes: 'Notes must be at most 2000 characters.',
    });
  });

  it('sends trimmed values and leaves empty notes out', () => {
    expect(productionRequestInput({ contactEmail: ' a@b.example ', notes: '  ' })).toEqual({
      contactEmail: 'a@b.example',
    });
    expect(productionRequestInput({ contactEmail: 'a@b.example', notes: ' Soon. ' })).toEqual({
      contactEmail: 'a@b.example',
      notes: 'Soon.',
    });
  });
});

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
