import { describe, expect, it } from 'vitest';
import { type PortalError } from '../types.ts';
import { appInput, createTestPortal, rejection, OWNER } from '../testing/harness.ts';

describe('deleteApp', () => {
  it('deletes the app, its launches and their steps; its client id stops resolving', async () => {
    const { portal } = createTestPortal();
    const patient = await portal.initializePatient(OWNER, { seed: 'del-app', scenario: 'healthy' });
    const app = await portal.createApp(OWNER, appInput());
    const keep = await portal.createApp(OWNER, appInput({ name: 'Keep' }));
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    const { launch: kept } = await portal.createLaunch(OWNER, keep.id, { patientId: patient.id });
    await portal.deleteApp(OWNER, app.id);
    expect(await portal.listApps(OWNER)).toEqual([keep]);
    expect(await portal.clientFor(app.clientId)).toBeUndefined();
    expect((await portal.listLaunches(OWNER)).map((l) => l.id)).toEqual([kept.id]);
    expect(((await rejection(portal.getLaunch(OWNER, launch.id))) as PortalError).code).toBe('not_found');
    expect(await portal.resolveLaunch(launch.id, app.clientId)).toBeUndefined();
    expect((await portal.getLaunch(OWNER, kept.id)).steps).toHaveLength(1);
  });

  it('an unknown app id is a 404', async () => {
    const { portal } = createTestPortal();
    const error = (await rejection(portal.deleteApp(OWNER, 'nope'))) as PortalError;
    expect(error.code).toBe('not_found');
  });
});
