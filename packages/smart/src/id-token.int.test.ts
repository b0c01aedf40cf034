import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { createMemoryKeyValueStore } from '@plan-api/store';
import { authorize, authorizeParams, Browser, exchangeCode } from './testing/flow.ts';
import { CONFIDENTIAL, startHarness } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function idTokenFor(harness: Harness, scope: string, nonce: string, patient: string): Promise<string> {
  const params = authorizeParams(harness, CONFIDENTIAL, { scope, nonce });
  const outcome = await authorize(harness, new Browser(), params, { patient });
  const tokens = await exchangeCode(harness, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
  return String(tokens.body.id_token);
}

describe('id_token', () => {
  it('is RS256 with the JWKS kid and carries iss, aud, exp, iat, sub, nonce and fhirUser', async () => {
    const idToken = await idTokenFor(h, 'openid fhirUser launch/patient patient/Patient.read', 'n-0S6_WzA2Mj', 'pat-7');
    const header = decodeProtectedHeader(idToken);
    const jwks = (await (await fetch(`${h.issuer}/jwks`)).json()) as JSONWebKeySet;
    expect(header.alg).toBe('RS256');
    expect(header.kid).toBe(jwks.keys[0]?.kid);
    const { payload } = await jwtVerify(idToken, createRemoteJWKSet(new URL(`${h.issuer}/jwks`)), {
      issuer: h.issuer,
      audience: CONFIDENTIAL.clientId,
      algorithms: ['RS256'],
    });
    expect(payload).toMatchObject({ sub: 'pat-7', nonce: 'n-0S6_WzA2Mj', fhirUser: `${h.fhirBase}/Patient/pat-7` });
    expect(payload.exp).toBeGreaterThan(payload.iat ?? Infinity);
  });

  it('the fhirUser is a patient the token can read', async () => {
    const params = authorizeParams(h, CONFIDENTIAL, { scope: 'openid fhirUser launch/patient patient/Patient.read' });
    const outcome = await authorize(h, new Browser(), params, { patient: 'pat-8' });
    const tokens = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    const grant = await h.auth.verifyAccessToken(String(tokens.body.access_token));
    const { payload } = await jwtVerify(String(tokens.body.id_token), createRemoteJWKSet(new URL(`${h.issuer}/jwks`)));
    expect(payload.fhirUser).toBe(`${h.fhirBase}/Patient/${grant.patientId}`);
    expect(grant.readable.has('Patient')).toBe(true);
  });

  it('no id_token without openid', async () => {
    const params = authorizeParams(h, CONFIDENTIAL, { scope: 'launch/patient patient/Patient.read' });
    const outcome = await authorize(h, new Browser(), params, { patient: 'pat-9' });
    const tokens = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    expect(tokens.status).toBe(200);
    expect(tokens.body.id_token).toBeUndefined();
  });
});

describe('signing keys', () => {
  it('are generated once per store: a restarted server signs with the same key', async () => {
    const kv = createMemoryKeyValueStore();
    const first = await startHarness({ kv });
    const before = await idTokenFor(first, 'openid fhirUser launch/patient', 'n1', 'p1');
    const firstKeys = (await (await fetch(`${first.issuer}/jwks`)).json()) as JSONWebKeySet;
    await first.close();

    const second = await startHarness({ kv });
    try {
      const secondKeys = (await (await fetch(`${second.issuer}/jwks`)).json()) as JSONWebKeySet;
      expect(secondKeys.keys.map((key) => key.kid)).toEqual(firstKeys.keys.map((key) => key.kid));
      await expect(jwtVerify(before, createLocalJWKSet(secondKeys))).resolves.toBeDefined();
      const other = await startHarness();
      try {
        const otherKeys = (await (await fetch(`${other.issuer}/jwks`)).json()) as JSONWebKeySet;
        expect(otherKeys.keys[0]?.kid).not.toBe(firstKeys.keys[0]?.kid);
      } finally {
        await other.close();
      }
    } finally {
      await second.close();
    }
  });
});
