import { escapeHtml } from '@plan-api/fhir';
import { themedPage } from './theme.ts';

/**
 * The page at `/` when the web UI has not been built: how to build it, and what the sandbox serves meanwhile
 * (everything the UI does is in the management API).
 */
export function uiMissingPage(distDir: string): string {
  return themedPage(
    'Plan API sandbox: the web UI is not built',
    `<h1>The web UI is not built</h1>
<p>The Plan API sandbox is running, but it found no web UI build in <code>${escapeHtml(distDir)}</code>.</p>
<p>Build it once from the repository with <code>pnpm build:ui</code>, then reload this page.</p>
<h2>Meanwhile</h2>
<ul class="general">
<li><a href="/api/openapi.json">Management API (OpenAPI document)</a></li>
<li><a href="/fhir/metadata">Patient Access FHIR API</a> (SMART: <a href="/fhir/.well-known/smart-configuration">discovery</a>)</li>
<li><a href="/directory/fhir/metadata">Provider Directory FHIR API</a></li>
<li><a href="/health">Health</a></li>
</ul>
<form method="post" action="/logout"><button type="submit">Sign out</button></form>`,
  );
}
