import type { Request } from 'express';
import type { AccessGrant, AuthServer } from '@plan-api/smart';
import { errorStatus } from '../error-status.ts';
import { invalidToken, missingToken } from './errors.ts';

/** RFC 6750 b64token, after the case-insensitive scheme. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The bearer token of the Authorization header; undefined when there is none. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') return undefined;
  return BEARER.exec(header)?.[1] ?? '';
}

/**
 * The grant of the request's access token. Throws a 401 FhirError with the Bearer challenge when the
 * token is missing, malformed, refused by the authorization server (status 400/401) or past its
 * expiry; any other failure of the authorization server is rethrown (a 500).
 */
export async function authenticate(
  req: Request,
  auth: Pick<AuthServer, 'verifyAccessToken'>,
  realm: string,
  now: () => number,
): Promise<AccessGrant> {
  const token = bearerToken(req);
  if (token === undefined) throw missingToken(realm);
  if (token === '') throw invalidToken(realm, 'The Authorization header must be "Bearer <access_token>"');
  let grant: AccessGrant;
  try {
    grant = await auth.verifyAccessToken(token);
  } catch (err) {
    const status = errorStatus(err);
    if (status === 400 || status === 401) {
      const reason = err instanceof Error && err.message ? `: ${err.message}` : '';
      throw invalidToken(realm, `The access token is invalid, expired or revoked${reason}`);
    }
    throw err;
  }
  if (grant.expiresAt * 1000 <= now()) throw invalidToken(realm, 'The access token has expired');
  return grant;
}
