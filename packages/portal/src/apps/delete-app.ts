import type { PortalContext } from '../context.ts';
import { actorOf, lastVersion, latestRequest, vendorOf } from '../production/records.ts';
import { findApp } from './get-app.ts';

/**
 * Deletes an app (DELETE /api/apps/{id}) with its launches and their launch-log steps; its client id stops
 * working at the authorization server at once, since clients are looked up per request. The access log keeps
 * its entries: it is the members' history. A pending production request is withdrawn; a published version
 * stays (production keeps serving it) and so do the requests, for the reviewers' history. Throws PortalError
 * not_found for an id the owner does not have.
 */
export async function deleteApp(ctx: PortalContext, owner: string, id: string): Promise<void> {
  await ctx.lock.run(`app:${id}`, async () => {
    await findApp(ctx, owner, id);
    const pending = await latestRequest(ctx, id);
    if (pending?.status === 'pending') {
      const at = ctx.clock.now().toISOString();
      const by = actorOf(await vendorOf(ctx, owner), pending, owner);
      const version = lastVersion(pending).version;
      await ctx.requests.put({
        ...pending,
        status: 'withdrawn',
        history: [...pending.history, { type: 'withdrawn', at, version, by }],
        updatedAt: at,
      });
    }
    const launches = await ctx.launches.list({ where: { appId: id } });
    for (const launch of launches) {
      await ctx.steps.deleteWhere({ launchId: launch.id });
      ctx.lastStepSeq.delete(launch.id);
      await ctx.grants.deleteWhere({ launchId: launch.id });
      await ctx.launches.delete(launch.id);
    }
    await ctx.remoteRequests.delete(id);
    await ctx.apps.delete(id);
  });
}
