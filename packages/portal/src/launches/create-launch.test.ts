import { describe, expect, it } from 'vitest';
import { type PortalError } from '../types.ts';
import { appInput, FHIR_BASE, rejection, OWNER } from '../testing/harness.ts';
import { launchSetup } from '../testing/launch-setup.ts';

describe('createLaunch', () => {
  it('returns launchUrl?iss=<FHIR base>&launch=<opaque value> and a launch bound to app and patient', async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch, launchUrl } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    const url = new URL(launchUrl);
    expect(`${url.origin}${url.pathname}`).toBe('https://wallet.example.com/launch');
    expect(url.searchParams.get('iss')).toBe(FHIR_BASE);
    expect(url.searchParams.get('launch')).toBe(launch.id);
    expect(launch.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(launch).toMatchObject({
      kind: 'ehr',
      appId: app.id,
      clientId: app.clientId,
      patientId: patient.id,
      skipConsent: false,
      status: 'created',
      createdAt: '2026-07-01T12:00:00.000Z',
      expiresAt: '2026-07-01T12:05:00.000Z',
    });
    expect(launch).not.toHaveProperty('usedAt');
  });

  it("keeps the launch URL's own query parameters", async () => {
    const { portal, app, patient } = await launchSetup({
      launchUrl: 'https://wallet.example.com/launch?tenant=7&x=a%20b',
    });
    const { launchUrl } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    const url = new URL(launchUrl);
    expect([...url.searchParams.keys()]).toEqual(['tenant', 'x', 'iss', 'launch']);
    expect(url.searchParams.get('x')).toBe('a b');
  });

  it('records skipConsent and simulateError and logs a first step saying so', async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, {
      patientId: patient.id,
      skipConsent: true,
      simulateError: 'access_denied',
    });
    expect(launch).toMatchObject({ skipConsent: true, simulateError: 'access_denied' });
    const { steps } = await portal.getLaunch(OWNER, launch.id);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ seq: 1, step: 'launch', status: 'ok' });
    expect(steps[0]?.message).toContain(patient.name);
    expect(steps[0]?.message).toContain('consent will be skipped');
    expect(steps[0]?.message).toContain('access_denied will be simulated at authorize');
  });

  it('an app without a launch URL cannot be launched (400 on launchUrl)', async () => {
    const { portal, patient } = await launchSetup();
    const app = await portal.createApp(OWNER, appInput({ launchUrl: undefined }));
    const error = (await rejection(portal.createLaunch(OWNER, app.id, { patientId: patient.id }))) as PortalError;
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields)).toEqual(['launchUrl']);
    expect(error.message).toContain('set launchUrl on the app');
  });

  it('an unknown patient is a 400 on patientId', async () => {
    const { portal, app } = await launchSetup();
    const error = (await rejection(portal.createLaunch(OWNER, app.id, { patientId: 'p-ffffffff' }))) as PortalError;
    expect(error.code).toBe('validation_failed');
    expect(error.fields.patientId).toContain('No sandbox patient has id "p-ffffffff"');
  });

  it('a missing patientId, an unknown simulateError or an unknown option is a 400 per field', async () => {
    const { portal, app, patient } = await launchSetup();
    const error = (await rejection(
      portal.createLaunch(OWNER, app.id, { simulateError: 'teapot', skipConsent: 'yes', mode: 'x' }),
    )) as PortalError;
    expect(error.fields).toEqual({
      patientId: 'patientId is required: the id of a sandbox patient from GET /api/patients.',
      skipConsent: 'skipConsent must be true or false.',
      simulateError:
        'simulateError must be one of access_denied, invalid_client, invalid_scope, expired_token, server_error.',
      mode: '"mode" is not a launch option; the options are patientId, skipConsent and simulateError.',
    });
    await expect(
      portal.createLaunch(OWNER, app.id, { patientId: patient.id, simulateError: 'expired_token' }),
    ).resolves.toBeDefined();
  });

  it('an unknown app is a 404', async () => {
    const { portal, patient } = await launchSetup();
    const error = (await rejection(portal.createLaunch(OWNER, 'nope', { patientId: patient.id }))) as PortalError;
    expect(error.code).toBe('not_found');
  });
});
