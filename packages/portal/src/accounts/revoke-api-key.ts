import { notFound } from '../shared/errors.ts';
import type { AccountsContext } from './context.ts';

/**
 * Revokes (deletes) one of the account's API keys (DELETE /api/vendor/api-keys/{id}): it authenticates nobody
 * from then on. `not_found` for a key id the account does not have (another account's included).
 */
export async function revokeApiKey(ctx: AccountsContext, accountId: string, keyId: string): Promise<void> {
  if ((await ctx.apiKeys.deleteWhere({ accountId, keyId })) === 0) {
    throw notFound('API key of yours', keyId, 'List your keys to see their ids.');
  }
}
