import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import { authorize, Browser } from './testing/flow.ts';
import { CONFIDENTIAL, PUBLIC, startHarness } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';
import type { SmartClient } from './types.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

function discover(client: SmartClient): Promise<oidc.Configuration> {
  return oidc.discovery(
    new URL(`${h.fhirBase}/.well-known/smart-configuration`),
    client.clientId,
    { redirect_uris: client.redirectUris, id_token_signed_response_alg: 'RS256' },
    client.clientSecret ? oidc.ClientSecretBasic(client.clientSecret) : oidc.None(),
    { execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] },
  );
}

async function launch(config: oidc.Configuration, client: SmartClient, scope: string, patient: string) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: client.redirectUris[0] ?? '',
    scope,
    state,
    nonce,
    aud: h.fhirBase,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  const outcome = await authorize(h, new Browser(), url.searchParams, { patient });
  if (!outcome.redirect) throw new Error(`no redirect: ${outcome.page?.html}`);
  return oidc.authorizationCodeGrant(config, outcome.redirect, {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
}

describe('openid-client as a real SMART app', () => {
  it('a public PKCE app: discovery, standalone launch, id_token checks, rotation, introspection, revocation', async () => {
    const config = await discover(PUBLIC);
    const tokens = await launch(config, PUBLIC, 'launch/patient openid fhirUser offline_access patient/*.rs', 'pat-oc');
    expect(tokens.patient).toBe('pat-oc');
    expect(tokens.claims()).toMatchObject({ sub: 'pat-oc', fhirUser: `${h.fhirBase}/Patient/pat-oc`, iss: h.issuer });
    expect(tokens.expiresIn()).toBeLessThanOrEqual(3600);

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.patient).toBe('pat-oc');

    const introspection = await oidc.tokenIntrospection(config, refreshed.access_token);
    expect(introspection).toMatchObject({ active: true, client_id: PUBLIC.clientId, patient: 'pat-oc', sub: 'pat-oc' });
    expect(introspection.scope).toBe(refreshed.scope);

    await oidc.tokenRevocation(config, refreshed.refresh_token ?? '');
    await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('a confidential app authenticates with HTTP Basic', async () => {
    const config = await discover(CONFIDENTIAL);
    const tokens = await launch(config, CONFIDENTIAL, 'launch/patient openid fhirUser patient/Patient.read', 'pat-cc');
    expect(tokens.patient).toBe('pat-cc');
    expect(tokens.scope).toBe('launch/patient openid fhirUser patient/Patient.read');
    const introspection = await oidc.tokenIntrospection(config, tokens.access_token);
    expect(introspection).toMatchObject({ active: true, patient: 'pat-cc', iss: h.issuer });
  });
});
