import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import { Browser } from './flow.ts';
import { startTestIdentityProvider } from './identity-provider.ts';
import type { TestIdentityProvider } from './identity-provider.ts';

const REDIRECT = 'http://127.0.0.1:9/account/oidc/callback';
let idp: TestIdentityProvider;
let config: oidc.Configuration;
beforeAll(async () => {
  idp = await startTestIdentityProvider({
    users: [
      { sub: 'u-mia', email: 'mia@example.org', email_verified: true },
      { sub: 'u-leo', email: 'leo@example.org', email_verified: false },
    ],
    redirectUris: [REDIRECT],
  });
  config = await oidc.discovery(
    new URL(idp.issuer),
    idp.clientId,
    undefined,
    oidc.ClientSecretBasic(idp.clientSecret),
    {
      execute: [oidc.allowInsecureRequests],
    },
  );
});
afterAll(async () => {
  await idp.close();
});

/** Follows the provider's redirects by hand until one leaves it (to the redirect URI) or a page answers. */
async function walk(
  browser: Browser,
  start: URL,
  form?: Record<string, string>,
  issuer = idp.issuer,
): Promise<Response> {
  let res = await browser.fetch(start);
  for (let hop = 0; hop < 10; hop++) {
    const location = res.headers.get('location');
    if (res.status === 200 && form) {
      const action = /action="([^"]+)"/.exec(await res.text())?.[1] ?? '';
      res = await browser.fetch(new URL(action, issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
      form = undefined;
      continue;
    }
    if (location === null || !new URL(location, issuer).href.startsWith(issuer)) return res;
    res = await browser.fetch(new URL(location, issuer));
  }
  throw new Error('too many redirects');
}

async function signIn(extra: Record<string, string>, form?: Record<string, string>, issuer = idp.issuer) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: 'openid email',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  });
  const res = await walk(new Browser(), url, form, issuer);
  const location = res.headers.get('location') ?? '';
  expect(location.startsWith(REDIRECT), `${res.status} ${location}`).toBe(true);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(location), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  const claims = tokens.claims();
  const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims?.sub ?? '');
  return { claims, userinfo };
}

describe('the test identity provider', () => {
  it('signs in the login_hint user at once: email claims in the ID token and at userinfo', async () => {
    const { claims, userinfo } = await signIn({ login_hint: 'mia@example.org' });
    expect(claims).toMatchObject({ iss: idp.issuer, aud: idp.clientId, sub: 'u-mia', email: 'mia@example.org' });
    expect(claims?.email_verified).toBe(true);
    expect(userinfo).toMatchObject({ sub: 'u-mia', email: 'mia@example.org', email_verified: true });
  });

  it('shows a sign-in form without a hint, and keeps email_verified false as given', async () => {
    const { claims } = await signIn({}, { email: 'LEO@example.org' });
    expect(claims).toMatchObject({ sub: 'u-leo', email: 'leo@example.org', email_verified: false });
  });

  it('keeps the email claims out of the ID token when asked (userinfo only)', async () => {
    const other = await startTestIdentityProvider({
      users: [{ sub: 'u-mia', email: 'mia@example.org', email_verified: true }],
      redirectUris: [REDIRECT],
      emailClaimsIn: 'userinfo',
    });
    try {
      const saved = config;
      config = await oidc.discovery(
        new URL(other.issuer),
        other.clientId,
        undefined,
        oidc.ClientSecretBasic(other.clientSecret),
        {
          execute: [oidc.allowInsecureRequests],
        },
      );
      const { claims, userinfo } = await signIn({ login_hint: 'mia@example.org' }, undefined, other.issuer);
      config = saved;
      expect(claims?.email).toBeUndefined();
      expect(userinfo).toMatchObject({ email: 'mia@example.org', email_verified: true });
    } finally {
      await other.close();
    }
  });

  it('refuses an unknown email on the form', async () => {
    const browser = new Browser();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid email',
      state: 's',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    let res = await browser.fetch(url);
    res = await browser.fetch(new URL(res.headers.get('location') ?? '', idp.issuer));
    const page = await res.text();
    expect(page).toContain('<button type="submit">Sign in</button>');
    const action = /action="([^"]+)"/.exec(page)?.[1] ?? '';
    const refused = await browser.fetch(new URL(action, idp.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=nobody%40example.org',
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('No account has that email.');
  });
});
