import { z } from 'zod';
import { randomToken } from '../shared/ids.ts';
import { lineField } from '../shared/text.ts';
import { PortalError } from '../types.ts';
import { activeAccount, API_KEY_BYTES, API_KEY_PREFIX, API_KEY_SHOWN, toApiKeyView } from './api-keys.ts';
import type { AccountsContext } from './context.ts';
import { parseBody } from './input.ts';
import { sha256Hex } from './links.ts';
import type { ApiKeyRecord, ApiKeyView } from './model.ts';

const schema = z.strictObject({ name: lineField('Name', 100) });

/**
 * Creates an API key for an active account (POST /api/vendor/api-keys `{name}`): `pak_` and 32 random bytes
 * in base64url. The key is returned this once; only its SHA-256 is stored, with a prefix to recognize it.
 * `too_many_api_keys` past the limit per account, `validation_failed` for the name, `not_found` for an
 * account that is not active.
 */
export async function createApiKey(
  ctx: AccountsContext,
  accountId: string,
  input: unknown,
): Promise<{ key: string; apiKey: ApiKeyView }> {
  const { name } = parseBody(schema, input, 'No API key was created', ['name']);
  const account = await activeAccount(ctx, accountId);
  const max = ctx.limits.apiKeysPerAccount;
  // Counted, then inserted: concurrent creations may pass the limit by one or two; it bounds storage only.
  if ((await ctx.apiKeys.count({ accountId: account.id })) >= max) {
    throw new PortalError(
      'too_many_api_keys',
      `An account can hold at most ${max} API keys; revoke one you no longer use, then create the new one.`,
    );
  }
  const key = `${API_KEY_PREFIX}${randomToken(ctx.random, API_KEY_BYTES)}`;
  const record: ApiKeyRecord = {
    id: sha256Hex(key),
    keyId: randomToken(ctx.random, 12),
    accountId: account.id,
    name,
    prefix: key.slice(0, API_KEY_SHOWN),
    createdAt: ctx.clock.now().toISOString(),
    lastUsedAt: null,
  };
  await ctx.apiKeys.insert(record);
  return { key, apiKey: toApiKeyView(record) };
}
