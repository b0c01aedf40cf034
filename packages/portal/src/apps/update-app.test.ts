import { describe, expect, it } from 'vitest';
import { PortalError } from '../types.ts';
import { appInput, createTestPortal, rejection, OWNER } from '../testing/harness.ts';
import { ATTESTATION, completeApp, decideRequest, requestsOf } from '../testing/production.ts';

describe('updateApp', () => {
  it('replaces the fields, keeps the client id and secret, and moves updatedAt', async () => {
    const { portal, clock } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput({ description: 'old', logoUrl: 'https://w.example.com/l.png' }));
    clock.advance(60);
    const updated = await portal.updateApp(OWNER, app.id, appInput({ name: 'Wallet 2', description: 'new' }));
    expect(updated).toMatchObject({ name: 'Wallet 2', description: 'new', clientId: app.clientId });
    expect(updated.clientSecret).toBe(app.clientSecret);
    expect(updated).not.toHaveProperty('logoUrl');
    expect(updated.createdAt).toBe(app.createdAt);
    expect(updated.updatedAt).toBe('2026-07-01T12:01:00.000Z');
    expect(await portal.getApp(OWNER, app.id)).toEqual(updated);
  });

  it('switching to pkce removes the secret and switching back issues a new one', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput());
    const pkce = await portal.updateApp(OWNER, app.id, appInput({ oauthType: 'pkce' }));
    expect(pkce).not.toHaveProperty('clientSecret');
    expect((await portal.clientFor(app.clientId))?.clientSecret).toBeUndefined();
    const secret = await portal.updateApp(OWNER, app.id, appInput({ oauthType: 'secret' }));
    expect(secret.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secret.clientSecret).not.toBe(app.clientSecret);
  });

  it('accepts back exactly what getApp returned (assigned fields unchanged)', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput());
    const updated = await portal.updateApp(OWNER, app.id, { ...(await portal.getApp(OWNER, app.id)), name: 'Renamed' });
    expect(updated.name).toBe('Renamed');
  });

  it('changing an assigned field is a field error', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput());
    const error = (await rejection(
      portal.updateApp(OWNER, app.id, { ...app, clientId: 'chosen-by-me' }),
    )) as PortalError;
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual({ clientId: 'clientId is assigned by the sandbox and cannot be set; leave it out.' });
    expect((await portal.getApp(OWNER, app.id)).clientId).toBe(app.clientId);
  });

  it('validates like createApp', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput());
    const error = (await rejection(portal.updateApp(OWNER, app.id, appInput({ redirectUris: [] })))) as PortalError;
    expect(error.fields.redirectUris).toContain('Register at least one redirect URI');
  });

  it('an unknown app id is a 404', async () => {
    const { portal } = createTestPortal();
    const error = (await rejection(portal.updateApp(OWNER, 'nope', appInput()))) as PortalError;
    expect(error).toBeInstanceOf(PortalError);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('No app has id "nope". List your apps with GET /api/apps to find the right id.');
  });
});

describe('updateApp and production requests', () => {
  const hosted = () =>
    createTestPortal({ vendorContact: () => Promise.resolve({ name: 'Ada', email: 'ada@wallet.example' }) });

  it('a save while pending appends a version (history "updated"); a save without changes adds none', async () => {
    const { portal, records, clock } = hosted();
    const app = await portal.createApp(OWNER, completeApp());
    await portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION, notes: 'Soon.' });
    clock.advance(60);
    const saved = await portal.updateApp(OWNER, app.id, completeApp({ name: 'Wallet 2' }));
    expect(saved.productionRequest).toMatchObject({
      state: 'pending',
      version: 2,
      requestedAt: '2026-07-01T12:01:00.000Z',
    });
    const again = await portal.updateApp(OWNER, app.id, { ...saved });
    expect(again.productionRequest.version).toBe(2);
    const [request] = await requestsOf(records, app.id);
    expect(request?.versions.map((v) => [v.version, v.app.name, v.notes, v.attestation])).toEqual([
      [1, 'Health Wallet', 'Soon.', ATTESTATION],
      [2, 'Wallet 2', 'Soon.', ATTESTATION],
    ]);
    expect(request?.history.map((h) => [h.type, h.version, h.by])).toEqual([
      ['submitted', 1, 'ada@wallet.example'],
      ['updated', 2, 'ada@wallet.example'],
    ]);
  });

  it('after approval a save is allowed and only sets changesNotPublished (undone by going back)', async () => {
    const { portal, records } = hosted();
    const app = await portal.createApp(OWNER, completeApp());
    await portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION });
    await decideRequest(records, app.id, 'approved');
    const changed = await portal.updateApp(OWNER, app.id, completeApp({ launchUrl: 'https://wallet.example.com/l2' }));
    expect(changed.productionRequest).toMatchObject({ state: 'approved', changesNotPublished: true });
    const back = await portal.updateApp(OWNER, app.id, completeApp());
    expect(back.productionRequest).toMatchObject({ state: 'approved', changesNotPublished: false });
    expect(await requestsOf(records, app.id)).toHaveLength(1);
  });

  it('accepts the productionRequest of a GET echoed back, whatever it says', async () => {
    const { portal } = hosted();
    const app = await portal.createApp(OWNER, completeApp());
    const saved = await portal.updateApp(OWNER, app.id, { ...app, productionRequest: { state: 'approved' } });
    expect(saved.productionRequest).toEqual({ state: 'draft' });
  });
});
