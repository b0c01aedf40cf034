import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { ApiError } from './errors.ts';

export type ApiMethod = 'get' | 'post' | 'put' | 'delete';

/**
 * One management API route; `path` is relative to `/api`, in OpenAPI form (`/apps/{id}`). The handler gets the
 * acting owner (the vendor) that authentication established.
 */
export interface ApiRoute {
  method: ApiMethod;
  path: string;
  handler: (req: Request, res: Response, owner: string) => Promise<void>;
}

/** Where authentication leaves the acting owner for the routes. */
export const OWNER_LOCAL = 'owner';

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
 * Mounts the routes on a router, and answers 405 with `Allow` for another method on a known path.
 * Every handler's rejection goes to the error handler.
 */
export function mountRoutes(router: Router, routes: readonly ApiRoute[]): void {
  const byPath = new Map<string, ApiRoute[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  for (const [path, list] of byPath) {
    const chain = router.route(expressPath(path));
    for (const route of list) {
      const handler: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
        Promise.resolve()
          .then(() => route.handler(req, res, ownerOf(res)))
          .catch(next);
      };
      chain[route.method](handler);
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
