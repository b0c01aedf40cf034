import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { AccountKind } from '@plan-api/portal';
import { ApiError } from './errors.ts';

export type ApiMethod = 'get' | 'post' | 'put' | 'delete';

/**
 * One JSON API route; `path` is relative to `/api`, in OpenAPI form (`/apps/{id}`). The handler gets the acting
 * owner (the vendor) that authentication established; a `public` route is not authenticated (its owner is '').
 */
export interface ApiRoute {
  method: ApiMethod;
  path: string;
  public?: boolean;
  /**
   * The kind of account the route serves (default: its route set's, else `vendor`): it is authenticated by that
   * kind's handler, so a session or key of another kind never reaches it.
   */
  account?: AccountKind;
  handler: (req: Request, res: Response, owner: string) => Promise<void>;
}

/** Where authentication leaves the acting owner for the routes. */
export const OWNER_LOCAL = 'owner';

/**
 * Where account authentication (accountAuth) leaves the signed-in account: its id, kind and email, and a member
 * account's patientId.
 */
export const ACCOUNT_LOCAL = 'account';

/** The account a request is authenticated as (accountAuth sets it; managementAuth has no account). */
export interface AuthenticatedAccount {
  id: string;
  kind: AccountKind;
  email: string;
  /** A member account's Patient (`fhirUser`), read with the account on every request (memberOf). */
  patientId?: string;
}

/** The account of an account-authenticated request (a route reached without one is a bug: 500). */
export function accountOf(res: Response): AuthenticatedAccount {
  const account = res.locals[ACCOUNT_LOCAL] as AuthenticatedAccount | undefined;
  if (account === undefined || typeof account.email !== 'string') {
    throw new Error('JSON API: a route that needs an account ran without one');
  }
  return account;
}

/** How the routes of each kind of account are authenticated: one handler for all, or one per kind. */
export type Authenticate = RequestHandler | Partial<Record<AccountKind, RequestHandler>>;

/**
 * The handler that authenticates routes of `kind`, followed by a check that the account it established (if it
 * sets one) is of that kind. A single handler serves only `vendor` routes (the sandbox's and the vendor server's
 * routes): a route of another kind needs its own handler, or the API is not built.
 */
export function authenticatorFor(authenticate: Authenticate, kind: AccountKind, path: string): RequestHandler {
  const handler =
    typeof authenticate === 'function' ? (kind === 'vendor' ? authenticate : undefined) : authenticate[kind];
  if (handler === undefined) {
    throw new Error(`JSON API: ${path} needs a ${kind} account, and no authenticate handler of that kind was given`);
  }
  const sameKind: RequestHandler = (_req, res, next) => {
    const account = res.locals[ACCOUNT_LOCAL] as AuthenticatedAccount | undefined;
    if (account !== undefined && account.kind !== kind) {
      next(new ApiError(401, 'unauthorized', 'Sign in with an account of the kind this route serves.'));
      return;
    }
    next();
  };
  return (req, res, next) => {
    handler(req, res, (err?: unknown) => {
      if (err !== undefined && err !== null) next(err);
      else sameKind(req, res, next);
    });
  };
}

/** The owner authentication established for this request (a route reached without one is a bug: 500). */
export function ownerOf(res: Response): string {
  const owner: unknown = res.locals[OWNER_LOCAL];
  if (typeof owner !== 'string' || owner === '') throw new Error('management API: a route ran without an owner');
  return owner;
}

/** The `{name}` path parameters of an OpenAPI path, as Express wants them (`:name`). */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** A path parameter of the request (Express 5 types them loosely). */
export function param(req: Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** Sends JSON that nobody should cache (management data changes under the caller). */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).set('Cache-Control', 'no-store').json(body);
}

/**
 * Mounts the routes on a router, each behind the authenticate handler of its account kind unless it is public,
 * and answers 405 with `Allow` for another method on a known path. Every handler's rejection goes to the error
 * handler.
 */
export function mountRoutes(router: Router, routes: readonly ApiRoute[], authenticate?: Authenticate): void {
  const byPath = new Map<string, ApiRoute[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  for (const [path, list] of byPath) {
    const chain = router.route(expressPath(path));
    for (const route of list) {
      const handler: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
        Promise.resolve()
          .then(() => route.handler(req, res, route.public ? '' : ownerOf(res)))
          .catch(next);
      };
      if (authenticate && !route.public) {
        chain[route.method](authenticatorFor(authenticate, route.account ?? 'vendor', route.path), handler);
      } else chain[route.method](handler);
    }
    const allow = list.map((r) => r.method.toUpperCase()).join(', ');
    chain.all((req: Request, _res: Response, next: NextFunction) => {
      next(
        new ApiError(405, 'method_not_allowed', `${req.method} is not allowed here; use ${allow}.`, {
          headers: { Allow: allow },
        }),
      );
    });
  }
}
