import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calculateJwkThumbprint,
  createRemoteJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
} from 'jose';
import type { JSONWebKeySet, JWK } from 'jose';
import { authorize, authorizeParams, Browser, exchangeCode, postForm, clientAuth } from './testing/flow.ts';
import { CONFIDENTIAL, startHarness } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';

/** Members as the production realm has them: an account id that is not the Patient id. */
const MEMBERS = new Map([['member-ann', 'p-ann']]);

async function rsaKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
}

let h: Harness;
let keys: JWK[];
beforeAll(async () => {
  keys = [await rsaKey(), await rsaKey()];
  h = await startHarness({
    accounts: (accountId) => {
      const patientId = MEMBERS.get(accountId);
      return Promise.resolve(patientId === undefined ? undefined : { accountId, patientId });
    },
    keys: () => Promise.resolve(keys),
  });
});
afterAll(async () => {
  await h.close();
});

describe('an AccountSource whose accounts are not Patient ids', () => {
  it("binds tokens to the account's Patient: patient, fhirUser and introspection name it, sub is the account", async () => {
    const scope = 'openid fhirUser launch/patient offline_access patient/ExplanationOfBenefit.read';
    const outcome = await authorize(h, new Browser(), authorizeParams(h, CONFIDENTIAL, { scope, nonce: 'n1' }), {
      patient: 'member-ann',
    });
    const tokens = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    expect(tokens.body.patient).toBe('p-ann');
    const { payload } = await jwtVerify(String(tokens.body.id_token), createRemoteJWKSet(new URL(`${h.issuer}/jwks`)), {
      issuer: h.issuer,
      audience: CONFIDENTIAL.clientId,
    });
    expect(payload).toMatchObject({ sub: 'member-ann', fhirUser: `${h.fhirBase}/Patient/p-ann` });
    const grant = await h.auth.verifyAccessToken(String(tokens.body.access_token));
    expect(grant.patientId).toBe('p-ann');
    const { form, basic } = clientAuth(CONFIDENTIAL);
    const introspected = await postForm(
      `${h.issuer}/introspect`,
      { ...form, token: String(tokens.body.refresh_token) },
      basic,
    );
    expect(introspected.body).toMatchObject({ active: true, patient: 'p-ann' });
    expect(await h.auth.revokeAccess(CONFIDENTIAL.clientId, 'member-ann')).toBe(1);
    await expect(h.auth.verifyAccessToken(String(tokens.body.access_token))).rejects.toMatchObject({ status: 401 });
  });

  it('refuses to sign in an account the source does not know', async () => {
    const outcome = await authorize(h, new Browser(), authorizeParams(h, CONFIDENTIAL, { scope: 'launch/patient' }), {
      patient: 'nobody',
    });
    expect(outcome.redirect?.searchParams.get('code') ?? null).toBeNull();
  });
});

describe('a SigningKeySource', () => {
  it('signs with the first key and publishes every key in the JWKS', async () => {
    const jwks = (await (await fetch(`${h.issuer}/jwks`)).json()) as JSONWebKeySet;
    expect(jwks.keys.map((k) => k.kid)).toEqual(keys.map((k) => k.kid));
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    const outcome = await authorize(
      h,
      new Browser(),
      authorizeParams(h, CONFIDENTIAL, { scope: 'openid launch/patient' }),
      {
        patient: 'member-ann',
      },
    );
    const tokens = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    expect(decodeProtectedHeader(String(tokens.body.id_token)).kid).toBe(keys[0]?.kid);
  });
});
