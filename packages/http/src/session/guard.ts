import type { RequestHandler } from 'express';
import { ApiError } from '../api/errors.ts';
import { OWNER_LOCAL } from '../api/route.ts';
import { bearerFailures } from './failed-auth.ts';
import type { FailedAuthLimit } from './failed-auth.ts';
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
  /** Limits failed bearer tokens per client address (429 with Retry-After past it); default none. */
  failedAuthLimit?: FailedAuthLimit;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const UNAUTHORIZED = new ApiError(
  401,
  'unauthorized',
  'Send "Authorization: Bearer <management token>" (printed by `pnpm sandbox` and kept in the data dir), or sign in with the link it prints.',
  { headers: { 'WWW-Authenticate': 'Bearer realm="plan-api-sandbox"' } },
);

/**
 * Why a state-changing request authenticated by cookie is refused (CSRF), or undefined when it may go on: it must
 * carry `X-Requested-With` (which a cross-site form or image cannot send, and a cross-origin fetch cannot send
 * without a CORS preflight we never grant) and, when the browser sends an Origin, come from our own.
 */
export function cookieChangeRefusal(
  req: { method: string; headers: Record<string, string | string[] | undefined> },
  publicOrigin: string,
): ApiError | undefined {
  if (SAFE_METHODS.has(req.method)) return undefined;
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== publicOrigin) {
    return new ApiError(403, 'csrf_failed', `Requests from ${origin.slice(0, 100)} may not change anything here.`);
  }
  if (!req.headers['x-requested-with']) {
    return new ApiError(
      403,
      'csrf_failed',
      'A request signed in by cookie that changes data must send the header "X-Requested-With".',
    );
  }
  return undefined;
}

/**
 * Authenticates a management API request of the single-tenant sandbox: the bearer token (compared in constant
 * time) or the web UI's session cookie (with the CSRF check of {@link cookieChangeRefusal}). Either way the
 * request acts as the sandbox's one owner. With `failedAuthLimit`, failed bearer tokens are counted per client
 * address and past the limit every bearer request from it answers 429 (see bearerFailures).
 */
export function managementAuth(options: ManagementAuthOptions): RequestHandler {
  const failures = options.failedAuthLimit ? bearerFailures(options.failedAuthLimit) : undefined;
  const validToken = (authorization: string) => {
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    return match?.[1] !== undefined && constantTimeEqual(match[1], options.token);
  };
  return (req, res, next) => {
    const authorization = req.headers.authorization;
    if (authorization !== undefined && failures !== undefined) {
      const run = async (): Promise<ApiError | undefined> => {
        const refusal = await failures.refusal(req);
        if (refusal) return refusal;
        if (!validToken(authorization)) return (await failures.failed(req)) ?? UNAUTHORIZED;
        res.locals[OWNER_LOCAL] = options.owner;
        return undefined;
      };
      run().then(next, next);
      return;
    }
    if (authorization !== undefined) {
      const valid = validToken(authorization);
      if (valid) res.locals[OWNER_LOCAL] = options.owner;
      next(valid ? undefined : UNAUTHORIZED);
      return;
    }
    options.sessions.fromHeaders(req.headers).then(
      (session) => {
        if (!session) return next(UNAUTHORIZED);
        res.locals[OWNER_LOCAL] = options.owner;
        next(cookieChangeRefusal(req, options.publicOrigin));
      },
      (err: unknown) => next(err),
    );
  };
}
