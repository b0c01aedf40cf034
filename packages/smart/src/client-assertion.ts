/**
 * Asymmetric client authentication (SMART "client-confidential-asymmetric", RFC 7523 private_key_jwt): the
 * algorithms accepted for client_assertion JWTs, the claim SMART adds to what oidc-provider checks itself
 * (signature by a key of the client's JWKS, `sub` and `iss` = client_id, `aud` = the token URL or issuer, `exp`,
 * `jti` used once), and how a client's JWKS URL is fetched.
 */
import { errors } from 'oidc-provider';
import type { Configuration } from 'oidc-provider';

/** The signing algorithms SMART requires servers to support for client assertions. */
export const CLIENT_ASSERTION_ALGORITHMS = ['RS384', 'ES384'] as const;

/** SMART: a client assertion's `exp` is no more than five minutes in the future. */
export const MAX_CLIENT_ASSERTION_LIFETIME = 300;

type AssertClaims = NonNullable<Configuration['assertJwtClientAuthClaimsAndHeader']>;

/** `exp` at most five minutes away: the SMART limit oidc-provider leaves to the profile. */
export const assertClientAssertionClaims: AssertClaims = (_ctx, claims) => {
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp - now > MAX_CLIENT_ASSERTION_LIFETIME) {
    throw new errors.InvalidClientAuth(
      `exp of the client_assertion must be at most ${MAX_CLIENT_ASSERTION_LIFETIME} seconds in the future`,
    );
  }
  return Promise.resolve();
};

const LOOPBACK = /^(localhost|.+\.localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/i;

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
