import type { PortalContext } from '../context.ts';
import type { AppRecord } from '../types.ts';
import { newClientSecret } from './credentials.ts';
import { getApp } from './get-app.ts';
import { parseAppInput } from './validate.ts';

/**
 * Replaces an app's fields (PUT /api/apps/{id}): optional fields left out are cleared. The client id never
 * changes; switching to "pkce" removes the secret, switching to "secret" issues one, and a "secret" app keeps
 * its secret. Throws PortalError not_found (unknown id) or validation_failed (invalid fields).
 */
export async function updateApp(ctx: PortalContext, owner: string, id: string, input: unknown): Promise<AppRecord> {
  return ctx.lock.run(`app:${id}`, async () => {
    const existing = await getApp(ctx, owner, id);
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
    return app;
  });
}
