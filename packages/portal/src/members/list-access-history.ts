import { z } from 'zod';
import { isObject, notAnObject } from '../shared/errors.ts';
import { parseOrThrow } from '../shared/validation.ts';
import type { MemberContext } from './context.ts';
import { toHistoryEntry, type AccessHistoryEntry, type Member, type MemberAccessRecord } from './model.ts';

/** Entries of one page unless asked otherwise, and the most one page has. */
export const HISTORY_PAGE = { default: 25, max: 100 } as const;

/** Query of GET /api/account/access-history (query-string values: numbers may come as text). */
export interface AccessHistoryQuery {
  clientId?: string;
  /** The `next` of the previous page. */
  cursor?: string;
  /** 1..100, default 25. */
  limit?: number | string;
}

/** Where the next page starts: the position after the last entry shown and that entry's id. */
interface Cursor {
  offset: number;
  after: string;
}

const CURSOR_PROBLEM = 'Cursor must be the "next" value of the previous page; start again without it.';
const LIMIT_PROBLEM = `Limit must be a whole number from 1 to ${HISTORY_PAGE.max}.`;

function decodeCursor(text: string): Cursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!isObject(value)) return undefined;
    const { o, a } = value;
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || typeof a !== 'string' || a === '') return undefined;
    return { offset: o, after: a };
  } catch {
    return undefined;
  }
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ o: cursor.offset, a: cursor.after }), 'utf8').toString('base64url');
}

const schema = z.object({
  clientId: z.string({ error: 'App must be a client ID.' }).trim().max(200, 'App must be a client ID.').optional(),
  cursor: z
    .string({ error: CURSOR_PROBLEM })
    .max(500, CURSOR_PROBLEM)
    .transform((text, issue) => {
      const cursor = decodeCursor(text);
      if (cursor === undefined) issue.addIssue({ code: 'custom', message: CURSOR_PROBLEM });
      return cursor ?? z.NEVER;
    })
    .optional(),
  limit: z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^\s*\d{1,4}\s*$/)
          .transform(Number),
      ],
      { error: LIMIT_PROBLEM },
    )
    .pipe(z.number().int(LIMIT_PROBLEM).min(1, LIMIT_PROBLEM).max(HISTORY_PAGE.max, LIMIT_PROBLEM))
    .optional(),
});

/**
 * The member's access history (GET /api/account/access-history): every request an app made with the
 * member's token, newest first, `limit` at a time (default 25, at most 100), of one app when `clientId` is
 * given; `next` continues the list. Entries recorded while paging do not repeat on later pages: they are
 * newer than the first page. Only the member's own entries (by their Patient). `validation_failed` per field.
 */
export async function listAccessHistory(
  ctx: MemberContext,
  member: Member,
  query: unknown,
): Promise<{ entries: AccessHistoryEntry[]; next?: string }> {
  const body = query === undefined || query === null ? {} : query;
  if (!isObject(body)) throw notAnObject('optional clientId, cursor and limit');
  const parsed = parseOrThrow(
    schema,
    body,
    'The access history was not read',
    (key) => `"${key}" is not a parameter here.`,
  );
  const limit = parsed.limit ?? HISTORY_PAGE.default;
  const clientId = parsed.clientId === '' ? undefined : parsed.clientId;
  const where = clientId === undefined ? { patientId: member.patientId } : { patientId: member.patientId, clientId };
  const after = parsed.cursor?.after;

  // Entries newer than the cursor's push older ones down the list: skip those (ids sort by time) and read on.
  const found: { record: MemberAccessRecord; position: number }[] = [];
  let offset = parsed.cursor?.offset ?? 0;
  for (;;) {
    const batch = await ctx.accessLog.list({ where, orderBy: 'id', descending: true, offset, limit: limit + 1 });
    for (const [index, record] of batch.entries()) {
      if (after !== undefined && record.id >= after) continue;
      found.push({ record, position: offset + index });
      if (found.length > limit) break;
    }
    offset += batch.length;
    if (found.length > limit || batch.length <= limit) break;
  }
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const entries = page.map(({ record }) => toHistoryEntry(record));
  if (found.length <= limit || last === undefined) return { entries };
  return { entries, next: encodeCursor({ offset: last.position + 1, after: last.record.id }) };
}
