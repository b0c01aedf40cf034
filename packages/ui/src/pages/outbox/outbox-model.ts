import type { AppRecord, ProductionRequestInput } from '../../api/index.ts';
import { isEmailAddress } from '../../forms/validators.ts';

/** The Request production form's values (both inputs are text). */
export interface ProductionRequestForm {
  contactEmail: string;
  notes: string;
}

/** The longest notes the server accepts. */
export const MAX_NOTES = 2000;

/** Whether the app can be sent for review now: never asked, or asked and rejected. */
export function canRequestProduction(app: Pick<AppRecord, 'productionRequest'>): boolean {
  const status = app.productionRequest?.status;
  return status === undefined || status === 'rejected';
}

/** A badge for the app's production status, or undefined when it was never requested. */
export function productionStatus(
  app: Pick<AppRecord, 'productionRequest'>,
): { label: string; color: string; description: string } | undefined {
  const request = app.productionRequest;
  if (request === null) return undefined;
  const contact = request.contactEmail === undefined ? '' : ` at ${request.contactEmail}`;
  switch (request.status) {
    case 'pending':
      return {
        label: 'Production request pending',
        color: 'yellow',
        description: `The plan's reviewers answer${contact}. The confirmation is in the Outbox.`,
      };
    case 'approved':
      return { label: 'Approved for production', color: 'teal', description: 'Members can connect the app.' };
    case 'rejected':
      return {
        label: 'Production request rejected',
        color: 'red',
        description: request.reason ?? 'Address the review and request production again.',
      };
  }
}

/** Problems the form can see before asking the server (the server checks again and has the last word). */
export function productionRequestErrors(
  values: ProductionRequestForm,
): Partial<Record<keyof ProductionRequestForm, string>> {
  const errors: Partial<Record<keyof ProductionRequestForm, string>> = {};
  const email = values.contactEmail.trim();
  if (email === '') errors.contactEmail = 'Contact email is required: the address where the reviewers answer.';
  else if (!isEmailAddress(email))
    errors.contactEmail = 'Contact email must be an email address such as dev@app.example.';
  if (values.notes.trim().length > MAX_NOTES) errors.notes = `Notes must be at most ${MAX_NOTES} characters.`;
  return errors;
}

/** The request body of the form: trimmed, and without notes when the box is empty. */
export function productionRequestInput(values: ProductionRequestForm): ProductionRequestInput {
  const notes = values.notes.trim();
  return { contactEmail: values.contactEmail.trim(), ...(notes !== '' ? { notes } : {}) };
}

/** The recipients of a message on one line. */
export function formatRecipients(to: readonly string[]): string {
  return to.join(', ');
}

/**
 * What a kept message's HTML may do in its frame: show inline styles and inline (data:) images, load nothing
 * else (no tracking pixels, no remote fonts), run nothing. The frame's `sandbox` attribute stops scripts too;
 * the policy also keeps the preview offline.
 */
export const MAIL_PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The message's HTML with MAIL_PREVIEW_CSP as the first thing in its head, ready for an iframe's `srcdoc`. */
export function mailPreviewDocument(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${MAIL_PREVIEW_CSP}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head !== null) {
    const end = head.index + head[0].length;
    return `${html.slice(0, end)}${meta}${html.slice(end)}`;
  }
  return `<!doctype html><html><head>${meta}</head><body>${html}</body></html>`;
}
