import type { PortalContext } from '../context.ts';
import type { AppRecord } from '../types.ts';

/** The owner's apps, newest first (GET /api/apps). */
export async function listApps(ctx: PortalContext, owner: string): Promise<AppRecord[]> {
  return ctx.apps.list({ where: { ownerId: owner }, orderBy: 'createdAt', descending: true });
}
