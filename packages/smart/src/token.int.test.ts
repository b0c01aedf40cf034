import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, authorizeParams, Browser, exchangeCode, pkcePair, postForm } from './testing/flow.ts';
import type { Pkce } from './testing/flow.ts';
import { CONFIDENTIAL, PUBLIC, RESOURCE_TYPES, startHarness } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';
import type { SmartClient } from './types.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const SCOPE = 'launch/patient openid fhirUser offline_access patient/*.read';
/** SCOPE as granted: the wildcard is each supported type. */
const GRANTED = `launch/patient openid fhirUser offline_access ${RESOURCE_TYPES.map((type) => `patient/${type}.read`).join(' ')}`;

async function codeFor(client: SmartClient, pkce?: Pkce, patient = 'p-token'): Promise<string> {
  const params = authorizeParams(h, client, { scope: SCOPE, ...(pkce ? { pkce } : {}) });
  const outcome = await authorize(h, new Browser(), params, { patient });
  const code = outcome.redirect?.searchParams.get('code');
  if (!code) throw new Error(`no code: ${outcome.redirect?.toString() ?? outcome.page?.html}`);
  return code;
}

function expectNoStore(headers: Headers): void {
  expect(headers.get('cache-control')).toBe('no-store');
  expect(headers.get('pragma')).toBe('no-cache');
}

function expectError(result: { status: number; body: Record<string, unknown> }, status: number, error: string): void {
  expect(result.status).toBe(status);
  expect(result.body.error).toBe(error);
  expect(result.body.error_description).toEqual(expect.any(String));
}

describe('token endpoint success', () => {
  it('answers with the SMART token response and no-store headers', async () => {
    const res = await exchangeCode(h, CONFIDENTIAL, await codeFor(CONFIDENTIAL));
    expect(res.status).toBe(200);
    expectNoStore(res.headers);
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      patient: 'p-token',
      scope: GRANTED,
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      id_token: expect.any(String),
    });
    expect(typeof res.body.expires_in).toBe('number');
    expect(res.body.expires_in).toBeLessThanOrEqual(3600);
    expect(res.body.expires_in).toBeGreaterThan(0);
  });

  it('a confidential client may authenticate with client_secret_post', async () => {
    const code = await codeFor(CONFIDENTIAL);
    const res = await postForm(`${h.issuer}/token`, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CONFIDENTIAL.redirectUris[0] ?? '',
      client_id: CONFIDENTIAL.clientId,
      client_secret: CONFIDENTIAL.clientSecret ?? '',
    });
    expect(res.status).toBe(200);
  });

  it('a public client sends only its client_id and its code_verifier', async () => {
    const pkce = pkcePair();
    const res = await exchangeCode(h, PUBLIC, await codeFor(PUBLIC, pkce), pkce.verifier);
    expect(res.status).toBe(200);
    expect(res.body.patient).toBe('p-token');
  });
});

describe('token endpoint must-fail cases', () => {
  it('a bad code gets invalid_grant', async () => {
    const res = await exchangeCode(h, CONFIDENTIAL, 'not-a-code');
    expectError(res, 400, 'invalid_grant');
    expectNoStore(res.headers);
  });

  it('errors are JSON even for a caller that prefers HTML', async () => {
    const res = await fetch(`${h.issuer}/token`, {
      method: 'POST',
      headers: { accept: 'text/html' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: 'x',
        redirect_uri: PUBLIC.redirectUris[0] ?? '',
        client_id: PUBLIC.clientId,
      }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.any(String) });
  });

  it('a code used twice fails, and the tokens issued from it are revoked', async () => {
    const code = await codeFor(CONFIDENTIAL);
    const first = await exchangeCode(h, CONFIDENTIAL, code);
    expect(first.status).toBe(200);
    await expect(h.auth.verifyAccessToken(String(first.body.access_token))).resolves.toBeDefined();
    expectError(await exchangeCode(h, CONFIDENTIAL, code), 400, 'invalid_grant');
    await expect(h.auth.verifyAccessToken(String(first.body.access_token))).rejects.toMatchObject({ status: 401 });
    const refresh = await postForm(
      `${h.issuer}/token`,
      { grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) },
      { id: CONFIDENTIAL.clientId, secret: CONFIDENTIAL.clientSecret ?? '' },
    );
    expectError(refresh, 400, 'invalid_grant');
    const event = h.events.findLast((e) => e.type === 'token' && e.status === 'error');
    expect(event?.message).toMatch(/code was already used/);
  });

  it('a redirect_uri differing from the authorize request fails', async () => {
    const code = await codeFor(CONFIDENTIAL);
    const res = await postForm(
      `${h.issuer}/token`,
      { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL.redirectUris[1] ?? '' },
      { id: CONFIDENTIAL.clientId, secret: CONFIDENTIAL.clientSecret ?? '' },
    );
    expectError(res, 400, 'invalid_grant');
  });

  it('a missing, blank or wrong code_verifier fails, and so does the challenge itself as verifier', async () => {
    const pkce = pkcePair();
    const code = await codeFor(PUBLIC, pkce);
    const base = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: PUBLIC.redirectUris[0] ?? '',
      client_id: PUBLIC.clientId,
    };
    for (const verifier of [undefined, '', pkcePair().verifier, pkce.challenge]) {
      const form = verifier === undefined ? base : { ...base, code_verifier: verifier };
      expectError(await postForm(`${h.issuer}/token`, form), 400, 'invalid_grant');
    }
  });

  it('a code_verifier when the authorize request had no challenge fails', async () => {
    const res = await exchangeCode(h, CONFIDENTIAL, await codeFor(CONFIDENTIAL), pkcePair().verifier);
    expectError(res, 400, 'invalid_grant');
    const event = h.events.findLast((e) => e.type === 'token' && e.status === 'error');
    expect(event?.message).toMatch(/authorize request had no code_challenge/);
  });

  it('a wrong client secret or an unknown client id gets invalid_client', async () => {
    const code = await codeFor(CONFIDENTIAL);
    const form = { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL.redirectUris[0] ?? '' };
    expectError(
      await postForm(`${h.issuer}/token`, form, { id: CONFIDENTIAL.clientId, secret: 'wrong' }),
      401,
      'invalid_client',
    );
    const event = h.events.findLast((e) => e.type === 'token' && e.status === 'error');
    expect(event?.message).toBe(
      'client_secret is wrong for client_id confidential-app: use the secret shown on the app page',
    );
    expect(JSON.stringify(h.events)).not.toContain(CONFIDENTIAL.clientSecret);
    expectError(await postForm(`${h.issuer}/token`, form, { id: 'nobody', secret: 'x' }), 401, 'invalid_client');
    const unknown = h.events.findLast((e) => e.type === 'token' && e.status === 'error');
    expect(unknown).toMatchObject({
      clientId: 'nobody',
      message: expect.stringContaining('client_id nobody is not registered'),
    });
    expectError(
      await postForm(`${h.issuer}/token`, { ...form, client_id: CONFIDENTIAL.clientId }),
      401,
      'invalid_client',
    );
  });

  it('another client cannot redeem a code', async () => {
    const code = await codeFor(CONFIDENTIAL);
    const res = await postForm(`${h.issuer}/token`, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CONFIDENTIAL.redirectUris[0] ?? '',
      client_id: PUBLIC.clientId,
    });
    expectError(res, 400, 'invalid_grant');
  });

  it('grant_type password or unknown is unsupported_grant_type', async () => {
    const basic = { id: CONFIDENTIAL.clientId, secret: CONFIDENTIAL.clientSecret ?? '' };
    for (const grantType of ['password', 'urn:example:unknown', 'client_credentials', 'implicit']) {
      const res = await postForm(`${h.issuer}/token`, { grant_type: grantType, username: 'a', password: 'b' }, basic);
      expectError(res, 400, 'unsupported_grant_type');
    }
  });

  it("a codeExchange hook's AuthHookError fails the token request without issuing tokens", async () => {
    const launch = h.launch({
      clientId: CONFIDENTIAL.clientId,
      patientId: 'p-sim',
      skipConsent: true,
      tags: { refuse: 'token', error: 'invalid_client' },
    });
    const outcome = await authorize(
      h,
      new Browser(),
      authorizeParams(h, CONFIDENTIAL, { scope: `launch ${SCOPE}`, launch }),
    );
    const res = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    expectError(res, 401, 'invalid_client');
    expect(res.body.access_token).toBeUndefined();
    expect(h.events.findLast((e) => e.type === 'token')).toMatchObject({
      status: 'error',
      launchId: launch,
      message: 'hook refused: invalid_client',
    });
  });
});

describe('code lifetime', () => {
  it('a code expires after its lifetime', async () => {
    const short = await startHarness({ ttl: { authorizationCode: 1 } });
    try {
      const params = authorizeParams(short, CONFIDENTIAL, { scope: SCOPE });
      const outcome = await authorize(short, new Browser(), params, { patient: 'p1' });
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const res = await exchangeCode(short, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
      expectError(res, 400, 'invalid_grant');
    } finally {
      await short.close();
    }
  });
});
