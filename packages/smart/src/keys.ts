/**
 * The authorization server's signing key: an RS256 key generated once and kept in the KeyValueStore, so
 * id_tokens issued before a restart still verify against the JWKS afterwards.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'jose';
import { getOrCreateOnce } from '@plan-api/store';
import type { KeyValueStore } from '@plan-api/store';

/** Namespace and key of the stored private JWK. */
export const KEYS_NAMESPACE = 'keys';
const SIGNING_KEY = 'signing-rs256';

/** A new private RS256 signing JWK with `kid` (its thumbprint), `alg` and `use`. */
export async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
}

/**
 * The private signing JWK, generated on first use and stored: processes starting together on one database agree
 * on one key, so a token signed by one verifies against the JWKS any other serves.
 */
export async function loadSigningKey(kv: KeyValueStore): Promise<JWK> {
  const isValid = (value: unknown): value is JWK =>
    typeof value === 'object' && value !== null && (value as JWK).kty === 'RSA' && (value as JWK).d !== undefined;
  return getOrCreateOnce(kv, KEYS_NAMESPACE, SIGNING_KEY, generateSigningKey, { isValid });
}

/** A rotating set of signing keys kept in the KeyValueStore: the newest signs, the one before is still published. */
export interface KeyRing {
  /** The keys, newest first (a SigningKeySource). */
  keys(): Promise<JWK[]>;
  /** Makes a new key the signing one and keeps the previous one only (two rotations retire a key); its `kid`. */
  rotate(): Promise<string>;
}

/** How many keys a ring publishes: the signing one and the one before it. */
const RING_SIZE = 2;

/**
 * A key ring stored under `name`; until its first rotation it holds the one key loadSigningKey keeps, so id_tokens
 * signed before the ring existed still verify.
 */
export function createKeyRing(kv: KeyValueStore, name: string): KeyRing {
  const key = `ring:${name}`;
  const keys = async (): Promise<JWK[]> => {
    const stored = await kv.get<JWK[]>(KEYS_NAMESPACE, key);
    return Array.isArray(stored) && stored.length > 0 ? stored : [await loadSigningKey(kv)];
  };
  return {
    keys,
    async rotate() {
      const next = await generateSigningKey();
      await kv.set(KEYS_NAMESPACE, key, [next, ...(await keys())].slice(0, RING_SIZE));
      return next.kid ?? '';
    },
  };
}
