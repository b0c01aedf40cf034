import { describe, expect, it } from 'vitest';
import type { AuthEvent } from '@plan-api/smart';
import { appInput, OWNER } from '../testing/harness.ts';
import { launchSetup } from '../testing/launch-setup.ts';

const AT = '2026-07-01T12:00:01.000Z';

describe('recordAuthEvent', () => {
  it("attaches an event to its launch and moves the launch's status along", async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    const base = { at: AT, clientId: app.clientId, launchId: launch.id } as const;
    await portal.recordAuthEvent({ ...base, type: 'authorize', status: 'ok' });
    expect((await portal.getLaunch(OWNER, launch.id)).launch.status).toBe('authorizing');
    const step = await portal.recordAuthEvent({
      ...base,
      type: 'token',
      status: 'ok',
      grantId: 'g1',
      scopes: ['openid', 'patient/Patient.rs'],
    });
    expect(step).toMatchObject({
      launchId: launch.id,
      seq: 3,
      at: AT,
      step: 'token',
      status: 'ok',
      scopes: ['openid', 'patient/Patient.rs'],
      message: 'The app exchanged the authorization code for tokens.',
      details: { grantId: 'g1' },
    });
    expect((await portal.getLaunch(OWNER, launch.id)).launch.status).toBe('authorized');
  });

  it('a failed token exchange fails the launch and keeps the server message', async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    const message = `redirect_uri http://x is not registered for this app; registered: ${app.redirectUris.join(', ')}`;
    const step = await portal.recordAuthEvent({
      type: 'token',
      at: AT,
      clientId: app.clientId,
      launchId: launch.id,
      status: 'error',
      error: 'invalid_grant',
      message,
    });
    expect(step).toMatchObject({ status: 'error', error: 'invalid_grant', message });
    expect((await portal.getLaunch(OWNER, launch.id)).launch.status).toBe('failed');
  });

  it('without a message, an error step says what to fix', async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    const step = await portal.recordAuthEvent({
      type: 'token',
      at: AT,
      clientId: app.clientId,
      launchId: launch.id,
      status: 'error',
      error: 'invalid_client',
    });
    expect(step?.message).toBe(
      'token failed with invalid_client. Client authentication failed: check the client_id and, for a "secret" app, send the client secret shown on the app page with client_secret_basic or client_secret_post; for a "private_key_jwt" app, send a client_assertion JWT signed with a key of its registered JWKS.',
    );
  });

  it('an authorize without a launch starts a standalone launch that later events of the grant join', async () => {
    const { portal, app, patient, clock } = await launchSetup({ oauthType: 'pkce' });
    const authorize = await portal.recordAuthEvent({ type: 'authorize', at: AT, clientId: app.clientId, status: 'ok' });
    const standaloneId = authorize?.launchId ?? '';
    const standalone = (await portal.getLaunch(OWNER, standaloneId)).launch;
    expect(standalone).toMatchObject({
      kind: 'standalone',
      appId: app.id,
      clientId: app.clientId,
      status: 'authorizing',
    });
    expect(standalone).not.toHaveProperty('patientId');
    const events: AuthEvent[] = [
      { type: 'login', at: AT, clientId: app.clientId, patientId: patient.id, grantId: 'g-7', status: 'ok' },
      { type: 'consent', at: AT, clientId: app.clientId, grantId: 'g-7', status: 'ok' },
    ];
    for (const event of events) expect((await portal.recordAuthEvent(event))?.launchId).toBe(standaloneId);
    // A second standalone flow of the same app starts a launch of its own...
    clock.advance(5);
    const second = await portal.recordAuthEvent({ type: 'authorize', at: AT, clientId: app.clientId, status: 'ok' });
    expect(second?.launchId).not.toBe(standaloneId);
    // ...while a token event of the first grant still lands on the first launch.
    const token = await portal.recordAuthEvent({
      type: 'token',
      at: AT,
      clientId: app.clientId,
      grantId: 'g-7',
      status: 'ok',
    });
    expect(token?.launchId).toBe(standaloneId);
    const detail = await portal.getLaunch(OWNER, standaloneId);
    expect(detail.launch).toMatchObject({ patientId: patient.id, patientName: patient.name, status: 'authorized' });
    expect(detail.steps.map((s) => s.step)).toEqual(['authorize', 'login', 'consent', 'token']);
  });

  it("an event without launch or grant joins the client's latest launch in use", async () => {
    const { portal, app, patient, clock } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    clock.advance(1);
    await portal.resolveLaunch(launch.id, app.clientId);
    const refresh = await portal.recordAuthEvent({ type: 'refresh', at: AT, clientId: app.clientId, status: 'ok' });
    expect(refresh?.launchId).toBe(launch.id);
  });

  it('an event of an unknown client, or with no client at all, is not recorded', async () => {
    const { portal } = await launchSetup();
    await portal.createApp(OWNER, appInput({ name: 'Other' }));
    expect(
      await portal.recordAuthEvent({
        type: 'token',
        at: AT,
        clientId: 'nobody',
        status: 'error',
        error: 'invalid_client',
      }),
    ).toBeUndefined();
    expect(
      await portal.recordAuthEvent({ type: 'error', at: AT, status: 'error', error: 'server_error' }),
    ).toBeUndefined();
    expect(await portal.listLaunches(OWNER)).toEqual([]);
  });
});

describe('recordAuthEvent ordering', () => {
  it('events fired without awaiting are logged in call order on the launch the first one started', async () => {
    const { portal, app, patient } = await launchSetup({ oauthType: 'pkce' });
    const base = { at: AT, clientId: app.clientId } as const;
    const pending = [
      portal.recordAuthEvent({ ...base, type: 'authorize', status: 'ok' }),
      portal.recordAuthEvent({ ...base, type: 'login', status: 'ok', patientId: patient.id, grantId: 'g-9' }),
      portal.recordAuthEvent({ ...base, type: 'consent', status: 'ok', grantId: 'g-9' }),
      portal.recordAuthEvent({ ...base, type: 'token', status: 'ok', grantId: 'g-9' }),
      portal.recordFhirAccess({
        clientId: app.clientId,
        patientId: patient.id,
        grantId: 'g-9',
        method: 'GET',
        request: 'Coverage',
        status: 200,
        count: 1,
      }),
    ];
    const steps = await Promise.all(pending);
    const launchIds = new Set(steps.map((s) => s?.launchId));
    expect(launchIds.size).toBe(1);
    const [launchId] = launchIds;
    const detail = await portal.getLaunch(OWNER, launchId ?? '');
    expect(detail.steps.map((s) => `${s.seq}:${s.step}`)).toEqual([
      '1:authorize',
      '2:login',
      '3:consent',
      '4:token',
      '5:fhir',
    ]);
    expect(detail.launch).toMatchObject({ kind: 'standalone', status: 'authorized', patientId: patient.id });
  });
  it('stores a token response masked, with the id_token claims, and never the raw tokens', async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const idToken = `${b64({ alg: 'RS256' })}.${b64({ sub: patient.id, fhirUser: `Patient/${patient.id}` })}.sig`;
    const accessToken = 'A'.repeat(43);
    const step = await portal.recordAuthEvent({
      type: 'token',
      at: AT,
      clientId: app.clientId,
      launchId: launch.id,
      grantId: 'g1',
      status: 'ok',
      details: { tokenResponse: { access_token: accessToken, token_type: 'Bearer', id_token: idToken } },
    });
    expect(step?.details).toEqual({
      grantId: 'g1',
      tokenResponse: {
        access_token: 'AAAAAA… (43 chars)',
        token_type: 'Bearer',
        id_token: `${idToken.slice(0, 6)}… (${idToken.length} chars)`,
      },
      idTokenClaims: { sub: patient.id, fhirUser: `Patient/${patient.id}` },
    });
    const stored = JSON.stringify((await portal.getLaunch(OWNER, launch.id)).steps);
    expect(stored).not.toContain(accessToken);
    expect(stored).not.toContain(idToken);
  });
});
