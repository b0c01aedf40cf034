import { API_KEY_PREFIX } from './api-keys.ts';
import type { AccountsContext } from './context.ts';
import { sha256Hex } from './links.ts';
import { toAccountView, type AccountView } from './model.ts';

const KEY = new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9_-]{43}$`);
/** lastUsedAt is written at most this often per key: an API client's every request would otherwise write. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The active account an `Authorization: Bearer <key>` API key belongs to, or undefined (malformed, unknown,
 * revoked, or its account is not active). Found by the key's SHA-256 in one read. Records when the key was
 * last used, at most once a minute, with compare-and-set so concurrent requests in several processes write once.
 */
export async function authenticateApiKey(ctx: AccountsContext, key: string): Promise<AccountView | undefined> {
  if (!KEY.test(key)) return undefined;
  const record = await ctx.apiKeys.get(sha256Hex(key));
  if (record === undefined) return undefined;
  const account = await ctx.accounts.get(record.accountId);
  if (account === undefined || account.status !== 'active') return undefined;
  const now = ctx.clock.now();
  const last = record.lastUsedAt === null ? -Infinity : Date.parse(record.lastUsedAt);
  if (now.getTime() - last >= LAST_USED_PRECISION_MS) {
    await ctx.apiKeys.putIf({ ...record, lastUsedAt: now.toISOString() }, { lastUsedAt: record.lastUsedAt });
  }
  return toAccountView(account);
}
