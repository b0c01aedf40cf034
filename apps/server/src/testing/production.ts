import type { TestSmtpServer } from '@plan-api/mail/testing';
import { ATTESTATION, completeApp } from '@plan-api/portal/testing';
import { CookieJar, followRedirects, oauthPost } from '@plan-api/sandbox/testing';
import { pkcePair } from '@plan-api/smart/testing';
import { runServerCommand } from './server-process.ts';
import { linkTokenFor, TEST_PASSWORD } from './vendors.ts';
import type { TestVendor } from './vendors.ts';

const JSON_HEADERS = { 'content-type': 'application/json', 'x-requested-with': 'fetch' };

/** A reviewer added with `pnpm server reviewer add`, signed in through the API (its session cookie). */
export interface TestReviewer {
  email: string;
  cookie: string;
}

/** Adds a reviewer with the server command and sets the password from the mailed link. */
export async function addReviewer(
  url: string,
  smtp: TestSmtpServer,
  env: Record<string, string>,
  email: string,
): Promise<TestReviewer> {
  const before = smtp.messages.length;
  const added = await runServerCommand(['reviewer', 'add', '--email', email], { ...env, PLAN_API_PUBLIC_URL: url });
  if (added.code !== 0) throw new Error(`reviewer add failed: ${added.stderr}`);
  const token = await linkTokenFor(smtp, email, before);
  const set = await fetch(`${url}/api/review/password-links`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ token, password: TEST_PASSWORD }),
  });
  if (set.status !== 200) throw new Error(`reviewer password link answered ${set.status}: ${await set.text()}`);
  return { email, cookie: (set.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

/** An app as the vendor API returns it. */
export interface PublishedTestApp {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Registers a complete confidential app for the vendor (API key), sends the production request and has the
 * reviewer approve it: the app is then a client of the production realm with the same credentials.
 */
export async function publishApp(
  url: string,
  vendor: TestVendor,
  reviewer: TestReviewer,
  overrides: Record<string, unknown>,
): Promise<PublishedTestApp> {
  const vendorHeaders = { authorization: `Bearer ${vendor.apiKey}`, 'content-type': 'application/json' };
  const created = await fetch(`${url}/api/apps`, {
    method: 'POST',
    headers: vendorHeaders,
    body: JSON.stringify(completeApp({ oauthType: 'secret', ...overrides })),
  });
  if (created.status !== 201) throw new Error(`app creation answered ${created.status}: ${await created.text()}`);
  const app = (await created.json()) as PublishedTestApp;
  const sent = await fetch(`${url}/api/apps/${app.id}/production-request`, {
    method: 'POST',
    headers: vendorHeaders,
    body: JSON.stringify({ attestation: ATTESTATION }),
  });
  if (sent.status !== 201) throw new Error(`production request answered ${sent.status}: ${await sent.text()}`);
  const reviewerHeaders = { ...JSON_HEADERS, cookie: reviewer.cookie };
  const queue = (await (
    await fetch(`${url}/api/review/requests?status=pending`, { headers: reviewerHeaders })
  ).json()) as {
    requests: { id: string; clientId: string }[];
  };
  const request = queue.requests.find((r) => r.clientId === app.clientId);
  if (!request) throw new Error(`no pending request for ${app.clientId}`);
  const approved = await fetch(`${url}/api/review/requests/${request.id}/approve`, {
    method: 'POST',
    headers: reviewerHeaders,
    body: '{}',
  });
  if (approved.status !== 200) throw new Error(`approve answered ${approved.status}: ${await approved.text()}`);
  return app;
}

/** Loads synthetic members with the server command; resolves their Patient ids in order. */
export async function syntheticMembers(env: Record<string, string>, count: number, seed: string): Promise<string[]> {
  const loaded = await runServerCommand(['members', 'synthetic', '--count', String(count), '--seed', seed], env);
  if (loaded.code !== 0) throw new Error(`members synthetic failed: ${loaded.stderr}`);
  return [...loaded.stdout.matchAll(/Patient\/([A-Za-z0-9.-]+)/g)].map((m) => m[1] ?? '');
}

/** Invites the member of a Patient with the server command; resolves the set-password link's token. */
export async function inviteMember(
  url: string,
  smtp: TestSmtpServer,
  env: Record<string, string>,
  patientId: string,
  email: string,
): Promise<{ token: string; link: string }> {
  const before = smtp.messages.length;
  const invited = await runServerCommand(['members', 'invite', '--patient', patientId, '--email', email], {
    ...env,
    PLAN_API_PUBLIC_URL: url,
  });
  if (invited.code !== 0) throw new Error(`members invite failed: ${invited.stderr}`);
  const token = await linkTokenFor(smtp, email, before);
  return { token, link: `${url}/set-password#token=${encodeURIComponent(token)}` };
}

/** Sets a member's password from the link's token through the API; resolves the member session cookie. */
export async function activateMember(url: string, token: string): Promise<string> {
  const set = await fetch(`${url}/api/account/password-links`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ token, password: TEST_PASSWORD }),
  });
  if (set.status !== 200) throw new Error(`member password link answered ${set.status}: ${await set.text()}`);
  return (set.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** The value of an attribute in a server-rendered page (HTML-escaped by the page, unescaped here). */
function unescapeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The form of a sign-in or consent page: where it posts and its hidden CSRF value. */
function pageForm(html: string): { action: string; csrf: string } {
  const action = /<form[^>]*\saction="([^"]+)"/.exec(html)?.[1];
  const csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1];
  if (action === undefined || csrf === undefined)
    throw new Error(`not a sign-in or consent page: ${html.slice(0, 300)}`);
  return { action: unescapeHtml(action), csrf: unescapeHtml(csrf) };
}

/**
 * A production-realm authorization without a browser: sends the authorize request, signs the member in on the
 * sign-in page, ticks every resource type on the consent page and allows; resolves the query of the redirect back
 * to the app (a code, or an error the server redirected with).
 */
export async function authorizeAsMember(
  url: string,
  params: Record<string, string>,
  email: string,
): Promise<URLSearchParams> {
  const jar = new CookieJar();
  let outcome = await followRedirects({ url: `${url}/auth/authorize?${new URLSearchParams(params)}` }, url, jar);
  for (let step = 0; step < 4 && outcome.location === undefined; step++) {
    const html = outcome.body ?? '';
    const { action, csrf } = pageForm(html);
    const answer: Record<string, string> = html.includes('name="password"')
      ? { csrf, email, password: TEST_PASSWORD }
      : { csrf, decision: 'allow' };
    const form = new URLSearchParams(answer);
    for (const match of html.matchAll(/name="type" value="([^"]+)"/g))
      form.append('type', unescapeHtml(match[1] ?? ''));
    outcome = await followRedirects({ url: new URL(action, url).href, method: 'POST', form }, url, jar);
  }
  if (outcome.location === undefined)
    throw new Error(`no redirect back to the app: ${outcome.status} ${outcome.body ?? ''}`);
  return outcome.location.searchParams;
}

/**
 * A member's access token from the production realm without a browser, as the pages' forms would post it: a
 * standalone launch of the approved `app` (redirect URI `redirectUri`) asking for `type` only, the member's
 * sign-in and consent (authorizeAsMember), and the code exchanged with the app's secret.
 */
export async function memberAccessToken(
  url: string,
  app: PublishedTestApp,
  redirectUri: string,
  email: string,
  type: string,
): Promise<string> {
  const pkce = pkcePair();
  const back = await authorizeAsMember(
    url,
    {
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: redirectUri,
      scope: `launch/patient openid fhirUser patient/${type}.rs`,
      state: 'member-state',
      aud: `${url}/fhir`,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    },
    email,
  );
  const code = back.get('code');
  if (!code) throw new Error(`no code after consent: ${back.toString()}`);
  const token = await oauthPost(
    `${url}/auth/token`,
    { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: pkce.verifier },
    { method: 'basic', clientId: app.clientId, secret: app.clientSecret },
  );
  if (token.status !== 200) throw new Error(`token exchange answered ${token.status}: ${JSON.stringify(token.body)}`);
  return String(token.body.access_token);
}
