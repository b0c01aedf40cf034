/**
 * The issue-14 certification checks as a suite both realms run (the sandbox realm and the production server's):
 * user/ scopes read the member's own record under the patient/ compartment rules, every authorization response
 * names its issuer (RFC 9207), the token and revocation POST responses answer a browser app's origin (CORS), a
 * token response has no fhirContext or the SMART 2 shape, and the realm's PKCE policy holds for a confidential app.
 * Each realm's test supplies how an authorization is run there (a launch, or a member signing in and consenting).
 */
import { describe, expect, it } from 'vitest';
import { fhirContextProblems, pkcePair } from '@plan-api/smart/testing';
import type { Pkce } from '@plan-api/smart/testing';
import { oauthPost, parseJson, randomValue } from './oauth.ts';
import type { ClientAuth, OAuthResponse } from './oauth.ts';
import type { SmartConfiguration } from './sandbox.ts';

/** A realm under test, as its test file set it up. */
export interface CertificationRealm {
  fhirBase: string;
  smart: SmartConfiguration;
  /** A confidential app registered (and, in production, approved) there, and its authentication. */
  app: { auth: ClientAuth; redirectUri: string };
  /** The member the realm's authorizations are for, and another member. */
  member: string;
  other: string;
  /** Whether the realm requires PKCE from every app. */
  requirePkce: boolean;
  /**
   * Runs an authorization of `app` for `member` with these parameters (the realm adds what its launches need,
   * signs in and allows everything asked); resolves the query of the redirect back to the app.
   */
  authorize(params: Record<string, string>): Promise<URLSearchParams>;
}

/** The origin of a browser app calling the token endpoint with fetch. */
export const BROWSER_ORIGIN = 'https://browser-app.example';

/** The authorization request parameters of the app (PKCE when given). */
function requestParams(realm: CertificationRealm, scope: string, pkce: Pkce | null): Record<string, string> {
  return {
    response_type: 'code',
    client_id: realm.app.auth.method === 'omit' ? '' : realm.app.auth.clientId,
    redirect_uri: realm.app.redirectUri,
    scope,
    state: randomValue(),
    aud: realm.fhirBase,
    ...(pkce ? { code_challenge: pkce.challenge, code_challenge_method: 'S256' } : {}),
  };
}

/** Authorizes and exchanges the code, from a browser app's origin; fails the test unless both work. */
async function tokensFor(realm: CertificationRealm, scope: string, origin = BROWSER_ORIGIN): Promise<OAuthResponse> {
  const pkce = pkcePair();
  const query = await realm.authorize(requestParams(realm, scope, pkce));
  expect(query.get('error'), query.get('error_description') ?? '').toBeNull();
  const token = await oauthPost(
    realm.smart.token_endpoint,
    {
      grant_type: 'authorization_code',
      code: query.get('code') ?? '',
      redirect_uri: realm.app.redirectUri,
      code_verifier: pkce.verifier,
    },
    realm.app.auth,
    { origin },
  );
  expect(token.status, JSON.stringify(token.body)).toBe(200);
  return token;
}

async function fhirGet(
  realm: CertificationRealm,
  path: string,
  accessToken: string,
): Promise<{ status: number; body: { entry?: { resource: Record<string, unknown> }[] } }> {
  const res = await fetch(`${realm.fhirBase}/${path}`, {
    headers: { accept: 'application/fhir+json', authorization: `Bearer ${accessToken}` },
  });
  return {
    status: res.status,
    body: parseJson(await res.text()) as { entry?: { resource: Record<string, unknown> }[] },
  };
}

/** The user/ scopes a CARIN BB app asks for (and one the server does not grant). */
const USER_SCOPES = 'user/Patient.read user/ExplanationOfBenefit.rs user/Coverage.read';

/** Registers the certification checks of one realm (`realm` is read when the tests run). */
export function describeCertification(name: string, realm: () => CertificationRealm): void {
  describe(`${name}: SMART certification checks (issue 14)`, () => {
    it('discovery advertises permission-user, user/ scopes and the iss authorization response parameter', async () => {
      const { smart } = realm();
      expect(smart.capabilities).toEqual(expect.arrayContaining(['permission-user', 'permission-patient']));
      expect(smart.scopes_supported).toEqual(expect.arrayContaining(['user/*.rs', 'user/ExplanationOfBenefit.read']));
      expect(smart.authorization_response_iss_parameter_supported).toBe(true);
      const openid = (await (
        await fetch(`${smart.issuer}/.well-known/openid-configuration`)
      ).json()) as SmartConfiguration;
      expect(openid.authorization_response_iss_parameter_supported).toBe(true);
      expect(openid.issuer).toBe(smart.issuer);
    });

    it("user/ scopes are granted for the member's own data with the compartment rules of patient/", async () => {
      const r = realm();
      const token = await tokensFor(r, `openid fhirUser ${USER_SCOPES} user/Claim.read`);
      expect(String(token.body.scope).split(' ')).toEqual(expect.arrayContaining(USER_SCOPES.split(' ')));
      expect(token.body.scope).not.toContain('Claim');
      expect(token.body.patient).toBe(r.member);
      const access = String(token.body.access_token);
      const own = await fhirGet(r, `ExplanationOfBenefit?patient=${r.member}`, access);
      expect(own.status).toBe(200);
      expect(own.body.entry?.length ?? 0).toBeGreaterThan(0);
      for (const entry of own.body.entry ?? []) {
        expect((entry.resource.patient as { reference?: string }).reference).toMatch(
          new RegExp(`Patient/${r.member}$`),
        );
      }
      const everyEob = await fhirGet(r, 'ExplanationOfBenefit', access);
      expect(everyEob.body.entry?.length).toBe(own.body.entry?.length);
      expect((await fhirGet(r, `ExplanationOfBenefit?patient=${r.other}`, access)).body.entry ?? []).toEqual([]);
      expect((await fhirGet(r, `Patient/${r.member}`, access)).status).toBe(200);
      expect((await fhirGet(r, `Patient/${r.other}`, access)).status).toBe(404);
      expect((await fhirGet(r, `Condition?patient=${r.member}`, access)).status).toBe(403);
    });

    it('the authorization response carries iss, on a code and on an error (RFC 9207)', async () => {
      const r = realm();
      const params = requestParams(r, 'openid patient/Patient.read', pkcePair());
      const granted = await r.authorize(params);
      expect(granted.get('code')).toEqual(expect.any(String));
      expect(granted.get('state')).toBe(params.state);
      expect(granted.get('iss')).toBe(r.smart.issuer);
      const plain = { ...params, code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' };
      const refused = await r.authorize(plain);
      expect(refused.get('error')).toBe('invalid_request');
      expect(refused.get('state')).toBe(params.state);
      expect(refused.get('iss')).toBe(r.smart.issuer);
    });

    it("the token POST (code, refresh, error) and the revocation POST answer a browser app's origin", async () => {
      const r = realm();
      const token = await tokensFor(r, 'openid offline_access patient/Patient.read');
      expect(token.headers.get('access-control-allow-origin')).toBe(BROWSER_ORIGIN);
      const post = async (url: string, params: Record<string, string>, status: number) => {
        const res = await oauthPost(url, params, r.app.auth, { origin: BROWSER_ORIGIN });
        expect(res.status, JSON.stringify(res.body)).toBe(status);
        expect(res.headers.get('access-control-allow-origin'), url).toBe(BROWSER_ORIGIN);
        return res;
      };
      const refresh = { grant_type: 'refresh_token', refresh_token: String(token.body.refresh_token) };
      const refreshed = await post(r.smart.token_endpoint, refresh, 200);
      expect(fhirContextProblems(refreshed.body as Record<string, unknown>)).toEqual([]);
      const badCode = { grant_type: 'authorization_code', code: 'not-a-code', redirect_uri: r.app.redirectUri };
      await post(r.smart.token_endpoint, badCode, 400);
      await post(r.smart.revocation_endpoint, { token: String(refreshed.body.access_token) }, 200);
      const preflight = await fetch(r.smart.token_endpoint, {
        method: 'OPTIONS',
        headers: { origin: BROWSER_ORIGIN, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(BROWSER_ORIGIN);
    });

    it('a token response has no fhirContext, or one of the SMART 2 shape', async () => {
      const token = await tokensFor(realm(), `openid fhirUser patient/*.rs ${USER_SCOPES}`);
      expect(fhirContextProblems(token.body as Record<string, unknown>)).toEqual([]);
    });

    describePkcePolicy(realm);
  });
}

/** Registers the check of the realm's PKCE policy for a confidential app (it runs once per setting). */
export function describePkcePolicy(realm: () => CertificationRealm): void {
  it('the PKCE policy for a confidential app: refused without code_challenge when required, else optional', async () => {
    const r = realm();
    const query = await r.authorize(requestParams(r, 'openid patient/Patient.read', null));
    if (r.requirePkce) {
      expect(query.get('error')).toBe('invalid_request');
      expect(query.get('error_description')).toMatch(/PKCE/);
      expect(query.get('iss')).toBe(r.smart.issuer);
      return;
    }
    expect(query.get('error'), query.get('error_description') ?? '').toBeNull();
    const exchange = {
      grant_type: 'authorization_code',
      code: query.get('code') ?? '',
      redirect_uri: r.app.redirectUri,
    };
    const token = await oauthPost(r.smart.token_endpoint, exchange, r.app.auth);
    expect(token.status, JSON.stringify(token.body)).toBe(200);
  });
}
