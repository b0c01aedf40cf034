import { describe, expect, it } from 'vitest';
import { type PortalError } from '../types.ts';
import { rejection, OWNER } from '../testing/harness.ts';
import { launchSetup } from '../testing/launch-setup.ts';

describe('getLaunch', () => {
  it('returns the launch summary and its steps in the order they happened', async () => {
    const { portal, app, patient, clock } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    clock.advance(2);
    await portal.resolveLaunch(launch.id, app.clientId);
    const at = clock.now().toISOString();
    await portal.recordAuthEvent({ type: 'consent', at, clientId: app.clientId, launchId: launch.id, status: 'ok' });
    await portal.recordAuthEvent({
      type: 'token',
      at,
      clientId: app.clientId,
      launchId: launch.id,
      status: 'ok',
      scopes: ['launch', 'patient/*.read'],
    });
    await portal.recordFhirAccess({
      clientId: app.clientId,
      patientId: patient.id,
      launchId: launch.id,
      method: 'GET',
      request: `Patient/${patient.id}`,
      resourceType: 'Patient',
      status: 200,
      count: 1,
    });
    const detail = await portal.getLaunch(OWNER, launch.id);
    expect(detail.launch).toMatchObject({
      id: launch.id,
      appName: 'Health Wallet',
      status: 'authorized',
      stepCount: 5,
    });
    expect(detail.steps.map((s) => [s.seq, s.step])).toEqual([
      [1, 'launch'],
      [2, 'launch'],
      [3, 'consent'],
      [4, 'token'],
      [5, 'fhir'],
    ]);
    expect(detail.steps[3]?.scopes).toEqual(['launch', 'patient/*.read']);
  });

  it('an unknown launch is a 404', async () => {
    const { portal } = await launchSetup();
    const error = (await rejection(portal.getLaunch(OWNER, 'nope'))) as PortalError;
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('GET /api/launches');
  });
});
