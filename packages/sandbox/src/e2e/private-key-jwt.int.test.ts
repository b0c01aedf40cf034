import type { AppRecord, SandboxPatientRecord } from '@plan-api/portal';
import { exportJWK, generateKeyPair } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertionKey,
  assertionParams,
  clientAssertion,
  hs256Assertion,
  privateKeyJwt,
  serveJwks,
  unsignedAssertion,
} from '../testing/e2e/client-assertion.ts';
import type { AssertionKey, AssertionOptions, JwksServer } from '../testing/e2e/client-assertion.ts';
import { authorize, fhirGet } from '../testing/e2e/codes.ts';
import { oauthPost, randomValue } from '../testing/e2e/oauth.ts';
import type { OAuthResponse } from '../testing/e2e/oauth.ts';
import { appInput, startSandbox } from '../testing/e2e/sandbox.ts';
import type { E2eSandbox } from '../testing/e2e/sandbox.ts';

const SCOPE = 'launch openid fhirUser offline_access patient/*.rs';

// Authorization Code + Private Key JWT (SMART client-confidential-asymmetric) on the sandbox realm: one app with
// an inline RS384 JWKS, one with an ES384 key behind a JWKS URL; openid-client is the vendor's backend.
describe('asymmetric client authentication (private_key_jwt)', () => {
  let sandbox: E2eSandbox;
  let rsa: AssertionKey;
  let ec: AssertionKey;
  let jwksServer: JwksServer;
  let inline: AppRecord;
  let remote: AppRecord;
  let member: SandboxPatientRecord;

  beforeAll(async () => {
    [sandbox, rsa, ec] = await Promise.all([startSandbox(), assertionKey('RS384'), assertionKey('ES384')]);
    jwksServer = await serveJwks([ec.publicJwk]);
    [inline, remote, member] = await Promise.all([
      sandbox.api.createApp(appInput('private_key_jwt', { name: 'Key Holder', jwks: { keys: [rsa.publicJwk] } })),
      sandbox.api.createApp(appInput('private_key_jwt', { name: 'Key Publisher', jwksUri: jwksServer.url })),
      sandbox.api.createPatient({ seed: 'e2e-pkjwt' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([sandbox?.stop(), jwksServer?.stop()]);
  });

  /** openid-client configured for the app: discovery, then private_key_jwt with aud = the token URL (SMART). */
  function vendorBackend(app: AppRecord, key: AssertionKey): Promise<oidc.Configuration> {
    return oidc.discovery(
      new URL(`${sandbox.fhirBase}/.well-known/smart-configuration`),
      app.clientId,
      { redirect_uris: app.redirectUris, id_token_signed_response_alg: 'RS256' },
      privateKeyJwt(key, sandbox.smart.token_endpoint),
      { execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] },
    );
  }

  /** An EHR launch (skipConsent) up to the redirect, exchanged by openid-client with its checks; and its launch id. */
  async function launchTokens(config: oidc.Configuration, app: AppRecord) {
    const nonce = randomValue();
    const result = await authorize(sandbox, app, member.id, { scope: SCOPE, params: { nonce } });
    if (!result.outcome.location || !result.pkce) throw new Error(`no redirect: ${JSON.stringify(result.outcome)}`);
    const tokens = await oidc.authorizationCodeGrant(config, result.outcome.location, {
      pkceCodeVerifier: result.pkce.verifier,
      expectedState: result.state,
      expectedNonce: nonce,
    });
    return { tokens, launch: result.launch };
  }

  it('discovery advertises private_key_jwt with RS384 and ES384, and client-confidential-asymmetric', async () => {
    expect(sandbox.smart.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect(sandbox.smart.token_endpoint_auth_signing_alg_values_supported).toEqual(
      expect.arrayContaining(['RS384', 'ES384']),
    );
    expect(sandbox.smart.capabilities).toContain('client-confidential-asymmetric');
    const openid = (await (await fetch(`${sandbox.smart.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      string[]
    >;
    expect(openid.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect(openid.token_endpoint_auth_signing_alg_values_supported).toEqual(expect.arrayContaining(['RS384', 'ES384']));
    expect(openid.token_endpoint_auth_signing_alg_values_supported).not.toContain('HS256');
  });

  it('the apps have no client secret', () => {
    expect(inline).toMatchObject({ oauthType: 'private_key_jwt', jwks: { keys: [rsa.publicJwk] } });
    expect(inline.clientSecret).toBeUndefined();
    expect(remote).toMatchObject({ oauthType: 'private_key_jwt', jwksUri: jwksServer.url });
    expect(remote.clientSecret).toBeUndefined();
  });

  for (const [label, which] of [
    ['an inline RS384 JWKS', 'inline'],
    ['an ES384 key at a JWKS URL', 'remote'],
  ] as const) {
    it(`${label}: launch, token, FHIR, refresh, introspection and revocation with client assertions`, async () => {
      const [app, key] = which === 'inline' ? [inline, rsa] : [remote, ec];
      const config = await vendorBackend(app, key);
      const { tokens } = await launchTokens(config, app);
      expect(tokens.patient).toBe(member.id);
      expect(tokens.claims()).toMatchObject({ sub: member.id, aud: app.clientId });
      expect((await fhirGet(sandbox, `Patient/${member.id}`, tokens.access_token)).status).toBe(200);

      const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
      expect(refreshed.patient).toBe(member.id);
      expect((await fhirGet(sandbox, `Patient/${member.id}`, refreshed.access_token)).status).toBe(200);

      const introspection = await oidc.tokenIntrospection(config, refreshed.access_token);
      expect(introspection).toMatchObject({ active: true, client_id: app.clientId, patient: member.id });

      const refreshToken = refreshed.refresh_token ?? tokens.refresh_token ?? '';
      await oidc.tokenRevocation(config, refreshToken);
      await expect(oidc.refreshTokenGrant(config, refreshToken)).rejects.toMatchObject({ error: 'invalid_grant' });
    });
  }

  describe('refused client assertions', () => {
    let accessToken: string;
    beforeAll(async () => {
      accessToken = (await launchTokens(await vendorBackend(inline, rsa), inline)).tokens.access_token;
    });

    const introspect = (assertion: string): Promise<OAuthResponse> =>
      oauthPost(
        sandbox.smart.introspection_endpoint,
        { token: accessToken, client_id: inline.clientId, ...assertionParams(assertion) },
        { method: 'omit' },
      );
    const signed = (options: AssertionOptions = {}) =>
      clientAssertion(rsa, inline.clientId, sandbox.smart.token_endpoint, options);
    const expectInvalidClient = (res: OAuthResponse) => {
      expect(res.status, JSON.stringify(res.body)).toBe(401);
      expect(res.body?.error).toBe('invalid_client');
      expect(res.body?.active).toBeUndefined();
    };

    it('a valid assertion works once; its jti replayed is refused', async () => {
      const assertion = await signed();
      const first = await introspect(assertion);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body.active).toBe(true);
      expectInvalidClient(await introspect(assertion));
      const sameJti = await signed({ jti: 'reused-jti' });
      expect((await introspect(sameJti)).status).toBe(200);
      expectInvalidClient(await introspect(await signed({ jti: 'reused-jti' })));
    });

    it('of the same assertion sent several times at once, exactly one is accepted', async () => {
      const assertion = await signed();
      const answers = await Promise.all(Array.from({ length: 6 }, () => introspect(assertion)));
      expect(answers.map((res) => res.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
    });

    it('the token endpoint refuses a replayed assertion too, and the launch log says why', async () => {
      const { tokens, launch } = await launchTokens(await vendorBackend(inline, rsa), inline);
      const refreshToken = tokens.refresh_token;
      const assertion = await signed();
      const refresh = () =>
        oauthPost(
          sandbox.smart.token_endpoint,
          { grant_type: 'refresh_token', refresh_token: refreshToken ?? '', ...assertionParams(assertion) },
          { method: 'omit' },
        );
      expect((await refresh()).status).toBe(200);
      expectInvalidClient(await refresh());
      const { steps } = await sandbox.api.getLaunch(launch);
      expect(steps.at(-1)).toMatchObject({ step: 'refresh', status: 'error', error: 'invalid_client' });
      expect(steps.at(-1)?.message).toMatch(/client_assertion of client_id .* was refused .*used once/);
    });

    it('a wrong aud is refused', async () => {
      expectInvalidClient(await introspect(await signed({ aud: sandbox.fhirBase })));
      expectInvalidClient(await introspect(await signed({ aud: 'https://elsewhere.example/token' })));
    });

    it('an expired assertion, and one valid for more than five minutes, are refused', async () => {
      expectInvalidClient(await introspect(await signed({ expiresIn: -120 })));
      expectInvalidClient(await introspect(await signed({ expiresIn: 3600 })));
    });

    it('iss or sub other than the client_id is refused', async () => {
      // Refused as a client_id mismatch (sub names the client) or as failed client authentication (iss).
      for (const assertion of [await signed({ iss: remote.clientId }), await signed({ sub: remote.clientId })]) {
        const res = await introspect(assertion);
        expect([400, 401]).toContain(res.status);
        expect(['invalid_request', 'invalid_client']).toContain(res.body?.error);
        expect(res.body?.active).toBeUndefined();
      }
    });

    it('HS256, alg none, and a key the app did not register are refused', async () => {
      expectInvalidClient(await introspect(await hs256Assertion(inline.clientId, sandbox.smart.token_endpoint, 'x')));
      expectInvalidClient(await introspect(unsignedAssertion(inline.clientId, sandbox.smart.token_endpoint)));
      const stranger = await assertionKey('RS384');
      expectInvalidClient(
        await introspect(await clientAssertion(stranger, inline.clientId, sandbox.smart.token_endpoint)),
      );
      // The ES384 key of the other app: right algorithm, not this app's key.
      expectInvalidClient(await introspect(await clientAssertion(ec, inline.clientId, sandbox.smart.token_endpoint)));
    });

    it('no client authentication at all is refused (a private_key_jwt app is not a public client)', async () => {
      const anonymous = await oauthPost(
        sandbox.smart.introspection_endpoint,
        { token: accessToken },
        { method: 'none', clientId: inline.clientId },
      );
      expectInvalidClient(anonymous);
    });
  });

  describe('registration', () => {
    const invalid = async (fields: Record<string, unknown>) => {
      const res = await sandbox.api.raw('POST', '/api/apps', {
        name: 'Bad Keys',
        oauthType: 'private_key_jwt',
        redirectUris: ['http://localhost:3000/cb'],
        ...fields,
      });
      expect(res.status).toBe(400);
      return (res.body as { fields: Record<string, string> }).fields;
    };

    it('refuses a private key with a field error on jwks', async () => {
      const { privateKey } = await generateKeyPair('ES384', { extractable: true });
      const privateJwk = await exportJWK(privateKey);
      const fields = await invalid({ jwks: { keys: [privateJwk] } });
      expect(Object.keys(fields)).toEqual(['jwks']);
      expect(fields.jwks).toContain('"d"');
    });

    it('refuses a missing key set, a symmetric key, text that is not JSON, and a JWKS on a "secret" app', async () => {
      expect(Object.keys(await invalid({}))).toEqual(['jwksUri']);
      expect(Object.keys(await invalid({ jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }))).toEqual(['jwks']);
      expect(Object.keys(await invalid({ jwks: '{"keys": [' }))).toEqual(['jwks']);
      expect(Object.keys(await invalid({ jwksUri: 'ftp://keys.example/jwks' }))).toEqual(['jwksUri']);
      expect(Object.keys(await invalid({ oauthType: 'secret', jwks: { keys: [rsa.publicJwk] } }))).toEqual(['jwks']);
    });

    it('accepts the JWKS as JSON text (what the app form sends)', async () => {
      const res = await sandbox.api.raw('POST', '/api/apps', {
        name: 'Pasted Keys',
        oauthType: 'private_key_jwt',
        redirectUris: ['http://localhost:3000/cb'],
        jwks: JSON.stringify({ keys: [ec.publicJwk] }),
      });
      expect(res.status).toBe(201);
      expect((res.body as AppRecord).jwks).toEqual({ keys: [ec.publicJwk] });
    });
  });
});
