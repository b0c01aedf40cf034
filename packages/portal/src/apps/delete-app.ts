import type { PortalContext } from '../context.ts';
import { getApp } from './get-app.ts';

/**
 * Deletes an app (DELETE /api/apps/{id}) with its launches and their launch-log steps; its client id stops
 * working at the authorization server at once, since clients are looked up per request. The access log keeps
 * its entries: it is the members' history. Throws PortalError 404 for an unknown id.
 */
export async function deleteApp(ctx: PortalContext, id: string): Promise<void> {
  await ctx.lock.run(`app:${id}`, async () => {
    await getApp(ctx, id);
    const launches = await ctx.launches.list({ where: { appId: id } });
    for (const launch of launches) {
      await ctx.steps.deleteWhere({ launchId: launch.id });
      ctx.lastStepSeq.delete(launch.id);
      await ctx.grants.deleteWhere({ launchId: launch.id });
      await ctx.launches.delete(launch.id);
    }
    await ctx.apps.delete(id);
  });
}
