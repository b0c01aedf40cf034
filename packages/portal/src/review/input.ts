import { z } from 'zod';
import { isObject, notAnObject } from '../shared/errors.ts';
import { safeText } from '../shared/text.ts';
import { parseOrThrow } from '../shared/validation.ts';

/** The longest reason a reviewer may give (it goes into the vendor's mail). */
export const MAX_REASON = 2000;
/** The longest search text of the lists. */
export const MAX_QUERY_TEXT = 200;

function reasonField(requiredMessage: string | undefined) {
  // Line breaks and tabs are fine in a reason (a paragraph); other controls and text-direction characters are not.
  const base = safeText(z.string({ error: 'Reason must be a string.' }), 'Reason', {
    max: MAX_REASON,
    multiline: true,
  });
  return requiredMessage === undefined
    ? base.optional()
    : z
        .string({ error: (issue) => (issue.input === undefined ? requiredMessage : 'Reason must be a string.') })
        .pipe(base.min(1, requiredMessage));
}

/** Parses `{reason}` (required) or `{reason?}`: trimmed, at most MAX_REASON characters; "" counts as missing. */
export function parseReason(input: unknown, subject: string, requiredMessage?: string): { reason?: string } {
  const body = input === undefined || input === null ? {} : input;
  if (!isObject(body)) throw notAnObject(requiredMessage === undefined ? 'optional reason' : 'reason');
  const schema = z.strictObject({ reason: reasonField(requiredMessage) });
  const parsed = parseOrThrow(
    schema,
    body,
    subject,
    (key) => `"${key}" is not a field here; the only field is reason.`,
  );
  return parsed.reason === undefined || parsed.reason === '' ? {} : { reason: parsed.reason };
}

/** Parses a list's query `{status?, q?}` (a query string: unknown parameters are ignored). */
export function parseListQuery<S extends string>(
  query: unknown,
  statuses: readonly [S, ...S[]],
  fallback: S,
): { status: S; q?: string } {
  const body = query === undefined || query === null ? {} : query;
  if (!isObject(body)) throw notAnObject('optional status and q');
  const schema = z.object({
    status: z.enum(statuses, { error: `Status must be one of ${statuses.join(', ')}.` }).optional(),
    q: z
      .string({ error: 'Search text must be a string.' })
      .trim()
      .max(MAX_QUERY_TEXT, `Search text must be at most ${MAX_QUERY_TEXT} characters.`)
      .optional(),
  });
  const parsed = parseOrThrow(schema, body, 'The list was not read', (key) => `"${key}" is not a parameter here.`);
  return { status: parsed.status ?? fallback, ...(parsed.q !== undefined && parsed.q !== '' ? { q: parsed.q } : {}) };
}

/** Whether any of the texts contains the search text, case-insensitively. */
export function matchesText(q: string | undefined, texts: readonly (string | undefined)[]): boolean {
  if (q === undefined) return true;
  const needle = q.toLowerCase();
  return texts.some((value) => value !== undefined && value.toLowerCase().includes(needle));
}
