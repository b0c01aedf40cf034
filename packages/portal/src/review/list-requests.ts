import type { ProductionRequestRecord } from '../production/model.ts';
import type { ReviewContext } from './context.ts';
import { matchesText, parseListQuery } from './input.ts';
import { toRequestSummary, type RequestSummary } from './model.ts';
import { vendorLookup } from './vendors.ts';

/** The queue's status filter: one status, or every request. */
export const REQUEST_STATUS_FILTERS = ['pending', 'approved', 'rejected', 'withdrawn', 'all'] as const;

/** Query of GET /api/review/requests. */
export interface ListRequestsQuery {
  status?: (typeof REQUEST_STATUS_FILTERS)[number];
  /** Matches app name, organization, vendor email and client ID, case-insensitively. */
  q?: string;
}

/** When a request left the queue (a withdrawn one may have no decision). */
function decidedAt(request: RequestSummary): string {
  return request.decidedAt ?? request.updatedAt;
}

/** Pending first, oldest sent first (first come, first served); then decided ones, newest decision first. */
function queueOrder(a: RequestSummary, b: RequestSummary): number {
  const aPending = a.status === 'pending';
  const bPending = b.status === 'pending';
  if (aPending !== bPending) return aPending ? -1 : 1;
  if (aPending) return a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id);
  return decidedAt(b).localeCompare(decidedAt(a)) || a.id.localeCompare(b.id);
}

/**
 * The review queue (GET /api/review/requests): `status` (default all) and `q`, validated (`validation_failed`
 * per field). The queue is small (one request per app and round of review), so the text filter runs here;
 * the status filter is an indexed equality.
 */
export async function listRequests(ctx: ReviewContext, query: unknown): Promise<RequestSummary[]> {
  const { status, q } = parseListQuery(query, REQUEST_STATUS_FILTERS, 'all');
  const records: ProductionRequestRecord[] =
    status === 'all' ? await ctx.requests.list() : await ctx.requests.list({ where: { status } });
  const lookup = vendorLookup(ctx);
  const summaries = await Promise.all(
    records.map(async (record) => toRequestSummary(record, await lookup(record.ownerId, record.contactEmail))),
  );
  return summaries
    .filter((row) =>
      matchesText(q, [row.appName, row.organizationName, row.vendor.organizationName, row.vendor.email, row.clientId]),
    )
    .sort(queueOrder);
}
