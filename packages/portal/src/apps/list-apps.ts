import type { PortalContext } from '../context.ts';
import { withStatus } from '../production/status.ts';
import type { AppRecord } from '../types.ts';

/** The owner's apps, newest first, each with its current App Status (GET /api/apps). */
export async function listApps(ctx: PortalContext, owner: string): Promise<AppRecord[]> {
  const apps = await ctx.apps.list({ where: { ownerId: owner }, orderBy: 'createdAt', descending: true });
  return Promise.all(apps.map((app) => withStatus(ctx, app)));
}
