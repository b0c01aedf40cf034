import type { PortalContext } from '../context.ts';
import { notFound } from '../shared/errors.ts';
import type { AppRecord } from '../types.ts';

/** One app of the owner (GET /api/apps/{id}); PortalError not_found when the owner has none with that id. */
export async function getApp(ctx: PortalContext, owner: string, id: string): Promise<AppRecord> {
  const app = await ctx.apps.get(id);
  if (app === undefined || app.ownerId !== owner) {
    throw notFound('app', id, 'List your apps with GET /api/apps to find the right id.');
  }
  return app;
}
