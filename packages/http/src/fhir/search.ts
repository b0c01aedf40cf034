import type { RequestHandler } from 'express';
import { parseSearch, searchBundleJson } from '@plan-api/fhir';
import type { BundleEntryJson, SearchRequest } from '@plan-api/fhir';
import type { StoredResource } from '@plan-api/store';
import type { FhirContext } from './options.ts';
import { routeParam } from './read.ts';
import { preferences, searchPairs } from './request.ts';
import { sendFhirJson } from './respond.ts';
import { isWhole, subsetJson } from './subset.ts';
import type { Subset } from './subset.ts';

function pageParams(request: SearchRequest, offset: number): [string, string][] {
  const params = request.selfParams.filter(([name]) => name !== '_count' && name !== '_offset');
  params.push(['_count', String(request.count)]);
  if (offset > 0) params.push(['_offset', String(offset)]);
  return params;
}

function entry(base: string, resource: StoredResource, mode: 'match' | 'include', subset?: Subset): BundleEntryJson {
  const json = subset === undefined ? resource.json : subsetJson(resource.json, subset);
  return { fullUrl: `${base}/${resource.resourceType}/${resource.id}`, json, mode };
}

/**
 * Runs a parsed search against the store and serializes the searchset Bundle from the stored bytes.
 * `_summary=count` asks the store for the total only. Paging is by offset, so following `next` links
 * visits every match once as long as the data does not change.
 */
export async function searchBundle(ctx: FhirContext, request: SearchRequest, base: string): Promise<string> {
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
    return searchBundleJson({ url, selfParams: request.selfParams, entries: [], total: counted.total ?? 0 });
  }
  const result = await ctx.store.search(request);
  const subset: Subset = {};
  if (request.summary !== undefined) subset.summary = request.summary;
  if (request.elements !== undefined) subset.elements = request.elements;
  // _elements/_summary shape the matches only; included resources come whole.
  const matchSubset = isWhole(subset) ? undefined : subset;
  const entries = result.matches.map((r) => entry(base, r, 'match', matchSubset));
  for (const r of result.included) entries.push(entry(base, r, 'include'));
  return searchBundleJson({
    url,
    selfParams: pageParams(request, request.offset),
    entries,
    ...(result.total !== undefined ? { total: result.total } : {}),
    ...(result.hasMore && request.count > 0 ? { nextParams: pageParams(request, request.offset + request.count) } : {}),
    ...(request.offset > 0 ? { previousParams: pageParams(request, Math.max(0, request.offset - request.count)) } : {}),
  });
}

/**
 * `GET [type]` and `POST [type]/_search` (form body merged after the query parameters): the same
 * parsing, the same Bundle. `Prefer: handling=strict` turns unknown parameters into a 400.
 */
export function searchHandler(ctx: FhirContext): RequestHandler {
  return async (req, res) => {
    const request = parseSearch(routeParam(req, 'type'), searchPairs(req), ctx.registry, {
      defaultCount: ctx.defaultCount,
      maxCount: ctx.maxCount,
      strict: preferences(req).get('handling') === 'strict',
    });
    sendFhirJson(res, 200, await searchBundle(ctx, request, ctx.baseUrl(req)));
  };
}
