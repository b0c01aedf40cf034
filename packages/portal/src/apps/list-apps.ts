import type { PortalContext } from '../context.ts';
import { withStatus } from '../production/status.ts';
import type { AppRecord } from '../types.ts';

export interface ListAppsOptions {
  /** At most this many, the newest (every app's App Status is derived, and may ask a plan server: only the page's). */
  limit?: number;
}

/** The owner's apps, newest first, each with its current App Status (GET /api/apps). */
export async function listApps(ctx: PortalContext, owner: string, options: ListAppsOptions = {}): Promise<AppRecord[]> {
  const apps = await ctx.apps.list({
    where: { ownerId: owner },
    orderBy: 'createdAt',
    descending: true,
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
  });
  return Promise.all(apps.map((app) => withStatus(ctx, app)));
}
