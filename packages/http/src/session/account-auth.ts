import type { RequestHandler } from 'express';
import type { AccountKind, AccountsApi, AccountView } from '../api/accounts/port.ts';
import { ApiError } from '../api/errors.ts';
import { ACCOUNT_LOCAL, OWNER_LOCAL } from '../api/route.ts';
import type { AuthenticatedAccount } from '../api/route.ts';
import { bearerFailures } from './failed-auth.ts';
import type { FailedAuthLimit } from './failed-auth.ts';
import { cookieChangeRefusal } from './guard.ts';
import type { Sessions } from './sessions.ts';

export interface AccountAuthOptions {
  /** The sessions of this kind of account (its own cookie). */
  sessions: Sessions;
  /**
   * Reads the signed-in account (`getAccount`) and looks an API key up (`authenticateApiKey`,
   * `Authorization: Bearer <key>`, for CI; vendors only).
   */
  accounts: Pick<AccountsApi, 'authenticateApiKey' | 'getAccount'>;
  publicOrigin: string;
  /** Says where to sign in, in the 401's message. */
  signInHint: string;
  /** The kind of account this handler admits (default `vendor`): any other kind's session or key gets 401. */
  kind?: AccountKind;
  /**
   * Limits failed API keys (`Authorization: Bearer`) per client address: past it every bearer request from that
   * address answers 429 with Retry-After until the window ends, even with a valid key; default none.
   */
  failedAuthLimit?: FailedAuthLimit;
}

function authenticated(account: AccountView): AuthenticatedAccount {
  const { id, kind, email, patientId } = account;
  return { id, kind, email, ...(patientId !== undefined ? { patientId } : {}) };
}

/**
 * Authenticates a request of a multi-tenant API for one kind of account: an API key (`Authorization: Bearer`,
 * vendors only), or the session cookie of that kind (with the CSRF check on changes). The session's account is
 * read on every request, so an account that is gone, not active, or of another kind is refused at once. The
 * account becomes the request's owner (every route then sees only what it owns), and its id, kind and email (and a
 * member's patientId, which member routes read with memberOf) are left for the routes (accountOf).
 */
export function accountAuth(options: AccountAuthOptions): RequestHandler {
  const kind = options.kind ?? 'vendor';
  const failures = options.failedAuthLimit ? bearerFailures(options.failedAuthLimit) : undefined;
  const unauthorized = (message: string) =>
    new ApiError(401, 'unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer realm="plan-api"' } });
  return (req, res, next) => {
    const authorization = req.headers.authorization;
    const run = async (): Promise<ApiError | undefined> => {
      if (authorization !== undefined) {
        if (kind !== 'vendor') return unauthorized(`API keys are for vendors. ${options.signInHint}`);
        const refusal = await failures?.refusal(req);
        if (refusal) return refusal;
        const key = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
        const account = key === undefined ? undefined : await options.accounts.authenticateApiKey(key);
        if (account?.kind !== kind) {
          const over = await failures?.failed(req);
          return over ?? unauthorized('The API key is unknown or was revoked; create one on your account page.');
        }
        res.locals[OWNER_LOCAL] = account.id;
        res.locals[ACCOUNT_LOCAL] = authenticated(account);
        return undefined;
      }
      const session = await options.sessions.fromHeaders(req.headers);
      if (session?.subject === undefined) return unauthorized(`You are not signed in. ${options.signInHint}`);
      const account = await options.accounts.getAccount(session.subject);
      if (account?.kind !== kind || account.status !== 'active') {
        return unauthorized(`Your session has ended. ${options.signInHint}`);
      }
      res.locals[OWNER_LOCAL] = account.id;
      res.locals[ACCOUNT_LOCAL] = authenticated(account);
      return cookieChangeRefusal(req, options.publicOrigin);
    };
    run().then(next, next);
  };
}
