import type { PortalContext } from '../context.ts';
import { randomToken } from '../shared/ids.ts';
import type { AppRecord } from '../types.ts';
import { newClientId, newClientSecret } from './credentials.ts';
import { parseAppInput } from './validate.ts';

/**
 * Registers an app (POST /api/apps): validates the fields, then issues a random client id and, for a
 * "secret" app, a 256-bit client secret. Throws PortalError validation_failed with one message per invalid field.
 */
export async function createApp(ctx: PortalContext, owner: string, input: unknown): Promise<AppRecord> {
  const fields = parseAppInput(input);
  const now = ctx.clock.now().toISOString();
  const app: AppRecord = {
    id: randomToken(ctx.random, 12),
    ownerId: owner,
    ...fields,
    clientId: newClientId(ctx.random),
    ...(fields.oauthType === 'secret' ? { clientSecret: newClientSecret(ctx.random) } : {}),
    createdAt: now,
    updatedAt: now,
    productionRequest: { state: 'draft' },
  };
  await ctx.apps.insert(app);
  return app;
}
