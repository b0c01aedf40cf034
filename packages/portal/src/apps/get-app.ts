import type { PortalContext } from '../context.ts';
import { notFound } from '../shared/errors.ts';
import type { AppRecord } from '../types.ts';

/** One app of the owner (GET /api/apps/{id}); PortalError 404 when there is none with that id. */
export async function getApp(ctx: PortalContext, id: string): Promise<AppRecord> {
  const app = await ctx.apps.get(id);
  if (app === undefined || app.ownerId !== ctx.ownerId) {
    throw notFound('app', id, 'List your apps with GET /api/apps to find the right id.');
  }
  return app;
}
