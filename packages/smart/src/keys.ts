/**
 * The authorization server's signing key: an RS256 key generated once and kept in the KeyValueStore, so
 * id_tokens issued before a restart still verify against the JWKS afterwards.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'jose';
import type { KeyValueStore } from '@plan-api/store';

/** Namespace and key of the stored private JWK. */
export const KEYS_NAMESPACE = 'keys';
const SIGNING_KEY = 'signing-rs256';

/**
 * The private signing JWK (RS256, with `kid`, `alg` and `use`), generated with jose on first use and stored.
 * A data dir shared by two processes starting at once may race; the first write wins on the next start.
 */
export async function loadSigningKey(kv: KeyValueStore): Promise<JWK> {
  const stored = await kv.get<JWK>(KEYS_NAMESPACE, SIGNING_KEY);
  if (stored?.kty === 'RSA' && stored.d !== undefined) return stored;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  const key: JWK = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
  await kv.set(KEYS_NAMESPACE, SIGNING_KEY, key);
  return key;
}
