import type { Request, RequestHandler } from 'express';
import { badRequest, historyBundleJson, notFound } from '@plan-api/fhir';
import type { FhirContext } from './options.ts';
import { routeParam } from './read.ts';
import { checkId, queryPairs } from './request.ts';
import { sendFhirJson } from './respond.ts';

interface HistoryPage {
  count: number;
  offset: number;
}

function nonNegativeInt(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value))
    throw badRequest(`Invalid ${name} '${value.slice(0, 40)}': expected a whole number`, [name]);
  return Number(value);
}

/** `_count` and `_offset` of a history request; other parameters are ignored. */
function historyPage(ctx: FhirContext, req: Request): HistoryPage {
  let count = ctx.defaultCount;
  let offset = 0;
  for (const [name, value] of queryPairs(req)) {
    if (name === '_count') count = Math.min(nonNegativeInt(name, value), ctx.maxCount);
    else if (name === '_offset') offset = nonNegativeInt(name, value);
  }
  return { count, offset };
}

function pageParams(page: HistoryPage, offset: number): [string, string][] {
  const params: [string, string][] = [['_count', String(page.count)]];
  if (offset > 0) params.push(['_offset', String(offset)]);
  return params;
}

/** `GET [type]/[id]/_history` (404 for an id never seen) and `GET [type]/_history`. */
export function historyHandler(ctx: FhirContext, scope: 'instance' | 'type'): RequestHandler {
  return async (req, res) => {
    const type = routeParam(req, 'type');
    const id = scope === 'instance' ? checkId(routeParam(req, 'id')) : undefined;
    const page = historyPage(ctx, req);
    // One more than the page tells whether a next page exists.
    const versions = await ctx.store.history(type, id, { count: page.count + 1, offset: page.offset });
    if (id !== undefined && versions.length === 0 && page.offset === 0)
      throw notFound(`Unknown resource ${type}/${id}`);
    const base = ctx.baseUrl(req);
    const hasMore = page.count > 0 && versions.length > page.count;
    const body = historyBundleJson({
      url: id === undefined ? `${base}/${type}/_history` : `${base}/${type}/${id}/_history`,
      selfParams: pageParams(page, page.offset),
      entries: versions.slice(0, page.count).map((v) => ({ ...v, fullUrl: `${base}/${v.resourceType}/${v.id}` })),
      ...(hasMore ? { nextParams: pageParams(page, page.offset + page.count) } : {}),
      ...(page.offset > 0 ? { previousParams: pageParams(page, Math.max(0, page.offset - page.count)) } : {}),
    });
    sendFhirJson(res, 200, body);
  };
}
