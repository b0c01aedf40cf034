/**
 * The authorization error page: shown instead of redirecting when the app cannot be trusted with the error
 * (unknown client_id, unregistered redirect_uri) or the request cannot be resumed. Says what to fix.
 */
import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml } from '@plan-api/fhir';
import { explainFromContext } from './situation.ts';
import type { Runtime } from './runtime.ts';
import type { ErrorPageView } from './types.ts';

const BROWSER_ROUTES = new Set(['authorization', 'resume']);

/**
 * Writes the error into the Koa context (status already set by oidc-provider): an HTML page for the browser
 * routes, and JSON for the back-channel ones even when the caller asked for HTML (OAuth errors are JSON there).
 */
export function renderErrorPage(ctx: KoaContextWithOIDC, out: ErrorOut, error: Error, runtime: Runtime): void {
  if (ctx.oidc?.route && !BROWSER_ROUTES.has(ctx.oidc.route)) {
    ctx.type = 'json';
    ctx.body = out;
    return;
  }
  const view: ErrorPageView = {
    error: out.error,
    ...(out.error_description ? { description: out.error_description } : {}),
    explanation: explainFromContext(ctx, error, runtime),
  };
  ctx.type = 'html';
  ctx.body = (runtime.config.errorPage ?? plainErrorPage)(view);
}

/** The page without the composition's theme (tests and bare servers). */
export function plainErrorPage(view: ErrorPageView): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The app's sign-in request cannot continue</title>
</head>
<body>
<main>
<h1>The app's sign-in request cannot continue</h1>
<p id="fix">${escapeHtml(view.explanation)}</p>
<dl>
<dt>Error</dt><dd id="error">${escapeHtml(view.error)}</dd>
${view.description ? `<dt>Description</dt><dd id="error-description">${escapeHtml(view.description)}</dd>` : ''}
</dl>
<p>Nothing was shared with the app. Go back to the app and start again once the problem is fixed.</p>
</main>
</body>
</html>`;
}
