import express from 'express';
import type { Request, RequestHandler, Response, Router } from 'express';
import { MemoryStore, rateLimit } from 'express-rate-limit';
import { htmlPage, signInRefusedPage, tooManyAttemptsPage } from './pages.ts';
import { pageCsp } from '../ui/theme.ts';
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
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': pageCsp(),
    })
    .send(html);
}

/**
 * The web UI path to return to after signing in (`?next=`, set by the UI's redirect), when it is a path of this
 * origin: never another site (`//host`, `/\\host`) nor the sign-in page itself.
 */
function nextPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20) || value.startsWith('/login')) return undefined;
  return value;
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
    const next = nextPath(req.query.next);
    if (typeof token !== 'string' || token === '') {
      if (await options.sessions.fromHeaders(req.headers)) {
        res.set('Cache-Control', 'no-store').redirect(303, next ?? '/');
        return;
      }
      // Sent here by the web UI (?next=): the visitor opened the UI, not a broken link.
      const reason = next ? 'Sign in to open the web UI.' : 'This sign-in link has no token.';
      sendHtml(res, 401, signInRefusedPage(reason, options.tokenHint, next));
      return;
    }
    if (!constantTimeEqual(token, options.token)) {
      sendHtml(res, 401, signInRefusedPage('This sign-in link has a wrong token.', options.tokenHint, next));
      return;
    }
    const cookie = await options.sessions.create();
    res
      .set({ 'Set-Cookie': cookie, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
      .redirect(303, next ?? '/');
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
