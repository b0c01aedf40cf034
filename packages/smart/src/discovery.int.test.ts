import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_TYPES, startHarness } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const REQUIRED_CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'client-confidential-symmetric',
  'sso-openid-connect',
  'context-ehr-patient',
  'context-standalone-patient',
  'permission-offline',
  'permission-patient',
  'permission-user',
  'permission-v1',
  'permission-v2',
  'authorize-post',
];

describe('SMART discovery', () => {
  it('lists absolute endpoints, S256 only, the code grant with refresh, and the SMART capabilities', () => {
    const config = h.auth.smartConfiguration();
    expect(config).toMatchObject({
      issuer: h.issuer,
      jwks_uri: `${h.issuer}/jwks`,
      authorization_endpoint: `${h.issuer}/authorize`,
      token_endpoint: `${h.issuer}/token`,
      revocation_endpoint: `${h.issuer}/revoke`,
      introspection_endpoint: `${h.issuer}/introspect`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      authorization_response_iss_parameter_supported: true,
    });
    expect(config.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    expect(config.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(['client_secret_basic', 'client_secret_post', 'none']),
    );
    expect(config.capabilities).toEqual(expect.arrayContaining(REQUIRED_CAPABILITIES));
    expect(config.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'fhirUser', 'launch', 'launch/patient', 'offline_access', 'patient/*.rs']),
    );
    expect(h.auth.oauthUris()).toEqual({
      authorize: config.authorization_endpoint,
      token: config.token_endpoint,
      revoke: config.revocation_endpoint,
      introspect: config.introspection_endpoint,
    });
  });

  it('the OpenID configuration at the issuer agrees with the SMART configuration', async () => {
    const res = await fetch(`${h.issuer}/.well-known/openid-configuration`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const openid = (await res.json()) as Record<string, unknown>;
    const smart = h.auth.smartConfiguration();
    for (const key of [
      'issuer',
      'jwks_uri',
      'authorization_endpoint',
      'token_endpoint',
      'revocation_endpoint',
      'introspection_endpoint',
      'code_challenge_methods_supported',
      'response_types_supported',
      'scopes_supported',
      'authorization_response_iss_parameter_supported',
    ]) {
      expect(openid[key], key).toEqual(smart[key]);
    }
    expect([...(openid.token_endpoint_auth_methods_supported as string[])].sort()).toEqual(
      [...(smart.token_endpoint_auth_methods_supported as string[])].sort(),
    );
    expect(openid.id_token_signing_alg_values_supported).toEqual(['RS256']);
    expect(openid.scopes_supported).toEqual(expect.arrayContaining(RESOURCE_TYPES.map((t) => `patient/${t}.rs`)));
  });

  it('the JWKS holds the RSA signing key with its kid and no private part', async () => {
    const res = await fetch(`${h.issuer}/jwks`);
    const jwks = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it('answers browser apps: CORS on discovery, JWKS and a token preflight that allows Authorization', async () => {
    const origin = 'https://app.example';
    for (const path of ['/.well-known/openid-configuration', '/jwks']) {
      const res = await fetch(`${h.issuer}${path}`, { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin'), path).toBe(origin);
    }
    const preflight = await fetch(`${h.issuer}/token`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  });
});
