import type { RequestHandler } from 'express';
import { ApiError } from '../api/errors.ts';
import { OWNER_LOCAL } from '../api/route.ts';
import { constantTimeEqual } from './secrets.ts';
import type { Sessions } from './sessions.ts';

export interface ManagementAuthOptions {
  /** The management token (`Authorization: Bearer <token>`). */
  token: string;
  /** The owner every authenticated request acts as (the single-tenant sandbox has one vendor). */
  owner: string;
  sessions: Sessions;
  /** The origin the web UI is served from (e.g. `http://127.0.0.1:4010`): the only Origin accepted with a cookie. */
  publicOrigin: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const UNAUTHORIZED = new ApiError(
  401,
  'unauthorized',
  'Send "Authorization: Bearer <management token>" (printed by `pnpm sandbox` and kept in the data dir), or sign in with the link it prints.',
  { headers: { 'WWW-Authenticate': 'Bearer realm="plan-api-sandbox"' } },
);

/**
 * Authenticates a management API request: the bearer token (compared in constant time) or the web UI's
 * session cookie. A state-changing request that relies on the cookie must also carry `X-Requested-With`
 * (which a cross-site form or image cannot send, and a cross-origin fetch cannot send without a CORS
 * preflight we never grant) and, when the browser sends an Origin, the sandbox's own.
 */
export function managementAuth(options: ManagementAuthOptions): RequestHandler {
  return (req, res, next) => {
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer +(\S+) *$/i.exec(authorization);
      const valid = match?.[1] !== undefined && constantTimeEqual(match[1], options.token);
      if (valid) res.locals[OWNER_LOCAL] = options.owner;
      next(valid ? undefined : UNAUTHORIZED);
      return;
    }
    options.sessions.fromHeaders(req.headers).then(
      (session) => {
        if (!session) return next(UNAUTHORIZED);
        res.locals[OWNER_LOCAL] = options.owner;
        if (SAFE_METHODS.has(req.method)) return next();
        const origin = req.headers.origin;
        if (origin !== undefined && origin !== options.publicOrigin) {
          return next(
            new ApiError(403, 'csrf_failed', `Requests from ${origin.slice(0, 100)} may not change the sandbox.`),
          );
        }
        if (!req.headers['x-requested-with']) {
          return next(
            new ApiError(
              403,
              'csrf_failed',
              'A request signed in by cookie that changes data must send the header "X-Requested-With".',
            ),
          );
        }
        next();
      },
      (err: unknown) => next(err),
    );
  };
}
