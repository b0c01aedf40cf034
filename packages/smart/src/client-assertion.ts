/**
 * Asymmetric client authentication (SMART "client-confidential-asymmetric", RFC 7523 private_key_jwt): the
 * algorithms accepted for client_assertion JWTs, the claim SMART adds to what oidc-provider checks itself
 * (signature by a key of the client's JWKS, `sub` and `iss` = client_id, `aud` = the token URL or issuer, `exp`,
 * `jti` not seen before), and how a client's JWKS URL is fetched.
 */
import { createHash } from 'node:crypto';
import { errors } from 'oidc-provider';
import type { Configuration } from 'oidc-provider';
import type { KeyValueStore } from '@plan-api/store';

/** The signing algorithms SMART requires servers to support for client assertions. */
export const CLIENT_ASSERTION_ALGORITHMS = ['RS384', 'ES384'] as const;

/** SMART: a client assertion's `exp` is no more than five minutes in the future. */
export const MAX_CLIENT_ASSERTION_LIFETIME = 300;

type AssertClaims = NonNullable<Configuration['assertJwtClientAuthClaimsAndHeader']>;

/** Namespace of the single-use marks of client assertions in the KeyValueStore. */
const USED_ASSERTIONS = 'client-assertion-jti';

/**
 * What SMART adds to oidc-provider's checks of a verified client assertion: `exp` at most five minutes away, and
 * the `jti` of the client used once, atomically. oidc-provider's own replay detection reads, then writes, so two
 * concurrent requests with one assertion (two processes on one store) could both pass it; the store's atomic
 * counter lets exactly one through.
 */
export function clientAssertionChecks(kv: KeyValueStore): AssertClaims {
  return async (_ctx, claims, _header, client) => {
    const now = Math.floor(Date.now() / 1000);
    if (typeof claims.exp !== 'number' || claims.exp - now > MAX_CLIENT_ASSERTION_LIFETIME) {
      throw new errors.InvalidClientAuth(
        `exp of the client_assertion must be at most ${MAX_CLIENT_ASSERTION_LIFETIME} seconds in the future`,
      );
    }
    const key = createHash('sha256')
      .update(JSON.stringify([client.clientId, claims.jti]))
      .digest('base64url');
    // Kept a minute past exp: oidc-provider accepts an assertion up to its clock tolerance after it.
    const uses = await kv.increment(USED_ASSERTIONS, key, { expiresInSeconds: Math.max(claims.exp - now, 0) + 60 });
    if (uses > 1) throw new errors.InvalidClientAuth('client assertion tokens must only be used once');
  };
}

const LOOPBACK = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/i;

type Fetch = NonNullable<Configuration['fetch']>;

/**
 * The fetch oidc-provider uses for client JWKS URLs. oidc-provider hands it a dispatcher that refuses special-use
 * addresses (loopback, private networks); with `loopback` (a sandbox on the developer's machine), a URL whose host
 * is a loopback name or address is fetched without it, and every other URL keeps the protection.
 */
export function clientJwksFetch(loopback: boolean): Fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (!loopback || !LOOPBACK.test(url.hostname)) return fetch(input, init);
    const { dispatcher: _protected, ...rest } = (init ?? {}) as RequestInit & { dispatcher?: unknown };
    return fetch(input, rest);
  };
}
