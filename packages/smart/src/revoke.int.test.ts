import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, authorizeParams, Browser, clientAuth, exchangeCode, pkcePair, postForm } from './testing/flow.ts';
import type { TokenResult } from './testing/flow.ts';
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

const SCOPE = 'launch/patient openid fhirUser offline_access patient/Patient.read patient/ExplanationOfBenefit.rs';

async function tokensFor(client: SmartClient, patient: string): Promise<TokenResult> {
  const pkce = pkcePair();
  const outcome = await authorize(h, new Browser(), authorizeParams(h, client, { scope: SCOPE, pkce }), { patient });
  return exchangeCode(h, client, outcome.redirect?.searchParams.get('code') ?? '', pkce.verifier);
}

function call(endpoint: 'revoke' | 'introspect', client: SmartClient, token: string): Promise<TokenResult> {
  const { form, basic } = clientAuth(client);
  return postForm(`${h.issuer}/${endpoint}`, { ...form, token }, basic);
}

function refresh(client: SmartClient, refreshToken: string): Promise<TokenResult> {
  const { form, basic } = clientAuth(client);
  return postForm(`${h.issuer}/token`, { ...form, grant_type: 'refresh_token', refresh_token: refreshToken }, basic);
}

describe('introspection', () => {
  it('an active token shows client_id, the issued scope, exp, patient, iss and sub', async () => {
    const tokens = await tokensFor(CONFIDENTIAL, 'p-intro');
    const res = await call('introspect', CONFIDENTIAL, String(tokens.body.access_token));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      active: true,
      client_id: CONFIDENTIAL.clientId,
      scope: tokens.body.scope,
      patient: 'p-intro',
      iss: h.issuer,
      sub: 'p-intro',
      exp: expect.any(Number),
    });
    const rt = await call('introspect', CONFIDENTIAL, String(tokens.body.refresh_token));
    expect(rt.body).toMatchObject({ active: true, patient: 'p-intro', client_id: CONFIDENTIAL.clientId });
  });

  it('an unknown token is {"active": false}', async () => {
    const res = await call('introspect', CONFIDENTIAL, 'nope');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ active: false });
  });

  it('requires client authentication', async () => {
    const tokens = await tokensFor(CONFIDENTIAL, 'p-intro');
    const anonymous = await postForm(`${h.issuer}/introspect`, { token: String(tokens.body.access_token) });
    expect(anonymous.status).toBeGreaterThanOrEqual(400);
    expect(anonymous.body.active).toBeUndefined();
    const wrong = await postForm(
      `${h.issuer}/introspect`,
      { token: String(tokens.body.access_token) },
      { id: CONFIDENTIAL.clientId, secret: 'wrong' },
    );
    expect(wrong.status).toBe(401);
  });

  it("another app's token is not active for the caller", async () => {
    const tokens = await tokensFor(PUBLIC, 'p-intro');
    const res = await call('introspect', CONFIDENTIAL, String(tokens.body.access_token));
    expect(res.body).toEqual({ active: false });
  });
});

describe('revocation', () => {
  it('answers 200 for an unknown token', async () => {
    const res = await call('revoke', CONFIDENTIAL, 'unknown-token');
    expect(res.status).toBe(200);
  });

  it('a revoked access token gets 401 on the FHIR side and is inactive', async () => {
    const tokens = await tokensFor(CONFIDENTIAL, 'p-rev');
    const access = String(tokens.body.access_token);
    await expect(h.auth.verifyAccessToken(access)).resolves.toMatchObject({ patientId: 'p-rev' });
    expect((await call('revoke', CONFIDENTIAL, access)).status).toBe(200);
    await expect(h.auth.verifyAccessToken(access)).rejects.toMatchObject({ status: 401 });
    expect((await call('introspect', CONFIDENTIAL, access)).body).toEqual({ active: false });
  });

  it('a revoked refresh token gets invalid_grant, and its access tokens stop working', async () => {
    const tokens = await tokensFor(PUBLIC, 'p-rev');
    expect((await call('revoke', PUBLIC, String(tokens.body.refresh_token))).status).toBe(200);
    const res = await refresh(PUBLIC, String(tokens.body.refresh_token));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
    await expect(h.auth.verifyAccessToken(String(tokens.body.access_token))).rejects.toMatchObject({ status: 401 });
  });
});

describe('a member revoking an app', () => {
  it('revokes every token of that app for that member, and nothing else', async () => {
    const mine = await tokensFor(CONFIDENTIAL, 'p-member');
    const again = await tokensFor(CONFIDENTIAL, 'p-member');
    const otherMember = await tokensFor(CONFIDENTIAL, 'p-other');
    const otherApp = await tokensFor(PUBLIC, 'p-member');

    expect(await h.auth.revokeAccess(CONFIDENTIAL.clientId, 'p-member')).toBe(2);

    for (const tokens of [mine, again]) {
      await expect(h.auth.verifyAccessToken(String(tokens.body.access_token))).rejects.toMatchObject({ status: 401 });
      expect((await refresh(CONFIDENTIAL, String(tokens.body.refresh_token))).body.error).toBe('invalid_grant');
    }
    await expect(h.auth.verifyAccessToken(String(otherMember.body.access_token))).resolves.toBeDefined();
    await expect(h.auth.verifyAccessToken(String(otherApp.body.access_token))).resolves.toBeDefined();
    expect(await h.auth.revokeAccess(CONFIDENTIAL.clientId, 'p-member')).toBe(0);
  });
});

describe('access token verification', () => {
  it('a random, empty or expired token is refused with 401', async () => {
    await expect(h.auth.verifyAccessToken('random')).rejects.toMatchObject({ status: 401, code: 'invalid_token' });
    await expect(h.auth.verifyAccessToken('')).rejects.toMatchObject({ status: 401 });
    const short = await startHarness({ ttl: { accessToken: 1 } });
    try {
      const outcome = await authorize(short, new Browser(), authorizeParams(short, CONFIDENTIAL, { scope: SCOPE }), {
        patient: 'p1',
      });
      const tokens = await exchangeCode(short, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
      expect(tokens.body.expires_in).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      await expect(short.auth.verifyAccessToken(String(tokens.body.access_token))).rejects.toMatchObject({
        status: 401,
      });
    } finally {
      await short.close();
    }
  });

  it('a token of an app that was deleted is refused', async () => {
    const tokens = await tokensFor(CONFIDENTIAL, 'p1');
    h.apps.delete(CONFIDENTIAL.clientId);
    try {
      await expect(h.auth.verifyAccessToken(String(tokens.body.access_token))).rejects.toMatchObject({ status: 401 });
    } finally {
      h.apps.set(CONFIDENTIAL.clientId, CONFIDENTIAL);
    }
  });

  it("passes the launch's tags through to what the access token allows", async () => {
    const launch = h.launch({
      clientId: CONFIDENTIAL.clientId,
      patientId: 'p-sim',
      skipConsent: true,
      tags: { simulateError: 'expired_token' },
    });
    const params = authorizeParams(h, CONFIDENTIAL, { scope: `launch ${SCOPE}`, launch });
    const outcome = await authorize(h, new Browser(), params);
    const tokens = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    const grant = await h.auth.verifyAccessToken(String(tokens.body.access_token));
    expect(grant).toMatchObject({ tags: { simulateError: 'expired_token' }, launchId: launch, patientId: 'p-sim' });
    expect(grant.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(grant.fhirUser).toBe(`${h.fhirBase}/Patient/p-sim`);
  });
});
