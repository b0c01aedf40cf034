import { describe, expect, it } from 'vitest';
import { type PortalError } from '../types.ts';
import { appInput, createTestPortal, rejection, OWNER } from '../testing/harness.ts';
import { ATTESTATION, completeApp, decideRequest, requestsOf } from '../testing/production.ts';
import { PRODUCTION_COLLECTIONS, type PublishedAppRecord } from '../production/model.ts';

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

  it('withdraws a pending request (history "withdrawn") and keeps the published version', async () => {
    const { portal, records, clock } = createTestPortal({
      vendorContact: () => Promise.resolve({ name: 'Ada', email: 'ada@wallet.example' }),
    });
    const app = await portal.createApp(OWNER, completeApp());
    await portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION });
    await decideRequest(records, app.id, 'approved');
    await portal.updateApp(OWNER, app.id, completeApp({ name: 'Wallet 2' }));
    await portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION });
    clock.advance(30);
    await portal.deleteApp(OWNER, app.id);
    const [approved, withdrawn] = await requestsOf(records, app.id);
    expect(approved?.status).toBe('approved');
    expect(withdrawn?.status).toBe('withdrawn');
    expect(withdrawn?.history.at(-1)).toEqual({
      type: 'withdrawn',
      at: '2026-07-01T12:00:30.000Z',
      version: 2,
      by: 'ada@wallet.example',
    });
    const published = await records.collection<PublishedAppRecord>(PRODUCTION_COLLECTIONS.published).get(app.clientId);
    expect(published).toMatchObject({ appId: app.id, status: 'published', version: 1 });
    expect(await portal.clientFor(app.clientId)).toBeUndefined();
  });
});
