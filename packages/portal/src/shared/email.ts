import { z } from 'zod';
import { hasUnsafeCharacters, stringError, unsafeTextMessage } from './text.ts';

/**
 * One mailbox, no display name, no list: an address we can write to and that cannot smuggle in a header
 * (no whitespace, so no CR/LF; no `<>`, `,` or `;`).
 */
export const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

/** The longest address SMTP carries (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

/**
 * The form an address is stored and looked up in: trimmed, NFKC (so a full-width "ａ" is "a"), lower-cased
 * (so "Dev@App.example" and "dev@app.example" are one account).
 */
export function normalizeEmail(value: string): string {
  return value.trim().normalize('NFKC').toLowerCase();
}

/** A required email field, normalized (see normalizeEmail) and checked to be one plain mailbox. */
export function emailField(label = 'Email') {
  return z
    .string({ error: stringError(label) })
    .overwrite(normalizeEmail)
    .min(1, `${label} is required.`)
    .max(MAX_EMAIL_LENGTH, `${label} must be at most ${MAX_EMAIL_LENGTH} characters.`)
    .refine((value) => !hasUnsafeCharacters(value), unsafeTextMessage(label))
    .regex(EMAIL_PATTERN, `${label} must be one email address such as dev@app.example, without a name or a list.`);
}
