import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, authorizeParams, Browser, exchangeCode, pkcePair } from './testing/flow.ts';
import { CONFIDENTIAL, CONFIDENTIAL_REDIRECT, PUBLIC, RESOURCE_TYPES, startHarness } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const SCOPE = 'launch/patient openid fhirUser patient/Patient.read patient/Observation.read';

describe('the authorization endpoint refuses to redirect to an untrusted place', () => {
  it('an unknown client_id gets an error page, never a redirect', async () => {
    const params = authorizeParams(h, { ...CONFIDENTIAL, clientId: 'nobody' }, { scope: SCOPE });
    const outcome = await authorize(h, new Browser(), params);
    expect(outcome.redirect).toBeUndefined();
    expect(outcome.page?.status).toBe(400);
    expect(outcome.page?.html).toContain('client_id nobody is not registered');
  });

  it('an unregistered redirect_uri gets an error page that names the registered ones', async () => {
    const params = authorizeParams(h, CONFIDENTIAL, { scope: SCOPE, redirectUri: 'http://evil.example/cb' });
    const outcome = await authorize(h, new Browser(), params);
    expect(outcome.redirect).toBeUndefined();
    expect(outcome.page?.status).toBe(400);
    expect(outcome.page?.html).toContain(
      `redirect_uri http://evil.example/cb is not registered for this app; registered: ${CONFIDENTIAL.redirectUris.join(', ')}`,
    );
    const event = h.events.findLast((e) => e.type === 'authorize' && e.status === 'error');
    expect(event?.message).toContain('redirect_uri http://evil.example/cb is not registered for this app');
  });

  it('an altered redirect_uri (extra query, trailing slash, other case) gets an error page', async () => {
    for (const redirectUri of [
      `${CONFIDENTIAL_REDIRECT}?x=1`,
      `${CONFIDENTIAL_REDIRECT}/`,
      CONFIDENTIAL_REDIRECT.toUpperCase(),
    ]) {
      const outcome = await authorize(
        h,
        new Browser(),
        authorizeParams(h, CONFIDENTIAL, { scope: SCOPE, redirectUri }),
      );
      expect(outcome.redirect, redirectUri).toBeUndefined();
      expect(outcome.page?.status, redirectUri).toBe(400);
    }
  });

  it('a page shows request values escaped', async () => {
    const params = authorizeParams(h, CONFIDENTIAL, { scope: SCOPE, redirectUri: 'http://x.example/<script>' });
    const outcome = await authorize(h, new Browser(), params);
    expect(outcome.page?.html).not.toContain('<script>');
    expect(outcome.page?.html).toContain('&lt;script&gt;');
  });
});

describe('the authorization endpoint refuses bad requests with an error redirect and no code', () => {
  async function refused(params: URLSearchParams, error: string): Promise<URL> {
    const outcome = await authorize(h, new Browser(), params, { patient: 'p1' });
    const redirect = outcome.redirect;
    if (!redirect) throw new Error(`expected a redirect, got ${outcome.page?.status}`);
    const answer = new URLSearchParams(redirect.hash.slice(1) || redirect.search);
    expect(answer.get('error')).toBe(error);
    expect(answer.get('code')).toBeNull();
    expect(answer.get('access_token')).toBeNull();
    expect(answer.get('state')).toBe(params.get('state'));
    return redirect;
  }

  it('response_type=token is unsupported_response_type: never a token from this endpoint', async () => {
    const params = authorizeParams(h, CONFIDENTIAL, { scope: SCOPE });
    params.set('response_type', 'token');
    await refused(params, 'unsupported_response_type');
  });

  it('a public client without code_challenge gets invalid_request', async () => {
    await refused(authorizeParams(h, PUBLIC, { scope: SCOPE }), 'invalid_request');
  });

  it('code_challenge_method=plain gets invalid_request, for public and confidential clients', async () => {
    const plain = { challenge: pkcePair().verifier, method: 'plain' };
    await refused(authorizeParams(h, PUBLIC, { scope: SCOPE, pkce: plain }), 'invalid_request');
    await refused(authorizeParams(h, CONFIDENTIAL, { scope: SCOPE, pkce: plain }), 'invalid_request');
  });

  it('an aud other than the FHIR base, or none, gets invalid_request and says what aud must be', async () => {
    await refused(
      authorizeParams(h, CONFIDENTIAL, { scope: SCOPE, aud: 'https://other.example/fhir' }),
      'invalid_request',
    );
    const event = h.events.findLast((e) => e.type === 'authorize' && e.status === 'error');
    expect(event?.message).toBe(`aud must be the FHIR base ${h.fhirBase} (got https://other.example/fhir)`);
    await refused(authorizeParams(h, CONFIDENTIAL, { scope: SCOPE, aud: `${h.fhirBase}/Patient` }), 'invalid_request');
    await refused(authorizeParams(h, CONFIDENTIAL, { scope: SCOPE, aud: null }), 'invalid_request');
  });

  it("a launchResolved hook's AuthHookError fails the authorization with its error and its own words", async () => {
    for (const error of ['access_denied', 'invalid_scope']) {
      const tags = { refuse: 'authorize', error };
      const launch = h.launch({ clientId: CONFIDENTIAL.clientId, patientId: 'p1', skipConsent: true, tags });
      await refused(authorizeParams(h, CONFIDENTIAL, { scope: `launch ${SCOPE}`, launch }), error);
      const event = h.events.findLast((e) => e.type === 'authorize' && e.status === 'error');
      expect(event).toMatchObject({ error, launchId: launch, message: `hook refused: ${error}` });
    }
  });

  it('deny at consent sends access_denied with the same state', async () => {
    const params = authorizeParams(h, CONFIDENTIAL, { scope: SCOPE, state: 'a b/c?d=é' });
    const outcome = await authorize(h, new Browser(), params, { patient: 'p1', consent: () => 'deny' });
    expect(outcome.redirect?.searchParams.get('error')).toBe('access_denied');
    expect(outcome.redirect?.searchParams.get('state')).toBe('a b/c?d=é');
    expect(outcome.redirect?.searchParams.get('code')).toBeNull();
  });
});

describe('authorization flow', () => {
  it('echoes state unchanged and answers with 303 redirects only', async () => {
    const state = 'x'.repeat(10) + "~!*()'";
    const outcome = await authorize(h, new Browser(), authorizeParams(h, CONFIDENTIAL, { scope: SCOPE, state }), {
      patient: 'p1',
    });
    expect(outcome.redirect?.searchParams.get('state')).toBe(state);
    expect(outcome.redirect?.origin + (outcome.redirect?.pathname ?? '')).toBe(CONFIDENTIAL_REDIRECT);
    expect(new Set(outcome.statuses)).toEqual(new Set([303]));
  });

  it('accepts the authorization request as a form POST, answering 303', async () => {
    const pkce = pkcePair();
    const params = authorizeParams(h, PUBLIC, { scope: SCOPE, pkce, state: 'posted' });
    const outcome = await authorize(h, new Browser(), params, { patient: 'p-post' }, true);
    expect(outcome.statuses[0]).toBe(303);
    expect(outcome.redirect?.searchParams.get('state')).toBe('posted');
    const token = await exchangeCode(h, PUBLIC, outcome.redirect?.searchParams.get('code') ?? '', pkce.verifier);
    expect(token.body.patient).toBe('p-post');
  });

  it('the member can untick resource types: the granted scope and the FHIR access lack them', async () => {
    const params = authorizeParams(h, CONFIDENTIAL, { scope: 'launch/patient openid patient/*.read' });
    const outcome = await authorize(h, new Browser(), params, {
      patient: 'p-untick',
      consent: (details) =>
        details.requested.filter((line) => line.resourceType !== 'Observation').flatMap((line) => line.scopes),
    });
    const token = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    const scopes = String(token.body.scope).split(' ');
    expect(scopes).not.toContain('patient/*.read');
    expect(scopes).not.toContain('patient/Observation.read');
    expect(scopes).toEqual(
      expect.arrayContaining(['openid', 'launch/patient', 'patient/Patient.read', 'patient/Coverage.read']),
    );
    const grant = await h.auth.verifyAccessToken(String(token.body.access_token));
    expect(grant.readable.has('Observation')).toBe(false);
    expect(grant.readable.has('ExplanationOfBenefit')).toBe(true);
  });

  it('a v2 granular scope is granted as asked and restricts its type on the FHIR side', async () => {
    const lab = 'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory';
    const scope = `launch/patient openid patient/Patient.rs ${lab}`;
    const outcome = await authorize(h, new Browser(), authorizeParams(h, CONFIDENTIAL, { scope }), {
      patient: 'p-lab',
    });
    const consent = outcome.interactions.find((step) => step.prompt === 'consent');
    expect(consent?.requested.find((line) => line.scopes.includes(lab))?.description).toMatch(
      /\(only category laboratory\)$/,
    );
    const token = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    expect(token.body.scope).toBe(scope);
    const grant = await h.auth.verifyAccessToken(String(token.body.access_token));
    expect(grant.readable.get('Observation')).toEqual([lab.slice(lab.indexOf('?') + 1)]);
    expect(grant.readable.get('Patient')).toEqual([]);
  });

  it('unsupported scopes are dropped, never granted, and the launch log says which', async () => {
    const scope = `${SCOPE} user/Medication.read patient/Medication.read patient/Observation.write system/*.rs`;
    const outcome = await authorize(h, new Browser(), authorizeParams(h, CONFIDENTIAL, { scope }), { patient: 'p1' });
    const token = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    expect(String(token.body.scope).split(' ').sort()).toEqual(SCOPE.split(' ').sort());
    const accepted = h.events.findLast((e) => e.type === 'authorize' && e.message?.startsWith('Authorization request'));
    expect(accepted?.details).toEqual({
      droppedScopes: ['user/Medication.read', 'patient/Medication.read', 'patient/Observation.write', 'system/*.rs'],
    });
  });

  it('a wildcard is granted as the list of supported types, in the token response and on the consent page', async () => {
    for (const wildcard of ['patient/*.read', 'patient/*.rs', 'patient/*.*', 'patient/*.cruds']) {
      const scope = `launch/patient openid ${wildcard}`;
      const outcome = await authorize(h, new Browser(), authorizeParams(h, CONFIDENTIAL, { scope }), {
        patient: 'p-wild',
      });
      const consent = outcome.interactions.find((step) => step.prompt === 'consent');
      expect(consent?.requested.map((line) => line.resourceType).filter(Boolean)).toEqual([...RESOURCE_TYPES]);
      expect(consent?.requested.flatMap((line) => line.scopes).some((item) => item.includes('*'))).toBe(false);
      const token = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
      const permissions = wildcard.endsWith('.read') || wildcard.endsWith('.*') ? 'read' : 'rs';
      expect(token.body.scope).toBe(
        `launch/patient openid ${RESOURCE_TYPES.map((type) => `patient/${type}.${permissions}`).join(' ')}`,
      );
      const grant = await h.auth.verifyAccessToken(String(token.body.access_token));
      expect([...grant.readable.keys()]).toEqual([...RESOURCE_TYPES]);
    }
  });

  it('write scopes are never granted: v1 .write dropped, .* as .read; v2 .cruds as .rs, write-only dropped', async () => {
    const scope = [
      'launch/patient openid',
      'patient/Observation.write patient/Patient.*',
      'patient/Condition.cruds patient/Coverage.cud patient/ExplanationOfBenefit.crs',
    ].join(' ');
    const outcome = await authorize(h, new Browser(), authorizeParams(h, CONFIDENTIAL, { scope }), {
      patient: 'p-write',
    });
    const consent = outcome.interactions.find((step) => step.prompt === 'consent');
    expect(consent?.requested.map((line) => line.resourceType).filter(Boolean)).toEqual([
      'Patient',
      'Condition',
      'ExplanationOfBenefit',
    ]);
    const token = await exchangeCode(h, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    expect(token.body.scope).toBe(
      'launch/patient openid patient/Patient.read patient/Condition.rs patient/ExplanationOfBenefit.rs',
    );
    const accepted = h.events.findLast((e) => e.type === 'authorize' && e.message?.startsWith('Authorization request'));
    expect(accepted?.details).toEqual({
      droppedScopes: ['patient/Observation.write', 'patient/Coverage.cud'],
      narrowedScopes: {
        'patient/Patient.*': ['patient/Patient.read'],
        'patient/Condition.cruds': ['patient/Condition.rs'],
        'patient/ExplanationOfBenefit.crs': ['patient/ExplanationOfBenefit.rs'],
      },
    });
    const grant = await h.auth.verifyAccessToken(String(token.body.access_token));
    expect([...grant.readable.keys()]).toEqual(['Patient', 'ExplanationOfBenefit', 'Condition']);
  });

  it('a request with no grantable scope at all gets invalid_scope', async () => {
    const params = authorizeParams(h, CONFIDENTIAL, { scope: 'system/*.read user/Claim.read', state: 's1' });
    const outcome = await authorize(h, new Browser(), params, { patient: 'p1' });
    expect(outcome.redirect?.searchParams.get('error')).toBe('invalid_scope');
  });

  it('consent shows the app, each permission and the offline-access notice', async () => {
    const params = authorizeParams(h, CONFIDENTIAL, { scope: `${SCOPE} offline_access` });
    const outcome = await authorize(h, new Browser(), params, { patient: 'p1' });
    const consent = outcome.interactions.find((step) => step.prompt === 'consent');
    expect(consent?.client).toMatchObject({ name: 'Claims Viewer <Pro>', organizationName: 'Acme Health Apps' });
    expect(consent?.offlineAccess).toBe(true);
    expect(consent?.patientId).toBe('p1');
    expect(consent?.requested.map((line) => line.resourceType).filter(Boolean)).toEqual(['Patient', 'Observation']);
  });
});
