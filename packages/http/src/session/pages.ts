/**
 * The sign-in pages of the web UI (the refused or missing sign-in link, too many attempts), in the web UI's
 * visual style (ui/theme.ts).
 */
import { escapeHtml } from '@plan-api/fhir';
import { themedPage } from '../ui/theme.ts';

/** A minimal standalone page in the shared style. */
export function htmlPage(title: string, bodyHtml: string): string {
  return themedPage(title, bodyHtml);
}

/**
 * The sign-in page: why the visitor is not signed in, where the sign-in link comes from, and a field to
 * paste the management token into (it posts the token to `POST /login`, so it never shows in the address bar). `next`
 * is the web UI path to return to after signing in.
 */
export function signInRefusedPage(reason: string, tokenHint: string | undefined, next?: string): string {
  const where = tokenHint
    ? `<p>The management token is ${escapeHtml(tokenHint)}.</p>`
    : '<p>The management token is the <code>PLAN_API_SANDBOX_TOKEN</code> the sandbox was started with.</p>';
  return htmlPage(
    'Sign in to the Plan API sandbox',
    `<h1>Sign in to the Plan API sandbox</h1>
<p class="reason">${escapeHtml(reason)}</p>
<p>When it starts, <code>pnpm sandbox</code> prints a sign-in link of the form
<code>/login?token=&lt;management token&gt;</code>: open that link (copy it from the terminal).</p>
${where}
<form class="signin" method="post" action="/login">
<label class="field" for="token">Or paste the management token</label>
<input type="password" id="token" name="token" autocomplete="off" spellcheck="false" required>
${next ? `<input type="hidden" name="next" value="${escapeHtml(next)}">` : ''}
<button type="submit" class="primary">Sign in</button>
</form>`,
  );
}

/** The page shown when too many sign-ins failed. */
export function tooManyAttemptsPage(): string {
  return htmlPage(
    'Too many sign-in attempts',
    `<h1>Too many sign-in attempts</h1>
<p>Too many sign-ins with a wrong token came from your address. Wait a minute, then open the sign-in link that
<code>pnpm sandbox</code> printed.</p>`,
  );
}
