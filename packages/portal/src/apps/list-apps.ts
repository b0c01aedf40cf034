import type { PortalContext } from '../context.ts';
import type { AppRecord } from '../types.ts';

/** The owner's apps, newest first (GET /api/apps). */
export async function listApps(ctx: PortalContext): Promise<AppRecord[]> {
  return ctx.apps.list({ where: { ownerId: ctx.ownerId }, orderBy: 'createdAt', descending: true });
}
