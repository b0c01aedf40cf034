import { describe, expect, it } from 'vitest';
import { type PortalError } from '../types.ts';
import { appInput, createTestPortal, rejection } from '../test-support/harness.ts';

describe('deleteApp', () => {
  it('deletes the app, its launches and their steps; its client id stops resolving', async () => {
    const { portal } = createTestPortal();
    const patient = await portal.initializePatient({ seed: 'del-app', scenario: 'healthy' });
    const app = await portal.createApp(appInput());
    const keep = await portal.createApp(appInput({ name: 'Keep' }));
    const { launch } = await portal.createLaunch(app.id, { patientId: patient.id });
    const { launch: kept } = await portal.createLaunch(keep.id, { patientId: patient.id });
    await portal.deleteApp(app.id);
    expect(await portal.listApps()).toEqual([keep]);
    expect(await portal.clientFor(app.clientId)).toBeUndefined();
    expect((await portal.listLaunches()).map((l) => l.id)).toEqual([kept.id]);
    expect(((await rejection(portal.getLaunch(launch.id))) as PortalError).status).toBe(404);
    expect(await portal.resolveLaunch(launch.id, app.clientId)).toBeUndefined();
    expect((await portal.getLaunch(kept.id)).steps).toHaveLength(1);
  });

  it('an unknown app id is a 404', async () => {
    const { portal } = createTestPortal();
    const error = (await rejection(portal.deleteApp('nope'))) as PortalError;
    expect(error.status).toBe(404);
  });
});
