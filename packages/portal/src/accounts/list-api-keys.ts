import { activeAccount, toApiKeyView } from './api-keys.ts';
import type { AccountsContext } from './context.ts';
import type { ApiKeyView } from './model.ts';

/** The account's API keys, newest first (GET /api/vendor/api-keys); `not_found` for an account not active. */
export async function listApiKeys(ctx: AccountsContext, accountId: string): Promise<ApiKeyView[]> {
  const account = await activeAccount(ctx, accountId);
  const records = await ctx.apiKeys.list({ where: { accountId: account.id }, orderBy: 'createdAt', descending: true });
  return records.map(toApiKeyView);
}
