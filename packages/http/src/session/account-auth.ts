import type { RequestHandler } from 'express';
import type { AccountsApi } from '../api/accounts/port.ts';
import { ApiError } from '../api/errors.ts';
import { OWNER_LOCAL } from '../api/route.ts';
import { cookieChangeRefusal } from './guard.ts';
import type { Sessions } from './sessions.ts';

export interface AccountAuthOptions {
  sessions: Sessions;
  /** Looks an API key up (`Authorization: Bearer <key>`, for CI). */
  accounts: Pick<AccountsApi, 'authenticateApiKey'>;
  publicOrigin: string;
  /** Says where to sign in, in the 401's message. */
  signInHint: string;
}

/**
 * Authenticates a request of a multi-tenant API: an API key (`Authorization: Bearer`), or the session cookie of
 * a signed-in account (with the CSRF check on changes). The account becomes the request's owner: every route
 * then sees only what that account owns.
 */
export function accountAuth(options: AccountAuthOptions): RequestHandler {
  const unauthorized = (message: string) =>
    new ApiError(401, 'unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer realm="plan-api"' } });
  return (req, res, next) => {
    const authorization = req.headers.authorization;
    const run = async (): Promise<ApiError | undefined> => {
      if (authorization !== undefined) {
        const key = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
        const account = key === undefined ? undefined : await options.accounts.authenticateApiKey(key);
        if (!account) return unauthorized('The API key is unknown or was revoked; create one on your account page.');
        res.locals[OWNER_LOCAL] = account.id;
        return undefined;
      }
      const session = await options.sessions.fromHeaders(req.headers);
      if (session?.subject === undefined) return unauthorized(`You are not signed in. ${options.signInHint}`);
      res.locals[OWNER_LOCAL] = session.subject;
      return cookieChangeRefusal(req, options.publicOrigin);
    };
    run().then(next, next);
  };
}
