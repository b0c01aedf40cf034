/**
 * Serves the web UI (the `@plan-api/ui` build) at `/`: its static files, and its index.html for every other page
 * a browser navigates to, so the single-page app's routes work on reload and as bookmarks. Source maps (`*.map`)
 * answer 404. Mount it after the
 * API, FHIR, auth, interaction and sign-in routes: their paths are never answered with the app.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express from 'express';
import type { Request, RequestHandler, Response, Router } from 'express';
import { uiCsp, UI_HEADERS } from './headers.ts';
import { uiMissingPage } from './pages.ts';
import { pageCsp } from './theme.ts';

export interface UiRouterOptions {
  /** The folder of the UI build (with index.html and assets/). */
  distDir: string;
  /** The app's HTML page in the build (default `index.html`; the member portal is `portal.html`). */
  page?: string;
  /**
   * Whether the request comes from a signed-in browser (the session cookie); without it every page is public.
   * Signed-out visitors of a non-public page go to the sign-in page.
   */
  isSignedIn?: (req: Request) => Promise<boolean>;
  /** Pages (paths below the mount point) a signed-out visitor may open: sign-in, enrollment... */
  publicPages?: readonly string[];
  /** Where a signed-out visitor is sent; `?next=` carries the page they asked for (default `/login`). */
  signInPath?: string;
  /** Settings the app reads at start, injected as `<script id="plan-api-config" type="application/json">`. */
  config?: Record<string, unknown>;
  /** Paths of the server's other routes (a miss there stays their 404, never the app); default the sandbox's. */
  serverPaths?: readonly string[];
}

/** Paths of the sandbox's other routes: a miss there stays a 404 of that API, never the app. */
export const SANDBOX_SERVER_PATHS = [
  '/api',
  '/fhir',
  '/directory',
  '/auth',
  '/interaction',
  '/login',
  '/logout',
  '/health',
];

/** Vite puts content-hashed files under assets/: they never change, so browsers may keep them. */
const HASHED_ASSETS = '/assets/';
/** A source map (`app.js.map`, `app.css.map`): never served, whatever the build emitted. */
const SOURCE_MAP = /\.map$/i;
const LONG_CACHE = 'public, max-age=31536000, immutable';

function isServerPath(path: string, serverPaths: readonly string[]): boolean {
  return path.startsWith('/.') || serverPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The page with the app's settings in a JSON data block before `</head>` (`<` escaped, so it cannot end the block). */
function withConfig(html: string, config: Record<string, unknown> | undefined): string {
  if (config === undefined) return html;
  const json = JSON.stringify(config).replaceAll('<', '\\u003c');
  const block = `<script id="plan-api-config" type="application/json">${json}</script>`;
  return html.includes('</head>') ? html.replace('</head>', `${block}</head>`) : `${block}${html}`;
}

/** A page load: `/` itself, or any request whose Accept names HTML (what browsers send when navigating). */
function wantsPage(req: Request): boolean {
  return req.path === '/' || (req.headers.accept ?? '').includes('text/html');
}

async function readPage(distDir: string, page: string): Promise<string | undefined> {
  try {
    return await readFile(join(distDir, page), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The web UI router. Static files are public (they are the same build for everyone); pages need a session:
 * a signed-out visitor is redirected to the sign-in page, which returns them here after `/login?token=`.
 * When the build is missing, pages say how to make it (`pnpm build:ui`).
 */
export function createUiRouter(options: UiRouterOptions): Router {
  const { distDir, isSignedIn } = options;
  const signInPath = options.signInPath ?? '/login';
  const pageFile = options.page ?? 'index.html';
  const publicPages = new Set(options.publicPages ?? []);
  const serverPaths = options.serverPaths ?? SANDBOX_SERVER_PATHS;
  const router = express.Router();
  // index.html is re-read per page load (a small file), so rebuilding the UI needs no restart; its CSP is
  // recomputed only when the file changed.
  let cached: { html: string; csp: string } | undefined;

  const assets = express.static(distDir, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    fallthrough: true,
    setHeaders: (res, path) => {
      res.set(UI_HEADERS);
      const hashed = path.replaceAll('\\', '/').includes(HASHED_ASSETS);
      res.set('Cache-Control', hashed ? LONG_CACHE : 'no-cache');
    },
  });

  const sendPage = (res: Response, status: number, html: string, csp: string, cache: string): void => {
    res
      .status(status)
      .set({ ...UI_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': cache })
      .set('Content-Security-Policy', csp)
      .send(html);
  };

  const page = async (req: Request, res: Response): Promise<void> => {
    const file = await readPage(distDir, pageFile);
    if (file === undefined) {
      sendPage(res, 503, uiMissingPage(distDir), pageCsp(), 'no-store');
      return;
    }
    const html = withConfig(file, options.config);
    if (isSignedIn && !publicPages.has(req.path) && !(await isSignedIn(req))) {
      const target = `${signInPath}?next=${encodeURIComponent(req.originalUrl)}`;
      res.set({ ...UI_HEADERS, 'Cache-Control': 'no-store' }).redirect(303, target);
      return;
    }
    if (cached?.html !== html) cached = { html, csp: uiCsp(html) };
    sendPage(res, 200, cached.html, cached.csp, 'no-cache');
  };

  const serve: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path, serverPaths)) {
      next();
      return;
    }
    // Source maps stay private even when the build has them (they show the app's source as written).
    if (SOURCE_MAP.test(req.path)) {
      res
        .status(404)
        .set({ ...UI_HEADERS, 'Cache-Control': 'no-store' })
        .type('text/plain')
        .send('Not found');
      return;
    }
    // The HTML pages are pages (session, CSP, config, no-cache), never static files.
    if (req.path === `/${pageFile}`) {
      page(req, res).catch(next);
      return;
    }
    // Another HTML page of the build belongs to another app (the member portal's, the developer sandbox's).
    if (req.path.endsWith('.html')) {
      next();
      return;
    }
    assets(req, res, (error?: unknown) => {
      if (error) next(error);
      else if (wantsPage(req)) page(req, res).catch(next);
      else next();
    });
  };
  router.use(serve);
  return router;
}
