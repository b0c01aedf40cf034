import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdentityProvider } from '@plan-api/smart/testing';
import type { TestIdentityProvider } from '@plan-api/smart/testing';
import { createMemoryKeyValueStore } from '@plan-api/store';
import type { AccountView } from '../api/accounts/port.ts';
import { createMemberOidcRouter } from './member-oidc.ts';
import type { MemberOidcRouterOptions } from './member-oidc.ts';
import { createSessions } from './sessions.ts';
import type { Sessions } from './sessions.ts';

/** Cookies of one browser (both servers are on 127.0.0.1, and browsers share cookies across ports). */
class CookieJar {
  readonly cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      if (/max-age=0(;|$)/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, { ...init, headers: { cookie: this.header(), ...init.headers }, redirect: 'manual' });
    this.store(res);
    return res;
  }
}

const member = (id: string, email: string, status: AccountView['status'] = 'active'): AccountView => ({
  id,
  kind: 'member',
  email,
  name: 'A Member',
  status,
  createdAt: '2026-01-01T00:00:00.000Z',
  patientId: `pat-${id}`,
});
const MEMBERS = [member('acc-mia', 'mia@example.org'), member('acc-pam', 'pam@example.org', 'pending')];

let server: Server;
let origin: string;
let idp: TestIdentityProvider;
/** A provider that gives the email claims at userinfo only. */
let userinfoIdp: TestIdentityProvider;
let sessions: Sessions;
const logged: { message: string; details?: Record<string, unknown> }[] = [];
const lookups: string[] = [];

beforeAll(async () => {
  const app = express();
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  idp = await startTestIdentityProvider({
    users: [
      { sub: 'u-mia', email: 'Mia@Example.org', email_verified: true },
      { sub: 'u-leo', email: 'leo@example.org', email_verified: false },
      { sub: 'u-zoe', email: 'zoe@example.org', email_verified: true },
      { sub: 'u-pam', email: 'pam@example.org', email_verified: true },
    ],
    redirectUris: [`${origin}/account/oidc/callback`],
  });
  sessions = createSessions({
    kv: createMemoryKeyValueStore(),
    secret: 's3cret',
    secure: false,
    name: 'plan_api_member',
  });
  const options: MemberOidcRouterOptions = {
    issuer: new URL(idp.issuer),
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    redirectUri: `${origin}/account/oidc/callback`,
    sessions,
    accounts: {
      findMemberByEmail: (email) => {
        lookups.push(email);
        return Promise.resolve(MEMBERS.find((m) => m.email === email.toLowerCase()));
      },
    },
    cookieSecret: 'oidc-cookie-secret',
    secure: false,
    logger: { error: (message, details) => logged.push({ message, ...(details ? { details } : {}) }) },
  };
  app.use('/account/oidc', createMemberOidcRouter(options));
  userinfoIdp = await startTestIdentityProvider({
    users: [
      { sub: 'u-mia', email: 'mia@example.org', email_verified: true },
      { sub: 'u-leo', email: 'leo@example.org', email_verified: false },
    ],
    redirectUris: [`${origin}/userinfo/oidc/callback`],
    emailClaimsIn: 'userinfo',
  });
  app.use(
    '/userinfo/oidc',
    createMemberOidcRouter({
      ...options,
      issuer: new URL(userinfoIdp.issuer),
      clientId: userinfoIdp.clientId,
      clientSecret: userinfoIdp.clientSecret,
      redirectUri: `${origin}/userinfo/oidc/callback`,
    }),
  );
  app.use('/down/oidc', createMemberOidcRouter({ ...options, issuer: new URL('http://127.0.0.1:9/') }));
});
afterAll(async () => {
  await idp.close();
  await userinfoIdp.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
});

/** Follows redirects from `url` while they stay at the identity provider; stops at the first one back to us. */
async function toCallback(jar: CookieJar, url: string, issuer = idp.issuer): Promise<URL> {
  let res = await jar.fetch(url);
  for (let hop = 0; hop < 10; hop++) {
    const location = new URL(res.headers.get('location') ?? '', issuer);
    if (!location.href.startsWith(issuer)) return location;
    res = await jar.fetch(location);
  }
  throw new Error('too many redirects');
}

/** Where our callback sends the browser, with its Set-Cookie lines. */
async function callback(jar: CookieJar, url: URL | string): Promise<{ location: string; setCookies: string[] }> {
  const res = await jar.fetch(url);
  expect(res.status).toBe(303);
  return { location: res.headers.get('location') ?? '', setCookies: res.headers.getSetCookie() };
}

async function signIn(email: string, jar = new CookieJar()) {
  const back = await toCallback(jar, `${origin}/account/oidc/start?login_hint=${encodeURIComponent(email)}`);
  expect(back.href.startsWith(`${origin}/account/oidc/callback?`)).toBe(true);
  return { jar, back, ...(await callback(jar, back)) };
}

describe('members sign in with the OpenID Connect identity provider', () => {
  it('start sends the browser to the provider with PKCE S256, state and nonce, in a short signed cookie', async () => {
    const res = await fetch(`${origin}/account/oidc/start`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const to = new URL(res.headers.get('location') ?? '');
    expect(to.origin).toBe(idp.issuer);
    const params = Object.fromEntries(to.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: idp.clientId,
      redirect_uri: `${origin}/account/oidc/callback`,
      scope: 'openid email',
      code_challenge_method: 'S256',
    });
    expect(params.state).toMatch(/^[\w-]{20,}$/);
    expect(params.nonce).toMatch(/^[\w-]{20,}$/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(to.search).not.toContain(idp.clientSecret);
    const [cookie = ''] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^plan_api_member_oidc=[^;]+\.[\w-]+; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/);
    // The verifier travels only in the cookie, never in the URL.
    expect(cookie).not.toContain(params.state);
  });

  it('signs a member in: a member session cookie and a redirect to /account; the flow cookie is cleared', async () => {
    const { location, setCookies, jar } = await signIn('mia@example.org');
    expect(location).toBe('/account');
    expect(setCookies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^plan_api_member_oidc=; Max-Age=0/),
        expect.stringMatching(/^plan_api_member=.+; HttpOnly; SameSite=Lax$/),
      ]),
    );
    const session = await sessions.fromHeaders({ cookie: jar.header() });
    expect(session?.subject).toBe('acc-mia');
    expect(lookups.at(-1)).toBe('Mia@Example.org');
  });

  it('signs in through the provider form too (no login_hint)', async () => {
    const jar = new CookieJar();
    let res = await jar.fetch(`${origin}/account/oidc/start`);
    res = await jar.fetch(res.headers.get('location') ?? '');
    res = await jar.fetch(new URL(res.headers.get('location') ?? '', idp.issuer));
    const action = /action="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    res = await jar.fetch(new URL(action, idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=mia%40example.org',
    });
    const back = await toCallback(jar, new URL(res.headers.get('location') ?? '', idp.issuer).href);
    expect((await callback(jar, back)).location).toBe('/account');
  });

  it('refuses a callback whose state is not the one in the cookie (oidc_failed, no session)', async () => {
    const jar = new CookieJar();
    const back = await toCallback(jar, `${origin}/account/oidc/start?login_hint=mia@example.org`);
    const forged = new URL(back);
    forged.searchParams.set('state', 'not-the-state');
    logged.length = 0;
    const { location, setCookies } = await callback(jar, forged);
    expect(String(logged[0]?.details?.reason)).toMatch(/state/);
    expect(location).toBe('/account/sign-in?error=oidc_failed');
    expect(setCookies.some((c) => c.startsWith('plan_api_member='))).toBe(false);
  });

  it("refuses another browser's callback (login CSRF): its state is not in this browser's cookie", async () => {
    const attacker = await toCallback(new CookieJar(), `${origin}/account/oidc/start?login_hint=mia@example.org`);
    const victim = new CookieJar();
    await victim.fetch(`${origin}/account/oidc/start`);
    expect((await callback(victim, attacker)).location).toBe('/account/sign-in?error=oidc_failed');
    expect((await callback(new CookieJar(), attacker)).location).toBe('/account/sign-in?error=oidc_failed');
  });

  it('refuses a tampered flow cookie and a replayed callback', async () => {
    const jar = new CookieJar();
    const back = await toCallback(jar, `${origin}/account/oidc/start?login_hint=mia@example.org`);
    const original = jar.cookies.get('plan_api_member_oidc') ?? '';
    jar.cookies.set(
      'plan_api_member_oidc',
      original.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    logged.length = 0;
    expect((await callback(jar, back)).location).toBe('/account/sign-in?error=oidc_failed');
    expect(logged[0]?.details?.reason).toBe('no valid sign-in cookie');
    jar.cookies.set('plan_api_member_oidc', original);
    expect((await callback(jar, back)).location).toBe('/account');
    jar.cookies.set('plan_api_member_oidc', original);
    expect((await callback(jar, back)).location).toBe('/account/sign-in?error=oidc_failed');
  });

  it('reads the email at userinfo when the ID token has none', async () => {
    const jar = new CookieJar();
    const start = (email: string) => `${origin}/userinfo/oidc/start?login_hint=${email}`;
    const back = await toCallback(jar, start('mia@example.org'), userinfoIdp.issuer);
    expect((await callback(jar, back)).location).toBe('/account');
    expect((await sessions.fromHeaders({ cookie: jar.header() }))?.subject).toBe('acc-mia');
    const leo = new CookieJar();
    const unverified = await toCallback(leo, start('leo@example.org'), userinfoIdp.issuer);
    logged.length = 0;
    expect((await callback(leo, unverified)).location).toBe('/account/sign-in?error=oidc_failed');
    expect(logged.map((entry) => entry.details?.reason)).toEqual(['the email is not verified']);
  });

  it('refuses an email the provider has not verified (oidc_failed) without looking for an account', async () => {
    const before = lookups.length;
    logged.length = 0;
    const { location, setCookies } = await signIn('leo@example.org');
    expect(location).toBe('/account/sign-in?error=oidc_failed');
    expect(logged.map((entry) => entry.details?.reason)).toEqual(['the email is not verified']);
    expect(setCookies.some((c) => c.startsWith('plan_api_member='))).toBe(false);
    expect(lookups.length).toBe(before);
  });

  it('sends an email with no active member account to no_member_account', async () => {
    expect((await signIn('zoe@example.org')).location).toBe('/account/sign-in?error=no_member_account');
    expect((await signIn('pam@example.org')).location).toBe('/account/sign-in?error=no_member_account');
  });

  it('answers a provider error or a provider that is down with oidc_failed', async () => {
    const jar = new CookieJar();
    await jar.fetch(`${origin}/account/oidc/start`);
    const denied = await callback(jar, `${origin}/account/oidc/callback?error=access_denied&state=x`);
    expect(denied.location).toBe('/account/sign-in?error=oidc_failed');
    const down = await fetch(`${origin}/down/oidc/start`, { redirect: 'manual' });
    expect(down.status).toBe(303);
    expect(down.headers.get('location')).toBe('/account/sign-in?error=oidc_failed');
  });

  it('logs failures without codes, tokens or the state', async () => {
    logged.length = 0;
    const jar = new CookieJar();
    const back = await toCallback(jar, `${origin}/account/oidc/start?login_hint=mia@example.org`);
    const code = back.searchParams.get('code') ?? '';
    const state = back.searchParams.get('state') ?? '';
    const forged = new URL(back);
    forged.searchParams.set('state', `${state}x`);
    await callback(jar, forged);
    await signIn('leo@example.org');
    expect(logged.length).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(logged);
    expect(code.length).toBeGreaterThan(10);
    expect(text).not.toContain(code);
    expect(text).not.toContain(state);
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
    expect(logged[0]).toMatchObject({
      message: 'Member OpenID Connect sign-in failed',
      details: { outcome: 'oidc_failed' },
    });
  });
});
