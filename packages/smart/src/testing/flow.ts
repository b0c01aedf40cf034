/**
 * Test support: a cookie-keeping client that walks an authorization through the server's redirects and the JSON
 * interaction surface of the harness, plus token-endpoint helpers. Not part of the package's exports.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { InteractionDetails, SmartClient } from '../types.ts';
import type { Harness } from './harness.ts';

/** A browser stand-in: keeps cookies, never follows redirects on its own. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface AuthorizeOptions {
  scope: string;
  redirectUri?: string;
  state?: string;
  aud?: string | null;
  launch?: string;
  nonce?: string;
  /** PKCE challenge to send (omit for none). */
  pkce?: Pkce | { challenge: string; method: string };
  extra?: Record<string, string>;
}

/** The authorization request parameters of a SMART app. */
export function authorizeParams(h: Harness, client: SmartClient, options: AuthorizeOptions): URLSearchParams {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: options.redirectUri ?? client.redirectUris[0] ?? '',
    scope: options.scope,
    state: options.state ?? randomBytes(8).toString('hex'),
  });
  if (options.aud !== null) params.set('aud', options.aud ?? h.fhirBase);
  if (options.launch) params.set('launch', options.launch);
  if (options.nonce) params.set('nonce', options.nonce);
  if (options.pkce) {
    params.set('code_challenge', options.pkce.challenge);
    params.set('code_challenge_method', 'method' in options.pkce ? options.pkce.method : 'S256');
  }
  for (const [name, value] of Object.entries(options.extra ?? {})) params.set(name, value);
  return params;
}

export interface Choices {
  /** The patient picked at the login step (when the launch does not bind one). */
  patient?: string;
  /** Scopes kept at consent (default: every requested line), or 'deny'. */
  consent?: (details: InteractionDetails) => string[] | 'deny';
}

export interface Outcome {
  /** Where the server finally sent the browser back to the app. */
  redirect?: URL;
  /** An HTML page the server answered with instead (error page). */
  page?: { status: number; html: string };
  statuses: number[];
  interactions: InteractionDetails[];
}

/** Starts an authorization (GET, or POST when `post`) and walks it to the app's redirect or an error page. */
export async function authorize(
  h: Harness,
  browser: Browser,
  params: URLSearchParams,
  choices: Choices = {},
  post = false,
): Promise<Outcome> {
  const outcome: Outcome = { statuses: [], interactions: [] };
  const endpoint = `${h.issuer}/authorize`;
  let res = post
    ? await browser.fetch(endpoint, { method: 'POST', body: params })
    : await browser.fetch(`${endpoint}?${params}`);
  for (let hops = 0; hops < 20; hops += 1) {
    outcome.statuses.push(res.status);
    const location = res.headers.get('location');
    if (!location) {
      outcome.page = { status: res.status, html: await res.text() };
      return outcome;
    }
    const next = new URL(location, h.origin);
    if (next.origin !== h.origin) {
      outcome.redirect = next;
      return outcome;
    }
    if (next.pathname.startsWith('/interaction/')) {
      const details = (await (await browser.fetch(next)).json()) as InteractionDetails;
      outcome.interactions.push(details);
      res = await browser.fetch(stepUrl(next, details, choices));
    } else {
      res = await browser.fetch(next);
    }
  }
  throw new Error('too many redirects');
}

function stepUrl(base: URL, details: InteractionDetails, choices: Choices): URL {
  if (details.prompt === 'login') {
    const url = new URL(`${base.pathname}/login`, base);
    url.searchParams.set('patient', details.patientId ?? choices.patient ?? '');
    return url;
  }
  const kept = choices.consent ? choices.consent(details) : details.requested.flatMap((line) => line.scopes);
  if (kept === 'deny') return new URL(`${base.pathname}/deny`, base);
  const url = new URL(`${base.pathname}/consent`, base);
  for (const scope of kept) url.searchParams.append('scope', scope);
  return url;
}

export interface TokenResult {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/**
 * POSTs a form to a token-family endpoint (token, revoke, introspect), optionally with HTTP Basic and more
 * headers (a browser app's `Origin`).
 */
export async function postForm(
  url: string,
  form: Record<string, string>,
  basic?: { id: string; secret: string },
  extraHeaders: Record<string, string> = {},
): Promise<TokenResult> {
  const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${basic.id}:${basic.secret}`).toString('base64')}`;
  const res = await fetch(url, { method: 'POST', headers, body: new URLSearchParams(form) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
}

/** Client authentication of an app: Basic for a confidential app, client_id in the body for a public one. */
export function clientAuth(client: SmartClient): {
  form: Record<string, string>;
  basic?: { id: string; secret: string };
} {
  return client.clientSecret
    ? { form: {}, basic: { id: client.clientId, secret: client.clientSecret } }
    : { form: { client_id: client.clientId } };
}

/** Exchanges a code at the token endpoint as the app would. */
export function exchangeCode(h: Harness, client: SmartClient, code: string, verifier?: string): Promise<TokenResult> {
  const { form, basic } = clientAuth(client);
  return postForm(
    `${h.issuer}/token`,
    {
      ...form,
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUris[0] ?? '',
      ...(verifier ? { code_verifier: verifier } : {}),
    },
    basic,
  );
}
