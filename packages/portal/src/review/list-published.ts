import type { PublishedAppRecord } from '../production/model.ts';
import type { ReviewContext } from './context.ts';
import { matchesText, parseListQuery } from './input.ts';
import { toPublishedApp, type PublishedApp } from './model.ts';
import { publishedVendor, vendorLookup } from './vendors.ts';

/** The published apps' status filter. */
export const PUBLISHED_STATUS_FILTERS = ['published', 'suspended', 'all'] as const;

/** Query of GET /api/review/apps. */
export interface ListPublishedQuery {
  status?: (typeof PUBLISHED_STATUS_FILTERS)[number];
  /** Matches app name, organization, vendor email and client ID, case-insensitively. */
  q?: string;
}

/**
 * Published apps (GET /api/review/apps), newest approval first: `status` (default all) and `q`, validated
 * (`validation_failed` per field).
 */
export async function listPublished(ctx: ReviewContext, query: unknown): Promise<PublishedApp[]> {
  const { status, q } = parseListQuery(query, PUBLISHED_STATUS_FILTERS, 'all');
  const records: PublishedAppRecord[] =
    status === 'all' ? await ctx.published.list() : await ctx.published.list({ where: { status } });
  const lookup = vendorLookup(ctx);
  const apps = await Promise.all(
    records.map(async (record) => toPublishedApp(record, await publishedVendor(ctx, lookup, record))),
  );
  return apps
    .filter((app) =>
      matchesText(q, [
        app.app.name,
        app.app.organizationName,
        app.vendor.organizationName,
        app.vendor.email,
        app.clientId,
      ]),
    )
    .sort((a, b) => b.approvedAt.localeCompare(a.approvedAt) || a.clientId.localeCompare(b.clientId));
}
