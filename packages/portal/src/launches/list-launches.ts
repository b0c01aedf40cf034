import type { PortalContext } from '../context.ts';
import { summarize, type LaunchSummary } from './summaries.ts';

export interface ListLaunchesOptions {
  /** Only this app's launches. */
  appId?: string;
  /** At most this many (default 100). */
  limit?: number;
}

/** The owner's launches, newest first, with app name, patient name, status and step count (GET /api/launches). */
export async function listLaunches(
  ctx: PortalContext,
  owner: string,
  options: ListLaunchesOptions = {},
): Promise<LaunchSummary[]> {
  const apps = await ctx.apps.list({ where: { ownerId: owner } });
  const owned = new Set(apps.map((a) => a.id));
  if (options.appId !== undefined && !owned.has(options.appId)) return [];
  const launches = await ctx.launches.list({
    ...(options.appId !== undefined ? { where: { appId: options.appId } } : {}),
    orderBy: 'createdAt',
    descending: true,
  });
  const limit = options.limit ?? 100;
  return summarize(ctx, launches.filter((l) => owned.has(l.appId)).slice(0, limit));
}
