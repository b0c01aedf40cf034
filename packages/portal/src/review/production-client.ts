import type { SmartClient } from '@plan-api/smart';
import type { PublishedAppRecord } from '../production/model.ts';
import { toSmartClient } from '../apps/client-for.ts';
import type { ReviewContext } from './context.ts';

/** The production authorization server's view of a published app: the approved snapshot, the same credentials. */
export function toProductionClient(record: PublishedAppRecord): SmartClient {
  return toSmartClient({
    ...record.app,
    id: record.appId,
    clientId: record.id,
    ...(record.clientSecret !== undefined ? { clientSecret: record.clientSecret } : {}),
  });
}

/**
 * The production realm's ClientSource: the published, not suspended snapshot under a client ID; undefined for an
 * app never approved, a suspended one, and a confidential one without a secret or public keys (it could not
 * authenticate, and must never pass for a public client). A pending update changes nothing here until it is approved.
 */
export async function productionClientFor(ctx: ReviewContext, clientId: string): Promise<SmartClient | undefined> {
  if (clientId === '') return undefined;
  const record = await ctx.published.get(clientId);
  if (record === undefined || record.status !== 'published') return undefined;
  if (record.app.oauthType === 'secret' && record.clientSecret === undefined) return undefined;
  if (record.app.oauthType === 'private_key_jwt' && record.app.jwksUri === undefined && record.app.jwks === undefined) {
    return undefined;
  }
  return toProductionClient(record);
}
