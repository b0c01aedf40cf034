import { describe, expect, it } from 'vitest';
import { OWNER } from '../testing/harness.ts';
import { launchSetup } from '../testing/launch-setup.ts';

describe('recordFhirAccess', () => {
  it("writes an access-log entry and a fhir step on the token's launch", async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    await portal.resolveLaunch(launch.id, app.clientId);
    const entry = await portal.recordFhirAccess({
      clientId: app.clientId,
      patientId: patient.id,
      launchId: launch.id,
      method: 'GET',
      request: 'Observation?category=laboratory',
      resourceType: 'Observation',
      status: 200,
      count: 12,
      scopes: ['patient/Observation.rs'],
    });
    expect(entry).toMatchObject({
      at: '2026-07-01T12:00:00.000Z',
      patientId: patient.id,
      clientId: app.clientId,
      appName: 'Health Wallet',
      method: 'GET',
      request: 'Observation?category=laboratory',
      resourceType: 'Observation',
      status: 200,
      count: 12,
      launchId: launch.id,
    });
    const step = (await portal.getLaunch(OWNER, launch.id)).steps.at(-1);
    expect(step).toMatchObject({
      step: 'fhir',
      status: 'ok',
      httpStatus: 200,
      request: 'GET Observation?category=laboratory',
      scopes: ['patient/Observation.rs'],
      message: 'GET Observation?category=laboratory returned 12 resources.',
    });
  });

  it('a refused request is an error step that says what to fix', async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    await portal.resolveLaunch(launch.id, app.clientId);
    await portal.recordFhirAccess({
      clientId: app.clientId,
      patientId: patient.id,
      method: 'GET',
      request: 'Condition',
      status: 401,
      error: 'expired_token',
    });
    const step = (await portal.getLaunch(OWNER, launch.id)).steps.at(-1);
    expect(step).toMatchObject({ step: 'fhir', status: 'error', httpStatus: 401, error: 'expired_token' });
    expect(step?.message).toBe(
      'GET Condition failed with HTTP 401 (expired_token). The access token expired; refresh it with the refresh token, or authorize again.',
    );
  });

  it('an access with no launch to attach to is still logged', async () => {
    const { portal, app, patient } = await launchSetup();
    const entry = await portal.recordFhirAccess({
      clientId: app.clientId,
      patientId: patient.id,
      method: 'GET',
      request: `Patient/${patient.id}`,
      status: 200,
    });
    expect(entry).not.toHaveProperty('launchId');
    expect(await portal.listAccessLog(OWNER)).toEqual([entry]);
    expect(await portal.listLaunches(OWNER)).toEqual([]);
  });
});
