/**
 * Paging of the JSON API's lists (`GET /apps`, `/patients`, `/launches`, `/access-log`, `/outbox`): `limit`
 * (1..500, default 100) and an opaque `cursor`; the answer is the page's array, and a
 * `Link: <...>; rel="next"` header when there is more. Paging is done here, over the portal's list functions
 * (which return everything in their order, or the first n): the cursor is the offset of the page in that order.
 */
import type { Request, Response } from 'express';
import { ApiError } from './errors.ts';
import type { Parameter } from './openapi.ts';
import { queryLimit, queryString } from './query.ts';
import { sendJson } from './route.ts';

export const PAGE_DEFAULT = 100;
export const PAGE_MAX = 500;

/** The page a request asks for: where it starts and how many. */
export interface PageRequest {
  offset: number;
  limit: number;
  /** How many items of the whole list the page needs to know whether there is a next (offset + limit + 1). */
  through: number;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null || cursor.length > 20) {
    const message = 'cursor is not one this API gave; follow the Link header of the previous page.';
    throw new ApiError(400, 'invalid_query', message, { fields: { cursor: message } });
  }
  return Number(match[1]);
}

/** The page of a list request (`limit`, `cursor`); 400 invalid_query for a bad one. */
export function pageRequest(req: Request): PageRequest {
  const limit = queryLimit(req, 'limit', PAGE_MAX) ?? PAGE_DEFAULT;
  const cursor = queryString(req, 'cursor');
  const offset = cursor === undefined ? 0 : decodeCursor(cursor);
  return { offset, limit, through: offset + limit + 1 };
}

/**
 * Sends the page of `all` (the whole list, or at least its first `page.through` items, in the list's order) and,
 * when more follow, `Link: <path?...&cursor=...>; rel="next"` (the same query with the next cursor).
 */
export function sendPage<T>(req: Request, res: Response, all: readonly T[], page: PageRequest): void {
  const end = page.offset + page.limit;
  if (all.length > end) {
    const params = new URLSearchParams(new URL(req.originalUrl, 'http://x').search);
    params.delete('cursor');
    params.set('limit', String(page.limit));
    params.set('cursor', encodeCursor(end));
    res.set('Link', `<${req.baseUrl}${req.path}?${params.toString()}>; rel="next"`);
  }
  sendJson(res, 200, all.slice(page.offset, end));
}

/** The `limit` and `cursor` parameters of a paged list, for its OpenAPI operation. */
export const pageParameters: Parameter[] = [
  {
    name: 'limit',
    in: 'query',
    required: false,
    description: `At most this many (default ${PAGE_DEFAULT}, up to ${PAGE_MAX}).`,
    schema: { type: 'integer', minimum: 1, maximum: PAGE_MAX },
  },
  {
    name: 'cursor',
    in: 'query',
    required: false,
    description: 'Where the page starts: opaque, from the `Link: <...>; rel="next"` header of the previous page.',
    schema: { type: 'string' },
  },
];

/** The `Link` header of a paged list's 200, for its OpenAPI operation. */
export const pageHeaders = {
  Link: {
    description: 'When more items follow: `<the next page>; rel="next"` (a path with this query and the next cursor).',
    schema: { type: 'string' },
  },
};
