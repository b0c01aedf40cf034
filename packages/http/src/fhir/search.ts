import type { RequestHandler } from 'express';
import { parseSearch, searchBundleEnds, searchBundleJson, searchEntryJson } from '@plan-api/fhir';
import type { SearchRequest } from '@plan-api/fhir';
import type { SearchResult, StoredResource } from '@plan-api/store';
import type { FhirContext } from './options.ts';
import { routeParam } from './read.ts';
import { preferences, searchPairs } from './request.ts';
import { sendFhirJson } from './respond.ts';
import { isWhole, subsetJson } from './subset.ts';
import type { Subset } from './subset.ts';

/** A page's parameters: the selection, `_count`, and its position (a store's keyset cursor, or an offset). */
function pageParams(request: SearchRequest, position: number | string | undefined): [string, string][] {
  const params = request.selfParams.filter(([name]) => name !== '_count' && name !== '_offset' && name !== '_cursor');
  params.push(['_count', String(request.count)]);
  if (typeof position === 'string') params.push(['_cursor', position]);
  else if (position !== undefined && position > 0) params.push(['_offset', String(position)]);
  return params;
}

/** Stored bytes come from the entry cache; a subset (`_elements`, `_summary`) is encoded for this answer only. */
function entryBytes(
  ctx: FhirContext,
  base: string,
  resource: StoredResource,
  mode: 'match' | 'include',
  subset?: Subset,
): Buffer {
  if (subset === undefined) return ctx.entries.bytes(base, resource, mode);
  const fullUrl = `${base}/${resource.resourceType}/${resource.id}`;
  return Buffer.from(searchEntryJson({ fullUrl, json: subsetJson(resource.json, subset), mode }));
}

const COMMA = Buffer.from(',');

/** One copy of every byte: head, the entries comma-separated, tail. */
function joinBundle(head: Buffer, entries: readonly Buffer[], tail: Buffer): Buffer {
  const parts: Buffer[] = [head];
  let length = head.length + tail.length + Math.max(0, entries.length - 1);
  for (let i = 0; i < entries.length; i++) {
    const bytes = entries[i]!;
    if (i > 0) parts.push(COMMA);
    parts.push(bytes);
    length += bytes.length;
  }
  parts.push(tail);
  return Buffer.concat(parts, length);
}

/**
 * Runs a parsed search against the store and assembles the searchset Bundle's bytes from the stored
 * versions' encoded entries. `_summary=count` asks the store for the total only; a Patient search always has
 * its total (`_total=accurate` unless `_total=none`). The `next` link carries
 * the store's keyset cursor when it gives one (stable while data changes), else the next offset. `filter`
 * sees the store's result before it is encoded (access control of includes).
 */
export async function searchBundle(
  ctx: FhirContext,
  request: SearchRequest,
  base: string,
  filter?: (result: SearchResult) => SearchResult | Promise<SearchResult>,
): Promise<Buffer> {
  const url = `${base}/${request.resourceType}`;
  if (request.summary === 'count') {
    const counted = await ctx.store.search({
      ...request,
      count: 0,
      offset: 0,
      include: [],
      revinclude: [],
      total: 'accurate',
    });
    return Buffer.from(
      searchBundleJson({ url, selfParams: request.selfParams, entries: [], total: counted.total ?? 0 }),
    );
  }
  // Patient searches carry Bundle.total as vendors expect (a member's search matches one Patient, a directory's a
  // few): the default `estimate` becomes `accurate`; an explicit `_total=none` stays.
  const found = await ctx.store.search(
    request.resourceType === 'Patient' && request.total === 'estimate' ? { ...request, total: 'accurate' } : request,
  );
  const result = filter ? await filter(found) : found;
  const subset: Subset = {};
  if (request.summary !== undefined) subset.summary = request.summary;
  if (request.elements !== undefined) subset.elements = request.elements;
  // _elements/_summary shape the matches only; included resources come whole.
  const matchSubset = isWhole(subset) ? undefined : subset;
  const { head, tail } = searchBundleEnds({
    url,
    selfParams: pageParams(request, request.cursor ?? request.offset),
    ...(result.total !== undefined ? { total: result.total } : {}),
    ...(result.hasMore && request.count > 0
      ? { nextParams: pageParams(request, result.nextCursor ?? request.offset + request.count) }
      : {}),
    ...(request.offset > 0 && request.cursor === undefined
      ? { previousParams: pageParams(request, Math.max(0, request.offset - request.count)) }
      : {}),
  });
  const entries = result.matches.map((r) => entryBytes(ctx, base, r, 'match', matchSubset));
  for (const r of result.included) entries.push(entryBytes(ctx, base, r, 'include'));
  return joinBundle(Buffer.from(head), entries, Buffer.from(tail));
}

/**
 * `GET [type]` and `POST [type]/_search` (form body merged after the query parameters): the same
 * parsing, the same Bundle. `Prefer: handling=strict` turns unknown parameters into a 400.
 */
export function searchHandler(ctx: FhirContext): RequestHandler {
  const hooks = ctx.searchAccess;
  return async (req, res) => {
    const parsed = parseSearch(routeParam(req, 'type'), searchPairs(req), ctx.registry, {
      defaultCount: ctx.defaultCount,
      maxCount: ctx.maxCount,
      strict: preferences(req).get('handling') === 'strict',
    });
    const request = hooks?.restrict ? await hooks.restrict(req, parsed) : parsed;
    const filter = hooks?.filter;
    const body = await searchBundle(
      ctx,
      request,
      ctx.baseUrl(req),
      filter ? (result) => filter(req, request, result) : undefined,
    );
    sendFhirJson(res, 200, body);
  };
}
