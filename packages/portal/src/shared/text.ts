import { z } from 'zod';

// C0/C1 controls (line breaks included: a name is one line, and one line cannot inject a mail header), the line
// and paragraph separators, the bidirectional marks, embeddings, overrides and isolates that make
// "evil.com/gro.elppa" read as something else, and lone surrogates (half a character, which renders as
// anything or nothing). In a `u` regex a surrogate range matches only unpaired surrogates.
const UNSAFE_TEXT = /[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;
// Multi-line text (a description, notes, a reason) may hold line breaks and tabs.
const MULTILINE_ALLOWED = /[\n\r\t]/g;

/** The form user text is kept in: Unicode NFC (one encoding for one rendering, e.g. "é" is one code point). */
export function normalizeText(value: string): string {
  return value.normalize('NFC');
}

/**
 * Whether a text holds a control character, a text-direction (bidirectional) character or a lone surrogate
 * (unsafe in mail and on screen), in itself or once NFKC-normalized. `multiline`: line breaks and tabs are fine.
 */
export function hasUnsafeCharacters(value: string, options: { multiline?: boolean } = {}): boolean {
  const checked = options.multiline === true ? value.replace(MULTILINE_ALLOWED, '') : value;
  return UNSAFE_TEXT.test(checked) || UNSAFE_TEXT.test(checked.normalize('NFKC'));
}

/** The message of a field holding unsafe characters (see hasUnsafeCharacters). */
export function unsafeTextMessage(label: string, multiline = false): string {
  return multiline
    ? `${label} must not contain control or text-direction characters (line breaks and tabs are fine).`
    : `${label} must not contain control or text-direction characters (such as line breaks or right-to-left overrides).`;
}

/** The "required string" error of a field: missing and wrong-typed inputs get different messages. */
export function stringError(label: string, requiredMessage = `${label} is required.`) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? requiredMessage : `${label} must be a string.`;
}

/**
 * Trims and NFC-normalizes a string schema, then checks it: not empty (when `emptyMessage` is given), at most
 * `max` characters, no unsafe characters (see hasUnsafeCharacters; `multiline`: line breaks and tabs are fine).
 */
export function safeText(
  schema: z.ZodString,
  label: string,
  options: { max: number; multiline?: boolean; emptyMessage?: string },
): z.ZodString {
  const { max, multiline = false, emptyMessage } = options;
  const normalized = schema.trim().overwrite(normalizeText);
  return (emptyMessage === undefined ? normalized : normalized.min(1, emptyMessage))
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((value) => !hasUnsafeCharacters(value, { multiline }), unsafeTextMessage(label, multiline));
}

/**
 * A required single-line text field (a person's, an app's or an organization's name): trimmed, NFC, at most
 * `max` characters, no control or text-direction characters. `emptyMessage` for "" (default: "<label> is
 * required.", as for a missing value).
 */
export function lineField(label: string, max: number, emptyMessage = `${label} is required.`): z.ZodString {
  return safeText(z.string({ error: stringError(label) }), label, { max, emptyMessage });
}

/** An optional single-line text field (see lineField); the caller drops blanks first if "" means "not set". */
export function optionalLineField(label: string, max: number) {
  return safeText(z.string({ error: stringError(label) }), label, { max }).optional();
}

/** An optional multi-line text field (a description, notes): as lineField, but line breaks and tabs are fine. */
export function optionalMultilineField(label: string, max: number) {
  return safeText(z.string({ error: stringError(label) }), label, { max, multiline: true }).optional();
}
