import type { PortalContext } from '../context.ts';
import { getApp } from './get-app.ts';

/**
 * Deletes an app (DELETE /api/apps/{id}) with its launches and their launch-log steps; its client id stops
 * working at the authorization server at once, since clients are looked up per request. The access log keeps
 * its entries: it is the members' history. Throws PortalError not_found for an id the owner does not have.
 */
export async function deleteApp(ctx: PortalContext, owner: string, id: string): Promise<void> {
  await ctx.lock.run(`app:${id}`, async () => {
    await getApp(ctx, owner, id);
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
