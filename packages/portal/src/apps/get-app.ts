import type { PortalContext } from '../context.ts';
import { withStatus } from '../production/status.ts';
import { notFound } from '../shared/errors.ts';
import type { AppRecord } from '../types.ts';

/**
 * An app of the owner as stored (its status not derived: see getApp); PortalError not_found when the owner
 * has none with that id. Use cases that write the app read it with this, under the app's lock.
 */
export async function findApp(ctx: PortalContext, owner: string, id: string): Promise<AppRecord> {
  const app = await ctx.apps.get(id);
  if (app === undefined || app.ownerId !== owner) {
    throw notFound('app', id, 'List your apps with GET /api/apps to find the right id.');
  }
  return app;
}

/**
 * One app of the owner (GET /api/apps/{id}) with its current App Status; PortalError not_found when the owner
 * has none with that id.
 */
export async function getApp(ctx: PortalContext, owner: string, id: string): Promise<AppRecord> {
  return withStatus(ctx, await findApp(ctx, owner, id));
}
