import type { Request, Response } from 'express';
import { PortalError } from '@plan-api/portal';
import type { Sessions } from '../../session/sessions.ts';
import { cookieChangeRefusal } from '../../session/guard.ts';
import { ApiError } from '../errors.ts';
import { param, sendJson } from '../route.ts';
import type { ApiRoute } from '../route.ts';
import type { AccountKind, AccountsApi, AccountView } from './port.ts';

export interface AccountRoutesOptions {
  accounts: AccountsApi;
  /** The sessions of this kind of account (their own cookie). */
  sessions: Sessions;
  kind: AccountKind;
  /** The server's own origin: cookie-setting posts from elsewhere are refused. */
  publicOrigin: string;
  /**
   * Where the kind's routes live below `/api` (default: none for vendors, `/review` for reviewers, `/account` for
   * members): `<prefix>/session`, `<prefix>/password-resets`, `<prefix>/password-links`, `<prefix>/password`.
   */
  prefix?: string;
}

/** The default path prefix of each kind's account routes. */
export const ACCOUNT_PREFIX: Readonly<Record<AccountKind, string>> = {
  vendor: '',
  reviewer: '/review',
  member: '/account',
};

/** The prefix of a kind's routes: `options.prefix`, else the kind's default. */
export function accountPrefix(options: Pick<AccountRoutesOptions, 'kind' | 'prefix'>): string {
  return (options.prefix ?? ACCOUNT_PREFIX[options.kind]).replace(/\/+$/, '');
}

/** What the API answers to enrollment and reset requests, whatever the address (no enumeration). */
export const LINK_SENT =
  'If that address can use it, a link is on its way: check your email. The link works once and expires in 24 hours.';

/** What the API answers to every member registration, whatever it matched (no enumeration). */
export const REGISTRATION_SENT =
  'Check your email: we sent that address a message about your registration, with the next step if there is one.';

/** The client address the rate limits count (Express's `req.ip`, which honours the app's `trust proxy`). */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** Public posts that set a session cookie are refused from other sites too (login CSRF). */
function refuseCrossSite(req: Request, publicOrigin: string): void {
  const refusal = cookieChangeRefusal(req, publicOrigin);
  if (refusal) throw refusal;
}

function signedIn(res: Response, cookie: string, kind: AccountKind, account: AccountView): void {
  res.set('Set-Cookie', cookie);
  sendJson(res, 200, { kind, account });
}

async function accountOf(accounts: AccountsApi, owner: string): Promise<AccountView> {
  const account = await accounts.getAccount(owner);
  if (!account) throw new ApiError(401, 'unauthorized', 'This account no longer exists; sign in again.');
  return account;
}

/** A link of another kind's account, completed on this kind's route: refused as a link that does not work here. */
function wrongKindLink(): PortalError {
  return new PortalError(
    'link_invalid',
    'This link is not for this sign-in page. Open the link from the email as it is, or ask for a new one.',
    { token: 'This link belongs to another kind of account.' },
  );
}

/**
 * The account routes of one kind of account, below its prefix: sign-in and sign-out, emailed links ("Forgot
 * password" and setting a password) and password change for every kind; enrollment and API keys for vendors
 * only; self-registration (`<prefix>/registrations`) for members only. Every route is of that kind (authenticated by its handler). Sign-in and a completed link start a fresh
 * session (never reusing one a visitor brought); a password set or changed ends the account's other sessions.
 */
export function accountRoutes(options: AccountRoutesOptions): ApiRoute[] {
  const { accounts, sessions, kind, publicOrigin } = options;
  const prefix = accountPrefix(options);
  const routes: ApiRoute[] = [
    {
      method: 'post',
      path: `${prefix}/session`,
      public: true,
      handler: async (req, res) => {
        refuseCrossSite(req, publicOrigin);
        const account = await accounts.signIn(kind, req.body, { ip: clientIp(req) });
        signedIn(res, await sessions.create(account.id), kind, account);
      },
    },
    {
      method: 'get',
      path: `${prefix}/session`,
      handler: async (_req, res, owner) => sendJson(res, 200, { kind, account: await accountOf(accounts, owner) }),
    },
    {
      method: 'delete',
      path: `${prefix}/session`,
      handler: async (req, res) => {
        res.set('Set-Cookie', await sessions.destroy(req.headers));
        res.status(204).set('Cache-Control', 'no-store').end();
      },
    },
    {
      method: 'post',
      path: `${prefix}/password-resets`,
      public: true,
      handler: async (req, res) => {
        await accounts.requestPasswordReset(kind, req.body, { ip: clientIp(req) });
        sendJson(res, 202, { message: LINK_SENT });
      },
    },
    {
      method: 'post',
      path: `${prefix}/password-links`,
      public: true,
      handler: async (req, res) => {
        refuseCrossSite(req, publicOrigin);
        // A portal that takes the kind refuses another kind's link before using it; either way its account must
        // be of this kind, or no session starts.
        const account = await accounts.completeLink(req.body, { ip: clientIp(req) }, kind);
        if (account.kind !== kind) throw wrongKindLink();
        await sessions.destroyAll(account.id);
        signedIn(res, await sessions.create(account.id), kind, account);
      },
    },
  ];
  const changePassword: ApiRoute = {
    method: 'put',
    path: kind === 'vendor' ? `${prefix}/vendor/password` : `${prefix}/password`,
    handler: async (req, res, owner) => {
      await accounts.changePassword(owner, req.body);
      // Every other browser signed in as this account is signed out; this one gets a new session.
      await sessions.destroyAll(owner);
      res.set('Set-Cookie', await sessions.create(owner));
      res.status(204).set('Cache-Control', 'no-store').end();
    },
  };
  const registration: ApiRoute = {
    method: 'post',
    path: `${prefix}/registrations`,
    public: true,
    handler: async (req, res) => {
      refuseCrossSite(req, publicOrigin);
      if (accounts.registerMember === undefined) {
        throw new ApiError(404, 'not_found', 'Members cannot register themselves here.');
      }
      await accounts.registerMember(req.body, { ip: clientIp(req) });
      sendJson(res, 202, { message: REGISTRATION_SENT });
    },
  };
  if (kind === 'member') {
    return [...routes, changePassword, registration].map((route) => ({ ...route, account: kind }));
  }
  if (kind !== 'vendor') return [...routes, changePassword].map((route) => ({ ...route, account: kind }));
  const vendorRoutes: ApiRoute[] = [
    {
      method: 'post',
      path: `${prefix}/vendor-enrollments`,
      public: true,
      handler: async (req, res) => {
        await accounts.enrollVendor(req.body, { ip: clientIp(req) });
        sendJson(res, 202, { message: LINK_SENT });
      },
    },
    {
      method: 'get',
      path: `${prefix}/vendor`,
      handler: async (_req, res, owner) => sendJson(res, 200, await accountOf(accounts, owner)),
    },
    changePassword,
    {
      method: 'get',
      path: `${prefix}/vendor/api-keys`,
      handler: async (_req, res, owner) => sendJson(res, 200, await accounts.listApiKeys(owner)),
    },
    {
      method: 'post',
      path: `${prefix}/vendor/api-keys`,
      handler: async (req, res, owner) => sendJson(res, 201, await accounts.createApiKey(owner, req.body)),
    },
    {
      method: 'delete',
      path: `${prefix}/vendor/api-keys/{id}`,
      handler: async (req, res, owner) => {
        await accounts.revokeApiKey(owner, param(req, 'id'));
        res.status(204).set('Cache-Control', 'no-store').end();
      },
    },
  ];
  return [...routes, ...vendorRoutes].map((route) => ({ ...route, account: kind }));
}
