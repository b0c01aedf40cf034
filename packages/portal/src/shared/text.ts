import { z } from 'zod';

// C0/C1 controls (line breaks included: a name is one line, and one line cannot inject a mail header) and the
// bidirectional embeddings, overrides and isolates that make "evil.com/gro.elppa" read as something else.
const UNSAFE_TEXT = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Whether a text holds a control character or a bidirectional override (unsafe in mail and on screen). */
export function hasUnsafeCharacters(value: string): boolean {
  return UNSAFE_TEXT.test(value);
}

/** The "required string" error of a field: missing and wrong-typed inputs get different messages. */
export function stringError(label: string, requiredMessage = `${label} is required.`) {
  return (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? requiredMessage : `${label} must be a string.`;
}

/**
 * A required single-line text field (a person's or an organization's name): trimmed, at most `max`
 * characters, no control characters or bidirectional overrides.
 */
export function lineField(label: string, max: number) {
  return z
    .string({ error: stringError(label) })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine(
      (value) => !hasUnsafeCharacters(value),
      `${label} must not contain control characters (such as line breaks) or bidirectional text overrides.`,
    );
}
