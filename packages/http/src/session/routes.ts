import express from 'express';
import type { Request, RequestHandler, Response, Router } from 'express';
import { MemoryStore, rateLimit } from 'express-rate-limit';
import { htmlPage, signInRefusedPage, tooManyAttemptsPage } from './pages.ts';
import { constantTimeEqual } from './secrets.ts';
import type { Sessions } from './sessions.ts';

export interface SessionRouterOptions {
  token: string;
  sessions: Sessions;
  /** The sandbox's own origin: a logout posted from any other origin is refused. */
  publicOrigin: string;
  /** Where a person finds the token (shown on the refused sign-in page), e.g. "in /home/me/.local/share/plan-api/sandbox-token". */
  tokenHint?: string;
  /** Failed sign-ins allowed per address and window (default 10 per 60 s). */
  failedSignInLimit?: { limit: number; windowMs: number };
}

export interface SessionRouter {
  /** Serves `GET /login?token=` and `POST /logout`; mount at the root. */
  router: Router;
  /** Stops the rate limiter's timer. */
  close(): void;
}

function sendHtml(res: Response, status: number, html: string): void {
  res
    .status(status)
    .set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
    .send(html);
}

/**
 * Sign-in for the web UI, as Jupyter does: `GET /login?token=<management token>` starts a session
 * (httpOnly signed cookie) and 303-redirects to `/`, so the token leaves the address bar and history.
 * A wrong or missing token answers 401 with a page saying how to get the link; more than `limit`
 * failed attempts per window from one address answer 429. `POST /logout` ends the session.
 */
export function createSessionRouter(options: SessionRouterOptions): SessionRouter {
  const { limit, windowMs } = options.failedSignInLimit ?? { limit: 10, windowMs: 60_000 };
  const store = new MemoryStore();
  const limiter = rateLimit({
    windowMs,
    limit,
    store,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    validate: { xForwardedForHeader: false },
    handler: (_req, res) => sendHtml(res, 429, tooManyAttemptsPage()),
  });

  const login: RequestHandler = async (req: Request, res: Response) => {
    const token = req.query.token;
    if (typeof token !== 'string' || token === '') {
      if (await options.sessions.fromHeaders(req.headers)) {
        res.set('Cache-Control', 'no-store').redirect(303, '/');
        return;
      }
      sendHtml(res, 401, signInRefusedPage('This sign-in link has no token.', options.tokenHint));
      return;
    }
    if (!constantTimeEqual(token, options.token)) {
      sendHtml(res, 401, signInRefusedPage('This sign-in link has a wrong token.', options.tokenHint));
      return;
    }
    const cookie = await options.sessions.create();
    res.set({ 'Set-Cookie': cookie, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).redirect(303, '/');
  };

  const logout: RequestHandler = async (req: Request, res: Response) => {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== options.publicOrigin) {
      sendHtml(res, 403, htmlPage('Sign-out refused', '<p>Sign-out is only accepted from the sandbox itself.</p>'));
      return;
    }
    const cookie = await options.sessions.destroy(req.headers);
    res.set({ 'Set-Cookie': cookie, 'Cache-Control': 'no-store' });
    if (req.headers['x-requested-with']) res.status(204).end();
    else res.redirect(303, '/');
  };

  const router = express.Router();
  router.get('/login', limiter, login);
  router.post('/logout', logout);
  return { router, close: () => store.shutdown() };
}
