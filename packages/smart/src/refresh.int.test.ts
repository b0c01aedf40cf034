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

const SCOPE = 'launch/patient openid fhirUser offline_access patient/Patient.read patient/Observation.rs';

async function tokensFor(client: SmartClient, patient = 'p-refresh', scope = SCOPE): Promise<TokenResult> {
  const pkce = pkcePair();
  const params = authorizeParams(h, client, { scope, pkce });
  const outcome = await authorize(h, new Browser(), params, { patient });
  const res = await exchangeCode(h, client, outcome.redirect?.searchParams.get('code') ?? '', pkce.verifier);
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return res;
}

function refresh(client: SmartClient, refreshToken: string, scope?: string): Promise<TokenResult> {
  const { form, basic } = clientAuth(client);
  return postForm(
    `${h.issuer}/token`,
    { ...form, grant_type: 'refresh_token', refresh_token: refreshToken, ...(scope ? { scope } : {}) },
    basic,
  );
}

describe('refresh token grant', () => {
  it('without scope: the same fields and headers, and the new access token works', async () => {
    const first = await tokensFor(CONFIDENTIAL);
    const res = await refresh(CONFIDENTIAL, String(first.body.refresh_token));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('pragma')).toBe('no-cache');
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      scope: SCOPE,
      patient: 'p-refresh',
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      id_token: expect.any(String),
    });
    expect(res.body.access_token).not.toBe(first.body.access_token);
    const grant = await h.auth.verifyAccessToken(String(res.body.access_token));
    expect(grant).toMatchObject({ patientId: 'p-refresh', clientId: CONFIDENTIAL.clientId });
    expect(grant.scopes.join(' ')).toBe(SCOPE);
  });

  it('with a subset scope: the new token has only that subset', async () => {
    const first = await tokensFor(CONFIDENTIAL);
    const res = await refresh(CONFIDENTIAL, String(first.body.refresh_token), 'patient/Patient.read launch/patient');
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('patient/Patient.read launch/patient');
    expect(res.body.patient).toBe('p-refresh');
    const grant = await h.auth.verifyAccessToken(String(res.body.access_token));
    expect([...grant.readable.keys()]).toEqual(['Patient']);
  });

  it('a scope beyond the grant gets invalid_scope', async () => {
    const first = await tokensFor(CONFIDENTIAL);
    const res = await refresh(CONFIDENTIAL, String(first.body.refresh_token), 'patient/Condition.read');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_scope');
  });

  it("a random or another client's refresh token gets 400", async () => {
    const random = await refresh(CONFIDENTIAL, 'not-a-refresh-token');
    expect(random.status).toBe(400);
    expect(random.body.error).toBe('invalid_grant');
    const foreign = await tokensFor(PUBLIC);
    const stolen = await refresh(CONFIDENTIAL, String(foreign.body.refresh_token));
    expect(stolen.status).toBe(400);
    expect(stolen.body.error).toBe('invalid_grant');
  });

  it('no refresh token without offline_access', async () => {
    const res = await tokensFor(CONFIDENTIAL, 'p1', 'launch/patient openid patient/Patient.read');
    expect(res.body.refresh_token).toBeUndefined();
  });
});

describe('refresh token rotation', () => {
  it("a public client's refresh token rotates, and reusing a rotated one revokes the whole family", async () => {
    const first = await tokensFor(PUBLIC);
    const original = String(first.body.refresh_token);
    const second = await refresh(PUBLIC, original);
    expect(second.status).toBe(200);
    const rotated = String(second.body.refresh_token);
    expect(rotated).not.toBe(original);

    const reuse = await refresh(PUBLIC, original);
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe('invalid_grant');
    const event = h.events.findLast((e) => e.type === 'refresh' && e.status === 'error');
    expect(event?.message).toMatch(/refresh token was already used/);

    expect((await refresh(PUBLIC, rotated)).body.error).toBe('invalid_grant');
    await expect(h.auth.verifyAccessToken(String(second.body.access_token))).rejects.toMatchObject({ status: 401 });
  });

  it("a confidential client's refresh token stays valid across refreshes", async () => {
    const first = await tokensFor(CONFIDENTIAL);
    const token = String(first.body.refresh_token);
    expect((await refresh(CONFIDENTIAL, token)).body.refresh_token).toBe(token);
    expect((await refresh(CONFIDENTIAL, token)).status).toBe(200);
  });
});
