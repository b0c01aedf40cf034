import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, exchange, fhirGet } from './fixtures/codes.ts';
import { oauthPost, pkcePair } from './fixtures/oauth.ts';
import type { OAuthResponse } from './fixtures/oauth.ts';
import { registerCast, startSandbox } from './fixtures/sandbox.ts';
import type { Cast, E2eSandbox } from './fixtures/sandbox.ts';

/** A 400/401 JSON error with the code given (or one of them) and a description. */
function expectOAuthError(res: OAuthResponse, errors: string | string[]): void {
  expect([400, 401], JSON.stringify(res.body)).toContain(res.status);
  expect(res.headers.get('content-type')).toContain('application/json');
  expect([errors].flat()).toContain(res.body?.error);
  expect(typeof res.body?.error_description).toBe('string');
  expect(res.body?.access_token).toBeUndefined();
}

describe('the token endpoint refuses what CONFORMANCE.md says it must', () => {
  let sandbox: E2eSandbox;
  let cast: Cast;
  beforeAll(async () => {
    sandbox = await startSandbox();
    cast = await registerCast(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('a confidential client with HTTP Basic gets every token field with no-store headers', async () => {
    const result = await authorize(sandbox, cast.confidential, cast.member.id);
    const res = await exchange(sandbox, cast.confidential, result);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('pragma')).toBe('no-cache');
    expect(res.body.token_type).toBe('Bearer');
    expect(typeof res.body.access_token).toBe('string');
    expect(typeof res.body.expires_in).toBe('number');
    expect(res.body.expires_in).toBeLessThanOrEqual(3600);
    expect(res.body.scope.split(' ')).toEqual(expect.arrayContaining(['openid', 'offline_access']));
    expect(res.body.patient).toBe(cast.member.id);
    expect(typeof res.body.id_token).toBe('string');
    expect(typeof res.body.refresh_token).toBe('string');
  });

  it('a confidential client may authenticate with client_secret_post instead', async () => {
    const result = await authorize(sandbox, cast.confidential, cast.member.id);
    const res = await exchange(sandbox, cast.confidential, result, {
      auth: { method: 'post', clientId: cast.confidential.clientId, secret: cast.confidential.clientSecret },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('a bad code gets invalid_grant', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id);
    expectOAuthError(
      await exchange(sandbox, cast.pub, result, { params: { code: 'not-a-real-code' } }),
      'invalid_grant',
    );
  });

  it('a code used twice fails and the tokens from it are revoked', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id);
    const first = await exchange(sandbox, cast.pub, result);
    expect(first.status).toBe(200);
    expect((await fhirGet(sandbox, `Patient/${cast.member.id}`, first.body.access_token)).status).toBe(200);
    expectOAuthError(await exchange(sandbox, cast.pub, result), 'invalid_grant');
    expect((await fhirGet(sandbox, `Patient/${cast.member.id}`, first.body.access_token)).status).toBe(401);
    const refresh = await oauthPost(
      sandbox.smart.token_endpoint,
      { grant_type: 'refresh_token', refresh_token: first.body.refresh_token },
      { method: 'none', clientId: cast.pub.clientId },
    );
    expectOAuthError(refresh, 'invalid_grant');
  });

  it('a redirect_uri differing from the authorize request gets invalid_grant', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id);
    const res = await exchange(sandbox, cast.pub, result, { params: { redirect_uri: 'http://127.0.0.1:9/other' } });
    expectOAuthError(res, 'invalid_grant');
  });

  it('a public client without code_verifier gets invalid_grant', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id);
    expectOAuthError(await exchange(sandbox, cast.pub, result, { omit: ['code_verifier'] }), [
      'invalid_grant',
      'invalid_request',
    ]);
  });

  it('a blank code_verifier fails', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id);
    expectOAuthError(await exchange(sandbox, cast.pub, result, { params: { code_verifier: '' } }), [
      'invalid_grant',
      'invalid_request',
    ]);
  });

  it('a wrong code_verifier gets invalid_grant', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id);
    const res = await exchange(sandbox, cast.pub, result, { params: { code_verifier: pkcePair().verifier } });
    expectOAuthError(res, 'invalid_grant');
  });

  it('a verifier equal to the challenge fails', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id);
    const res = await exchange(sandbox, cast.pub, result, { params: { code_verifier: result.pkce?.challenge ?? '' } });
    expectOAuthError(res, 'invalid_grant');
  });

  it('a code_verifier when the authorize request had no challenge fails', async () => {
    const result = await authorize(sandbox, cast.confidential, cast.member.id, { pkce: null });
    expect(result.code).toBeDefined();
    const res = await exchange(sandbox, cast.confidential, result, { params: { code_verifier: pkcePair().verifier } });
    expectOAuthError(res, ['invalid_grant', 'invalid_request']);
  });

  it('wrong client secret is invalid_client', async () => {
    const result = await authorize(sandbox, cast.confidential, cast.member.id);
    const res = await exchange(sandbox, cast.confidential, result, {
      auth: { method: 'basic', clientId: cast.confidential.clientId, secret: `${cast.confidential.clientSecret}x` },
    });
    expectOAuthError(res, 'invalid_client');
    expect(res.status).toBe(401);
  });

  it('a confidential client that sends no secret is invalid_client', async () => {
    const result = await authorize(sandbox, cast.confidential, cast.member.id);
    const res = await exchange(sandbox, cast.confidential, result, {
      auth: { method: 'none', clientId: cast.confidential.clientId },
    });
    expectOAuthError(res, 'invalid_client');
  });

  it('an unknown client id is invalid_client', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id);
    const res = await exchange(sandbox, cast.pub, result, { auth: { method: 'none', clientId: 'no-such-client' } });
    expectOAuthError(res, 'invalid_client');
  });

  it("another client's code gets invalid_grant", async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id);
    const res = await exchange(sandbox, cast.confidential, result);
    expectOAuthError(res, 'invalid_grant');
  });

  it('grant_type=password is unsupported_grant_type', async () => {
    const res = await oauthPost(
      sandbox.smart.token_endpoint,
      { grant_type: 'password', username: 'member', password: 'secret' },
      { method: 'basic', clientId: cast.confidential.clientId, secret: cast.confidential.clientSecret },
    );
    expectOAuthError(res, 'unsupported_grant_type');
  });

  it('an unknown grant_type is unsupported_grant_type', async () => {
    const res = await oauthPost(
      sandbox.smart.token_endpoint,
      { grant_type: 'urn:example:magic' },
      { method: 'none', clientId: cast.pub.clientId },
    );
    expectOAuthError(res, 'unsupported_grant_type');
  });

  it('client_credentials is not a grant of this server', async () => {
    const res = await oauthPost(
      sandbox.smart.token_endpoint,
      { grant_type: 'client_credentials', scope: 'system/*.rs' },
      { method: 'basic', clientId: cast.confidential.clientId, secret: cast.confidential.clientSecret },
    );
    expectOAuthError(res, ['unsupported_grant_type', 'unauthorized_client']);
  });
});
