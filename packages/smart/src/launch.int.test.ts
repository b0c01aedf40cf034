import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, authorizeParams, Browser, exchangeCode, pkcePair } from './testing/flow.ts';
import { CONFIDENTIAL, PUBLIC, RESOURCE_TYPES, startHarness } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('EHR launch', () => {
  it('binds the launch patient without a picker, and the token response names that patient', async () => {
    const launch = h.launch({ clientId: CONFIDENTIAL.clientId, patientId: 'pat-ehr', skipConsent: false });
    const params = authorizeParams(h, CONFIDENTIAL, {
      scope: 'launch openid fhirUser patient/Patient.read patient/Observation.read offline_access',
      launch,
      state: 'st-ehr',
    });
    const outcome = await authorize(h, new Browser(), params);
    expect(outcome.redirect?.searchParams.get('state')).toBe('st-ehr');
    const code = outcome.redirect?.searchParams.get('code');
    expect(code).toBeTruthy();
    expect(outcome.interactions.map((step) => step.prompt)).toEqual(['login', 'consent']);
    expect(outcome.interactions[0]?.patientId).toBe('pat-ehr');
    expect(outcome.interactions[1]?.launchId).toBe(launch);

    const token = await exchangeCode(h, CONFIDENTIAL, code ?? '');
    expect(token.status).toBe(200);
    expect(token.body.patient).toBe('pat-ehr');
    expect(token.body.token_type).toBe('Bearer');
    expect(String(token.body.scope).split(' ').sort()).toEqual(
      ['fhirUser', 'launch', 'offline_access', 'openid', 'patient/Observation.read', 'patient/Patient.read'].sort(),
    );
    expect(token.body.refresh_token).toEqual(expect.any(String));
    expect(token.body.id_token).toEqual(expect.any(String));

    const grant = await h.auth.verifyAccessToken(String(token.body.access_token));
    expect(grant.patientId).toBe('pat-ehr');
    expect(grant.launchId).toBe(launch);
    expect([...grant.readable.keys()].sort()).toEqual(['Observation', 'Patient']);
  });

  it('skipConsent grants every requested scope without showing consent (a wildcard as each type)', async () => {
    const launch = h.launch({ clientId: CONFIDENTIAL.clientId, patientId: 'pat-skip', skipConsent: true });
    const params = authorizeParams(h, CONFIDENTIAL, {
      scope: 'launch openid patient/*.read patient/Patient.cruds',
      launch,
    });
    const outcome = await authorize(h, new Browser(), params);
    expect(outcome.interactions.map((step) => step.prompt)).toEqual(['login']);
    const token = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    const types = RESOURCE_TYPES.map((type) => `patient/${type}.read`).join(' ');
    expect(token.body.scope).toBe(`launch openid ${types} patient/Patient.rs`);
    expect(token.body.patient).toBe('pat-skip');
  });

  it('a launch value works once only', async () => {
    const launch = h.launch({ clientId: CONFIDENTIAL.clientId, patientId: 'pat-once', skipConsent: true });
    const browser = new Browser();
    const first = await authorize(h, browser, authorizeParams(h, CONFIDENTIAL, { scope: 'launch openid', launch }));
    expect(first.redirect?.searchParams.get('code')).toBeTruthy();
    const again = await authorize(h, browser, authorizeParams(h, CONFIDENTIAL, { scope: 'launch openid', launch }));
    expect(again.redirect?.searchParams.get('code')).toBeNull();
    expect(again.redirect?.searchParams.get('error')).toBe('invalid_request');
  });

  it('a launch created for another app is refused', async () => {
    const launch = h.launch({ clientId: CONFIDENTIAL.clientId, patientId: 'pat-x', skipConsent: true });
    const pkce = pkcePair();
    const params = authorizeParams(h, PUBLIC, { scope: 'launch openid', launch, pkce });
    const outcome = await authorize(h, new Browser(), params);
    expect(outcome.redirect?.searchParams.get('error')).toBe('invalid_request');
    expect(outcome.redirect?.searchParams.get('code')).toBeNull();
  });
});

describe('standalone launch', () => {
  it('asks the member to pick a patient, then issues tokens for that patient', async () => {
    const pkce = pkcePair();
    const params = authorizeParams(h, PUBLIC, {
      scope: 'launch/patient openid fhirUser patient/*.rs',
      pkce,
      state: 'st-standalone',
    });
    const outcome = await authorize(h, new Browser(), params, { patient: 'pat-picked' });
    expect(outcome.interactions.map((step) => step.prompt)).toEqual(['login', 'consent']);
    expect(outcome.interactions[0]?.patientId).toBeUndefined();
    expect(outcome.redirect?.searchParams.get('state')).toBe('st-standalone');
    const token = await exchangeCode(h, PUBLIC, outcome.redirect?.searchParams.get('code') ?? '', pkce.verifier);
    expect(token.status).toBe(200);
    expect(token.body.patient).toBe('pat-picked');
    expect(token.body.refresh_token).toBeUndefined();
  });

  it('is not granted launch even when it asks for it: no consent line, not in the token response', async () => {
    const pkce = pkcePair();
    const params = authorizeParams(h, PUBLIC, { scope: 'launch launch/patient openid patient/Patient.read', pkce });
    const outcome = await authorize(h, new Browser(), params, { patient: 'pat-nolaunch' });
    const consent = outcome.interactions.find((step) => step.prompt === 'consent');
    expect(consent?.requested.flatMap((line) => line.scopes)).not.toContain('launch');
    const token = await exchangeCode(h, PUBLIC, outcome.redirect?.searchParams.get('code') ?? '', pkce.verifier);
    expect(token.body.scope).toBe('launch/patient openid patient/Patient.read');
    const accepted = h.events.findLast((e) => e.type === 'authorize' && e.message?.startsWith('Authorization request'));
    expect(accepted?.details).toEqual({ droppedScopes: ['launch'] });
  });

  it('a request of launch alone, without a launch, gets invalid_scope', async () => {
    const pkce = pkcePair();
    const outcome = await authorize(h, new Browser(), authorizeParams(h, PUBLIC, { scope: 'launch', pkce }));
    expect(outcome.redirect?.searchParams.get('error')).toBe('invalid_scope');
  });

  it('the same browser can pick another patient next time, without a sign-out detour', async () => {
    const browser = new Browser();
    const run = async (patient: string) => {
      const pkce = pkcePair();
      const params = authorizeParams(h, PUBLIC, { scope: 'launch/patient openid patient/Patient.read', pkce });
      const outcome = await authorize(h, browser, params, { patient });
      const token = await exchangeCode(h, PUBLIC, outcome.redirect?.searchParams.get('code') ?? '', pkce.verifier);
      return { outcome, token };
    };
    expect((await run('pat-first')).token.body.patient).toBe('pat-first');
    const second = await run('pat-second');
    expect(second.outcome.interactions.map((step) => step.prompt)).toEqual(['login', 'consent']);
    expect(second.token.body.patient).toBe('pat-second');

    const launch = h.launch({ clientId: CONFIDENTIAL.clientId, patientId: 'pat-third', skipConsent: true });
    const ehr = await authorize(h, browser, authorizeParams(h, CONFIDENTIAL, { scope: 'launch openid', launch }));
    const token = await exchangeCode(h, CONFIDENTIAL, ehr.redirect?.searchParams.get('code') ?? '');
    expect(token.body.patient).toBe('pat-third');
  });
});

describe('launch log', () => {
  it('reports each step of a launch with its launch id, and never a secret, code or token', async () => {
    h.events.length = 0;
    const launch = h.launch({ clientId: CONFIDENTIAL.clientId, patientId: 'pat-log', skipConsent: false });
    const params = authorizeParams(h, CONFIDENTIAL, {
      scope: 'launch openid offline_access patient/Patient.read',
      launch,
    });
    const outcome = await authorize(h, new Browser(), params);
    const code = outcome.redirect?.searchParams.get('code') ?? '';
    const token = await exchangeCode(h, CONFIDENTIAL, code);
    const steps = h.events.map((event) => `${event.type}:${event.status}`);
    expect(steps).toEqual(['authorize:ok', 'login:ok', 'consent:ok', 'token:ok']);
    for (const event of h.events) {
      expect(event.launchId, event.type).toBe(launch);
      expect(event.clientId, event.type).toBe(CONFIDENTIAL.clientId);
      expect(Date.parse(event.at)).not.toBeNaN();
    }
    expect(h.events.at(-1)).toMatchObject({
      patientId: 'pat-log',
      scopes: ['launch', 'openid', 'offline_access', 'patient/Patient.read'],
    });
    expect(h.events[0]?.message).toBe('Authorization request accepted; waiting for the member.');
    // The token step shows the response with its tokens masked, and the id_token's claims.
    const accessToken = String(token.body.access_token);
    expect(h.events.at(-1)?.details).toMatchObject({
      tokenResponse: {
        token_type: 'Bearer',
        patient: 'pat-log',
        access_token: `${accessToken.slice(0, 6)}… (${accessToken.length} chars)`,
      },
      idTokenClaims: { aud: CONFIDENTIAL.clientId, iss: h.issuer },
    });
    const logged = JSON.stringify(h.events);
    for (const secret of [
      CONFIDENTIAL.clientSecret,
      code,
      token.body.access_token,
      token.body.refresh_token,
      token.body.id_token,
    ]) {
      expect(logged).not.toContain(String(secret));
    }
  });
});

describe('launch log of failures', () => {
  it('a refused request of a launch is logged on that launch; a deny is logged once, on consent', async () => {
    h.events.length = 0;
    const launch = h.launch({ clientId: CONFIDENTIAL.clientId, patientId: 'pat-log', skipConsent: false });
    const wrongAud = authorizeParams(h, CONFIDENTIAL, {
      scope: 'launch openid',
      launch,
      aud: 'https://x.example/fhir',
    });
    await authorize(h, new Browser(), wrongAud);
    expect(h.events).toEqual([
      expect.objectContaining({ type: 'authorize', status: 'error', error: 'invalid_request', launchId: launch }),
    ]);

    h.events.length = 0;
    const params = authorizeParams(h, CONFIDENTIAL, { scope: 'launch openid patient/Patient.read', launch });
    const denied = await authorize(h, new Browser(), params, { consent: () => 'deny' });
    expect(denied.redirect?.searchParams.get('error')).toBe('access_denied');
    expect(h.events.map((event) => `${event.type}:${event.status}:${event.launchId}`)).toEqual([
      `authorize:ok:${launch}`,
      `login:ok:${launch}`,
      `consent:error:${launch}`,
    ]);
  });

  it('a garbage launch value is not reported as a launch id', async () => {
    h.events.length = 0;
    await authorize(h, new Browser(), authorizeParams(h, CONFIDENTIAL, { scope: 'launch openid', launch: 'garbage' }));
    expect(h.events).toHaveLength(1);
    expect(h.events[0]).toMatchObject({ type: 'authorize', status: 'error', clientId: CONFIDENTIAL.clientId });
    expect(h.events[0]?.launchId).toBeUndefined();
  });
});
