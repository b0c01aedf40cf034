import type { PortalContext } from '../context.ts';
import { actorOf, appendVersion, lastVersion, latestRequest, vendorOf } from '../production/records.ts';
import { sameSnapshot, snapshotOf } from '../production/pre-checks.ts';
import { forwardSave } from '../production/remote.ts';
import { normalizeApp, withStatus } from '../production/status.ts';
import type { AppRecord } from '../types.ts';
import { newClientSecret } from './credentials.ts';
import { findApp } from './get-app.ts';
import { parseAppInput } from './validate.ts';

/**
 * Replaces an app's fields (PUT /api/apps/{id}): optional fields left out are cleared. The client id never
 * changes; switching to "pkce" removes the secret, switching to "secret" issues one, and a "secret" app keeps
 * its secret. While a production request is pending, a save that changes what reviewers see appends a version
 * to it (the returned productionRequest.version says which); after approval, the changes stay in the sandbox
 * (changesNotPublished) until a new request is approved. Throws PortalError not_found (unknown id) or
 * validation_failed (invalid fields).
 */
export async function updateApp(ctx: PortalContext, owner: string, id: string, input: unknown): Promise<AppRecord> {
  return ctx.lock.run(`app:${id}`, async () => {
    const existing = normalizeApp(await findApp(ctx, owner, id));
    const fields = parseAppInput(input, existing);
    const secret =
      fields.oauthType === 'secret' ? { clientSecret: existing.clientSecret ?? newClientSecret(ctx.random) } : {};
    const app: AppRecord = {
      id: existing.id,
      ownerId: existing.ownerId,
      ...fields,
      clientId: existing.clientId,
      ...secret,
      createdAt: existing.createdAt,
      updatedAt: ctx.clock.now().toISOString(),
      productionRequest: existing.productionRequest,
    };
    await ctx.apps.put(app);
    if (app.productionRequest.remote !== undefined) return forwardSave(ctx, app);
    const pending = await latestRequest(ctx, id);
    if (pending?.status === 'pending' && !sameSnapshot(snapshotOf(app), lastVersion(pending).app)) {
      const by = actorOf(await vendorOf(ctx, owner), pending, owner);
      try {
        await ctx.requests.put(appendVersion(pending, app, app.updatedAt, by));
      } catch (error) {
        await ctx.apps.put(existing);
        throw error;
      }
    }
    return withStatus(ctx, app);
  });
}
