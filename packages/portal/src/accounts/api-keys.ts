import { notFound } from '../shared/errors.ts';
import type { AccountsContext } from './context.ts';
import type { ApiKeyRecord, ApiKeyView } from './model.ts';

/** Every key starts with this, so a leaked one is recognizable (secret scanners, logs). */
export const API_KEY_PREFIX = 'pak_';
/** Random bytes of a key: 256 bits. */
export const API_KEY_BYTES = 32;
/** How many characters of a key its view shows: `pak_` and 6 of the 43 random ones. */
export const API_KEY_SHOWN = API_KEY_PREFIX.length + 6;

/** The view of a key record (never its hash). */
export function toApiKeyView(record: ApiKeyRecord): ApiKeyView {
  const view: ApiKeyView = { id: record.keyId, name: record.name, prefix: record.prefix, createdAt: record.createdAt };
  if (record.lastUsedAt !== null) view.lastUsedAt = record.lastUsedAt;
  return view;
}

/** The active account an API key may act for, or not_found (a session of a removed or pending account). */
export async function activeAccount(ctx: AccountsContext, accountId: string) {
  const account = await ctx.accounts.get(accountId);
  if (account === undefined || account.status !== 'active')
    throw notFound('active account', accountId, 'Sign in again.');
  return account;
}
