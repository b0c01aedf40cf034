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
  /** Serves `GET /login?token=`, `POST /login` (form) and `POST /logout`; mount at the root. */
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
 * Whether a posted sign-in comes from this origin (login CSRF: another site must not sign a browser in): an
 * Origin, when the browser sends one (`null` included), must be ours; without one, `Sec-Fetch-Site` (when sent)
 * must say same-origin or a direct navigation. A client that is not a browser (curl) sends neither and may post.
 */
function sameOrigin(req: Request, publicOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin === publicOrigin;
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/**
 * Sign-in for the web UI, as Jupyter does: `GET /login?token=<management token>` starts a session
 * (httpOnly signed cookie) and 303-redirects to `/`, so the token leaves the address bar and history.
 * `POST /login` (form fields `token` and an optional `next`, from this origin only) does the same without the
 * token in any URL: the sign-in page's form posts it. A wrong or missing token answers 401 with a page saying
 * how to get the link; more than `limit` failed attempts (GET and POST together) per window from one address
 * answer 429. `POST /logout` ends the session.
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

  /** Starts a session when `token` is the management token; `how` words the refusal ("link", "token"). */
  const signIn = async (req: Request, res: Response, token: unknown, next: string | undefined, how: string) => {
    if (typeof token !== 'string' || token === '') {
      if (await options.sessions.fromHeaders(req.headers)) {
        res.set('Cache-Control', 'no-store').redirect(303, next ?? '/');
        return;
      }
      // Sent here by the web UI (?next=): the visitor opened the UI, not a broken link.
      const reason = next ? 'Sign in to open the web UI.' : `This sign-in ${how} has no token.`;
      sendHtml(res, 401, signInRefusedPage(reason, options.tokenHint, next));
      return;
    }
    if (!constantTimeEqual(token, options.token)) {
      sendHtml(res, 401, signInRefusedPage(`This sign-in ${how} has a wrong token.`, options.tokenHint, next));
      return;
    }
    const cookie = await options.sessions.create();
    res
      .set({ 'Set-Cookie': cookie, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' })
      .redirect(303, next ?? '/');
  };

  const login: RequestHandler = (req: Request, res: Response) =>
    signIn(req, res, req.query.token, nextPath(req.query.next), 'link');

  // The sign-in page's form posts the token, so it never reaches the address bar, history or a proxy's log.
  const postLogin: RequestHandler = async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const next = nextPath(body.next);
    if (!sameOrigin(req, options.publicOrigin)) {
      const page = htmlPage('Sign-in refused', "<p>Sign-in is only accepted from the sandbox's own sign-in page.</p>");
      sendHtml(res, 403, page);
      return;
    }
    await signIn(req, res, body.token, next, 'form');
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
  router.post('/login', limiter, express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 }), postLogin);
  router.post('/logout', logout);
  return { router, close: () => store.shutdown() };
}
