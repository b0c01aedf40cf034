import type { RequestHandler } from 'express';
import { htmlPage } from '../session/pages.ts';

/** The placeholder page at `/` until the web UI lands: what the sandbox serves and where. */
export function homePage(): RequestHandler {
  const html = htmlPage(
    'Plan API sandbox',
    `<h1>Plan API sandbox</h1>
<p>The web UI is not built yet. Everything it will do is in the management API.</p>
<ul>
<li><a href="/api/openapi.json">Management API (OpenAPI document)</a></li>
<li><a href="/fhir/metadata">Patient Access FHIR API</a> (SMART: <a href="/fhir/.well-known/smart-configuration">discovery</a>)</li>
<li><a href="/directory/fhir/metadata">Provider Directory FHIR API</a></li>
<li><a href="/health">Health</a></li>
</ul>
<form method="post" action="/logout"><button type="submit">Sign out</button></form>`,
  );
  return (_req, res) => {
    res.status(200).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(html);
  };
}
