/**
 * The issue-14 certification checks on the authorization server itself: user/ scopes, RFC 9207 `iss` on
 * authorization responses, CORS on the token and revocation POST responses, the fhirContext shape, and the
 * "require PKCE from every client" setting (off and on). The realms' own tests repeat them end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirContextProblems } from './testing/conformance.ts';
import { authorize, authorizeParams, Browser, clientAuth, exchangeCode, pkcePair, postForm } from './testing/flow.ts';
import type { Pkce } from './testing/flow.ts';
import { CONFIDENTIAL, PUBLIC, startHarness } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';
import type { SmartClient } from './types.ts';

const ORIGIN = 'https://browser-app.example';
let h: Harness;
let strict: Harness;
beforeAll(async () => {
  [h, strict] = await Promise.all([startHarness(), startHarness({ requirePkce: true })]);
});
afterAll(async () => {
  await Promise.all([h?.close(), strict?.close()]);
});

async function codeFor(
  harness: Harness,
  client: SmartClient,
  scope: string,
  patient: string,
  pkce?: Pkce,
): Promise<URL | undefined> {
  const params = authorizeParams(harness, client, { scope, ...(pkce ? { pkce } : {}) });
  return (await authorize(harness, new Browser(), params, { patient })).redirect;
}

describe('user/ scopes (CARIN BB)', () => {
  it("are granted as asked and read the member's own record, as patient/ scopes do", async () => {
    const scope = 'openid fhirUser user/Patient.read user/ExplanationOfBenefit.rs user/Coverage.read';
    const pkce = pkcePair();
    const params = authorizeParams(h, PUBLIC, { scope: `${scope} user/Claim.read user/Condition.write`, pkce });
    const outcome = await authorize(h, new Browser(), params, { patient: 'p-user' });
    const consent = outcome.interactions.find((step) => step.prompt === 'consent');
    expect(consent?.requested.map((line) => line.resourceType).filter(Boolean)).toEqual([
      'Patient',
      'ExplanationOfBenefit',
      'Coverage',
    ]);
    const code = outcome.redirect?.searchParams.get('code') ?? '';
    const token = await exchangeCode(h, PUBLIC, code, pkce.verifier);
    expect(token.status).toBe(200);
    expect(token.body.scope).toBe(scope);
    expect(token.body.patient).toBe('p-user');
    const grant = await h.auth.verifyAccessToken(String(token.body.access_token));
    expect(grant.patientId).toBe('p-user');
    expect([...grant.readable.keys()]).toEqual(['Patient', 'Coverage', 'ExplanationOfBenefit']);
  });

  it('a user/ wildcard is the list of supported types at the user level', async () => {
    const redirect = await codeFor(h, CONFIDENTIAL, 'openid user/*.rs', 'p-user');
    const token = await exchangeCode(h, CONFIDENTIAL, redirect?.searchParams.get('code') ?? '');
    expect(String(token.body.scope).split(' ')).toEqual([
      'openid',
      ...['Patient', 'Coverage', 'ExplanationOfBenefit', 'Observation', 'Condition'].map((t) => `user/${t}.rs`),
    ]);
  });

  it('a refresh cannot swap a granted patient/ scope for its user/ form, or the other way round', async () => {
    const scope = 'openid offline_access patient/Patient.read user/Coverage.read';
    const redirect = await codeFor(h, CONFIDENTIAL, scope, 'p-user');
    const token = await exchangeCode(h, CONFIDENTIAL, redirect?.searchParams.get('code') ?? '');
    const { basic } = clientAuth(CONFIDENTIAL);
    const refresh = (asked: string) =>
      postForm(
        `${h.issuer}/token`,
        { grant_type: 'refresh_token', refresh_token: String(token.body.refresh_token), scope: asked },
        basic,
      );
    expect((await refresh('user/Patient.read')).body.error).toBe('invalid_scope');
    expect((await refresh('patient/Coverage.read')).body.error).toBe('invalid_scope');
    const narrowed = await refresh('user/Coverage.read');
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.scope).toBe('user/Coverage.read');
  });
});

describe('RFC 9207: the authorization response names its issuer', () => {
  it('a code redirect and an error redirect carry iss, and discovery says so', async () => {
    const granted = await codeFor(h, CONFIDENTIAL, 'openid patient/Patient.read', 'p-iss');
    expect(granted?.searchParams.get('code')).toEqual(expect.any(String));
    expect(granted?.searchParams.get('iss')).toBe(h.issuer);
    const denied = await authorize(
      h,
      new Browser(),
      authorizeParams(h, CONFIDENTIAL, { scope: 'openid patient/Patient.read', state: 's-deny' }),
      { patient: 'p-iss', consent: () => 'deny' },
    );
    expect(denied.redirect?.searchParams.get('error')).toBe('access_denied');
    expect(denied.redirect?.searchParams.get('iss')).toBe(h.issuer);
    expect(h.auth.smartConfiguration().authorization_response_iss_parameter_supported).toBe(true);
  });
});

describe('CORS for browser apps on the token and revocation POST responses', () => {
  it("the code exchange, a refresh, a failed exchange and a revocation answer the app's origin", async () => {
    const pkce = pkcePair();
    const redirect = await codeFor(h, PUBLIC, 'openid offline_access patient/Patient.read', 'p-cors', pkce);
    const { form } = clientAuth(PUBLIC);
    // What a browser app's fetch sends: its Origin; the answer must name it or the app cannot read the body.
    const fromBrowser = async (endpoint: 'token' | 'revoke', params: Record<string, string>, status: number) => {
      const res = await postForm(`${h.issuer}/${endpoint}`, { ...form, ...params }, undefined, { origin: ORIGIN });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.headers.get('access-control-allow-origin'), endpoint).toBe(ORIGIN);
      return res.body;
    };
    const redirectUri = PUBLIC.redirectUris[0] ?? '';
    const code = redirect?.searchParams.get('code') ?? '';
    const token = await fromBrowser(
      'token',
      { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: pkce.verifier },
      200,
    );
    const refresh = { grant_type: 'refresh_token', refresh_token: String(token.refresh_token) };
    const refreshed = await fromBrowser('token', refresh, 200);
    await fromBrowser('token', { grant_type: 'authorization_code', code: 'nope', redirect_uri: redirectUri }, 400);
    await fromBrowser('revoke', { token: String(refreshed.access_token) }, 200);
  });
});

describe('fhirContext', () => {
  it('a token response has no fhirContext, or one of the SMART 2 shape', async () => {
    const redirect = await codeFor(h, CONFIDENTIAL, 'launch/patient openid patient/*.rs', 'p-context');
    const token = await exchangeCode(h, CONFIDENTIAL, redirect?.searchParams.get('code') ?? '');
    expect(token.status).toBe(200);
    expect(fhirContextProblems(token.body)).toEqual([]);
  });
});

describe('PKCE for confidential clients', () => {
  it('off (the default): a confidential app may leave PKCE out, and a public one may not', async () => {
    const redirect = await codeFor(h, CONFIDENTIAL, 'openid patient/Patient.read', 'p-pkce');
    const token = await exchangeCode(h, CONFIDENTIAL, redirect?.searchParams.get('code') ?? '');
    expect(token.status).toBe(200);
    const pub = await codeFor(h, PUBLIC, 'openid patient/Patient.read', 'p-pkce');
    expect(pub?.searchParams.get('error')).toBe('invalid_request');
  });

  it('on: a confidential app without code_challenge gets invalid_request; with PKCE it needs its verifier', async () => {
    const refused = await codeFor(strict, CONFIDENTIAL, 'openid patient/Patient.read', 'p-pkce');
    expect(refused?.searchParams.get('error')).toBe('invalid_request');
    expect(refused?.searchParams.get('error_description')).toMatch(/PKCE/);
    expect(refused?.searchParams.get('iss')).toBe(strict.issuer);
    const pkce = pkcePair();
    const redirect = await codeFor(strict, CONFIDENTIAL, 'openid patient/Patient.read', 'p-pkce', pkce);
    const code = redirect?.searchParams.get('code') ?? '';
    expect(code).not.toBe('');
    const withoutVerifier = await exchangeCode(strict, CONFIDENTIAL, code);
    expect(withoutVerifier.body.error).toBe('invalid_grant');
    const again = await codeFor(strict, CONFIDENTIAL, 'openid patient/Patient.read', 'p-pkce', pkce);
    const token = await exchangeCode(strict, CONFIDENTIAL, again?.searchParams.get('code') ?? '', pkce.verifier);
    expect(token.status).toBe(200);
  });
});
