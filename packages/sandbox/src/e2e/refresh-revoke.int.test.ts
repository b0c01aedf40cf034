import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOf, fhirGet, tokens } from './fixtures/codes.ts';
import { oauthPost, randomValue } from './fixtures/oauth.ts';
import type { OAuthResponse } from './fixtures/oauth.ts';
import { registerCast, startSandbox } from './fixtures/sandbox.ts';
import type { Cast, E2eSandbox } from './fixtures/sandbox.ts';
import type { AppRecord } from '@plan-api/portal';

function expectInvalidGrant(res: OAuthResponse): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body?.error).toBe('invalid_grant');
  expect(res.body?.access_token).toBeUndefined();
}

describe('refresh, revocation and introspection behave as CONFORMANCE.md says', () => {
  let sandbox: E2eSandbox;
  let cast: Cast;
  const refresh = (app: AppRecord, refreshToken: string, extra: Record<string, string> = {}) =>
    oauthPost(
      sandbox.smart.token_endpoint,
      { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra },
      authOf(app),
    );
  const revoke = (app: AppRecord, token: string, hint?: string) =>
    oauthPost(sandbox.smart.revocation_endpoint, { token, ...(hint ? { token_type_hint: hint } : {}) }, authOf(app));
  const introspect = (token: string) =>
    oauthPost(sandbox.smart.introspection_endpoint, { token }, authOf(cast.confidential));

  beforeAll(async () => {
    sandbox = await startSandbox();
    cast = await registerCast(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('a refresh without scope answers the same fields and headers, and the new access token works', async () => {
    const { token } = await tokens(sandbox, cast.confidential, cast.member.id);
    const res = await refresh(cast.confidential, token.body.refresh_token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('pragma')).toBe('no-cache');
    expect(res.body.token_type).toBe('Bearer');
    expect(res.body.expires_in).toBeLessThanOrEqual(3600);
    expect(res.body.patient).toBe(cast.member.id);
    expect(new Set(res.body.scope.split(' '))).toEqual(new Set(token.body.scope.split(' ')));
    expect(res.body.access_token).not.toBe(token.body.access_token);
    expect((await fhirGet(sandbox, `Patient/${cast.member.id}`, res.body.access_token)).status).toBe(200);
  });

  it('a refresh with a narrower scope grants only that subset', async () => {
    const { token } = await tokens(sandbox, cast.confidential, cast.member.id, {
      scope: 'launch openid fhirUser offline_access patient/Patient.rs patient/Observation.rs',
    });
    expect(token.body.scope.split(' ')).toContain('patient/Observation.rs');
    const res = await refresh(cast.confidential, token.body.refresh_token, { scope: 'patient/Patient.rs' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.scope.split(' ')).toContain('patient/Patient.rs');
    expect(res.body.scope.split(' ')).not.toContain('patient/Observation.rs');
    expect((await fhirGet(sandbox, `Patient/${cast.member.id}`, res.body.access_token)).status).toBe(200);
    expect((await fhirGet(sandbox, `Observation?patient=${cast.member.id}`, res.body.access_token)).status).toBe(403);
  });

  it('a refresh asking for more scope than was granted is invalid_scope', async () => {
    const { token } = await tokens(sandbox, cast.confidential, cast.member.id, {
      scope: 'launch openid fhirUser offline_access patient/Patient.rs',
    });
    const res = await refresh(cast.confidential, token.body.refresh_token, {
      scope: 'patient/Patient.rs patient/Observation.rs',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_scope');
  });

  it('a random refresh token gets invalid_grant', async () => {
    expectInvalidGrant(await refresh(cast.confidential, randomValue()));
  });

  it("another client's refresh token is rejected", async () => {
    const { token } = await tokens(sandbox, cast.pub, cast.member.id);
    expectInvalidGrant(await refresh(cast.confidential, token.body.refresh_token));
    // The owner can still use it: the refusal was about the client, not a broken token.
    expect((await refresh(cast.pub, token.body.refresh_token)).status).toBe(200);
  });

  it('refresh rotates for a public client: a new refresh token, and the old one then fails with invalid_grant', async () => {
    const { token } = await tokens(sandbox, cast.pub, cast.member.id);
    const rotated = await refresh(cast.pub, token.body.refresh_token);
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(typeof rotated.body.refresh_token).toBe('string');
    expect(rotated.body.refresh_token).not.toBe(token.body.refresh_token);
    expectInvalidGrant(await refresh(cast.pub, token.body.refresh_token));
  });

  it('reuse of a rotated refresh token revokes the family', async () => {
    const { token } = await tokens(sandbox, cast.pub, cast.member.id);
    const rotated = await refresh(cast.pub, token.body.refresh_token);
    expect(rotated.status).toBe(200);
    expectInvalidGrant(await refresh(cast.pub, token.body.refresh_token));
    expectInvalidGrant(await refresh(cast.pub, rotated.body.refresh_token));
    expect((await fhirGet(sandbox, `Patient/${cast.member.id}`, rotated.body.access_token)).status).toBe(401);
  });

  it('revocation answers 200 for an unknown token', async () => {
    const res = await revoke(cast.confidential, randomValue());
    expect(res.status).toBe(200);
  });

  it('a revoked access token gets 401 on the FHIR API and introspects as inactive', async () => {
    const { token } = await tokens(sandbox, cast.confidential, cast.member.id);
    expect((await fhirGet(sandbox, `Patient/${cast.member.id}`, token.body.access_token)).status).toBe(200);
    expect((await revoke(cast.confidential, token.body.access_token, 'access_token')).status).toBe(200);
    const after = await fhirGet(sandbox, `Patient/${cast.member.id}`, token.body.access_token);
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await introspect(token.body.access_token)).body).toEqual({ active: false });
  });

  it('a revoked refresh token gets invalid_grant', async () => {
    const { token } = await tokens(sandbox, cast.pub, cast.member.id);
    expect((await revoke(cast.pub, token.body.refresh_token, 'refresh_token')).status).toBe(200);
    expectInvalidGrant(await refresh(cast.pub, token.body.refresh_token));
  });

  it('introspection of an active token has active, client_id, the issued scope, exp, patient, iss and sub', async () => {
    const { token } = await tokens(sandbox, cast.confidential, cast.member.id);
    const res = await introspect(token.body.access_token);
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(true);
    expect(res.body.client_id).toBe(cast.confidential.clientId);
    expect(new Set(res.body.scope.split(' '))).toEqual(new Set(token.body.scope.split(' ')));
    expect(res.body.exp).toBeGreaterThan(Date.now() / 1000);
    expect(res.body.patient).toBe(cast.member.id);
    expect(res.body.iss).toBe(sandbox.smart.issuer);
    expect(typeof res.body.sub).toBe('string');
  });

  it('introspection of a random token is inactive', async () => {
    const res = await introspect(randomValue());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ active: false });
  });

  it('introspection without client authentication is refused', async () => {
    const { token } = await tokens(sandbox, cast.confidential, cast.member.id);
    const res = await oauthPost(
      sandbox.smart.introspection_endpoint,
      { token: token.body.access_token },
      { method: 'omit' },
    );
    expect([400, 401]).toContain(res.status);
    expect(res.body?.active).toBeUndefined();
  });
});
