import type { ProductionRequestRecord } from '../production/model.ts';
import { notFound } from '../shared/errors.ts';
import type { ReviewContext } from './context.ts';
import { latestVersion, toPublishedApp, toRequestSummary, type RequestDetail } from './model.ts';
import { publishedVendor, vendorLookup } from './vendors.ts';

/** The request a reviewer named, or a 404. */
export async function findRequest(ctx: ReviewContext, requestId: string): Promise<ProductionRequestRecord> {
  const request = requestId === '' ? undefined : await ctx.requests.get(requestId);
  if (request === undefined) throw notFound('production request', requestId, 'The review queue lists the requests.');
  return request;
}

/** The request page of a record: every version, the latest's pre-checks and its changes from the published app. */
export async function requestDetail(ctx: ReviewContext, request: ProductionRequestRecord): Promise<RequestDetail> {
  const lookup = vendorLookup(ctx);
  const latest = latestVersion(request);
  const published = await ctx.published.get(request.clientId);
  const detail: RequestDetail = {
    ...toRequestSummary(request, await lookup(request.ownerId, request.contactEmail)),
    versions: structuredClone(request.versions).sort((a, b) => a.version - b.version),
    checks: ctx.preCheck(latest.app),
    changes: request.kind === 'new' || published === undefined ? [] : ctx.diff(published.app, latest.app),
    history: structuredClone(request.history),
  };
  if (published !== undefined)
    detail.published = toPublishedApp(published, await publishedVendor(ctx, lookup, published));
  return detail;
}

/** GET /api/review/requests/{id}. Throws `not_found`. */
export async function getRequest(ctx: ReviewContext, requestId: string): Promise<RequestDetail> {
  return requestDetail(ctx, await findRequest(ctx, requestId));
}
