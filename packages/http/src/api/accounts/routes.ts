import type { Request, Response } from 'express';
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
}

/** What the API answers to enrollment and reset requests, whatever the address (no enumeration). */
export const LINK_SENT =
  'If that address can use it, a link is on its way: check your email. The link works once and expires in 24 hours.';

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

/**
 * The account routes of one kind of account (the hosted developer sandbox's vendors): enrollment, emailed
 * links, sign-in and sign-out, password change and API keys. Sign-in and a completed link start a fresh
 * session (never reusing one a visitor brought); a password set or changed ends the account's other sessions.
 */
export function accountRoutes(options: AccountRoutesOptions): ApiRoute[] {
  const { accounts, sessions, kind, publicOrigin } = options;
  return [
    {
      method: 'post',
      path: '/session',
      public: true,
      handler: async (req, res) => {
        refuseCrossSite(req, publicOrigin);
        const account = await accounts.signIn(kind, req.body, { ip: clientIp(req) });
        signedIn(res, await sessions.create(account.id), kind, account);
      },
    },
    {
      method: 'get',
      path: '/session',
      handler: async (_req, res, owner) => sendJson(res, 200, { kind, account: await accountOf(accounts, owner) }),
    },
    {
      method: 'delete',
      path: '/session',
      handler: async (req, res) => {
        res.set('Set-Cookie', await sessions.destroy(req.headers));
        res.status(204).set('Cache-Control', 'no-store').end();
      },
    },
    {
      method: 'post',
      path: '/vendor-enrollments',
      public: true,
      handler: async (req, res) => {
        await accounts.enrollVendor(req.body, { ip: clientIp(req) });
        sendJson(res, 202, { message: LINK_SENT });
      },
    },
    {
      method: 'post',
      path: '/password-resets',
      public: true,
      handler: async (req, res) => {
        await accounts.requestPasswordReset(kind, req.body, { ip: clientIp(req) });
        sendJson(res, 202, { message: LINK_SENT });
      },
    },
    {
      method: 'post',
      path: '/password-links',
      public: true,
      handler: async (req, res) => {
        refuseCrossSite(req, publicOrigin);
        const account = await accounts.completeLink(req.body, { ip: clientIp(req) });
        await sessions.destroyAll(account.id);
        signedIn(res, await sessions.create(account.id), kind, account);
      },
    },
    {
      method: 'get',
      path: `/${kind}`,
      handler: async (_req, res, owner) => sendJson(res, 200, await accountOf(accounts, owner)),
    },
    {
      method: 'put',
      path: `/${kind}/password`,
      handler: async (req, res, owner) => {
        await accounts.changePassword(owner, req.body);
        // Every other browser signed in as this account is signed out; this one gets a new session.
        await sessions.destroyAll(owner);
        res.set('Set-Cookie', await sessions.create(owner));
        res.status(204).set('Cache-Control', 'no-store').end();
      },
    },
    {
      method: 'get',
      path: `/${kind}/api-keys`,
      handler: async (_req, res, owner) => sendJson(res, 200, await accounts.listApiKeys(owner)),
    },
    {
      method: 'post',
      path: `/${kind}/api-keys`,
      handler: async (req, res, owner) => sendJson(res, 201, await accounts.createApiKey(owner, req.body)),
    },
    {
      method: 'delete',
      path: `/${kind}/api-keys/{id}`,
      handler: async (req, res, owner) => {
        await accounts.revokeApiKey(owner, param(req, 'id'));
        res.status(204).set('Cache-Control', 'no-store').end();
      },
    },
  ];
}
