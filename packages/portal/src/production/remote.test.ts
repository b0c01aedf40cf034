import { describe, expect, it } from 'vitest';
import { createTestPortal, rejection, OWNER } from '../testing/harness.ts';
import { keepingMailer } from '../testing/mailer.ts';
import { ATTESTATION, completeApp, requestsOf } from '../testing/production.ts';
import { PortalError, type AppRecord } from '../types.ts';
import type { ProductionGateway } from './gateway.ts';
import type { PrivacyAttestation, ProductionStatus } from './model.ts';

const SERVER = 'https://plan.example';

/** A plan server in memory, as the connected sandbox sees it through the gateway. */
function fakeServer() {
  const state = {
    connected: true as boolean,
    down: false,
    sent: [] as { app: AppRecord; attestation: PrivacyAttestation; notes?: string }[],
    status: {
      state: 'pending',
      requestId: 'r1',
      version: 1,
      requestedAt: '2026-07-01T12:00:00.000Z',
    } as ProductionStatus,
  };
  const gateway: ProductionGateway = {
    connection: () => Promise.resolve(state.connected ? { serverUrl: SERVER } : undefined),
    send: (app, input) => {
      if (state.down) return Promise.reject(new Error('connect ECONNREFUSED'));
      if (app.privacyPolicyUrl === 'https://wallet.example.com/refused') {
        return Promise.reject(new PortalError('validation_failed', 'No.', { privacyPolicyUrl: 'Refused.' }));
      }
      state.sent.push({ app, ...input });
      state.status = { ...state.status, version: state.sent.length };
      return Promise.resolve({ appId: 'server-app-1', status: state.status });
    },
    status: (appId) => {
      if (state.down) return Promise.reject(new Error('connect ECONNREFUSED'));
      expect(appId).toBe('server-app-1');
      return Promise.resolve(state.status);
    },
  };
  return { state, gateway };
}

function connected() {
  const server = fakeServer();
  const mailer = keepingMailer();
  const test = createTestPortal({ production: server.gateway, mailer });
  return { ...test, ...server, mailer };
}

describe('requests of a sandbox connected to a plan server', () => {
  it('sends the app with its client ID and secret to the server and keeps the status with remote', async () => {
    const { portal, state, records, mailer, clock } = connected();
    const app = await portal.createApp(OWNER, completeApp());
    clock.advance(5);
    const sent = await portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION, notes: 'Hi.' });
    expect(state.sent).toEqual([
      {
        app: expect.objectContaining({ clientId: app.clientId, clientSecret: app.clientSecret }) as unknown,
        attestation: ATTESTATION,
        notes: 'Hi.',
      },
    ]);
    expect(sent.productionRequest).toEqual({
      ...state.status,
      remote: { serverUrl: SERVER, appId: 'server-app-1', checkedAt: '2026-07-01T12:00:05.000Z' },
    });
    expect(await requestsOf(records, app.id)).toEqual([]);
    expect(mailer.sent).toEqual([]);
  });

  it('getApp and listApps follow the server: a decision shows up on the next read', async () => {
    const { portal, state, clock } = connected();
    const app = await portal.createApp(OWNER, completeApp());
    await portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION });
    state.status = {
      state: 'rejected',
      requestId: 'r1',
      version: 1,
      reason: 'No logo.',
      decidedAt: '2026-07-02T00:00:00.000Z',
    };
    clock.advance(60);
    expect((await portal.getApp(OWNER, app.id)).productionRequest).toEqual({
      ...state.status,
      remote: { serverUrl: SERVER, appId: 'server-app-1', checkedAt: '2026-07-01T12:01:00.000Z' },
    });
    state.status = {
      state: 'approved',
      requestId: 'r1',
      version: 1,
      published: { approvedAt: 'x', version: 1, suspended: false },
      changesNotPublished: false,
    };
    expect((await portal.listApps(OWNER))[0]?.productionRequest.state).toBe('approved');
  });

  it('keeps the last known status with remote.error when the server cannot be reached or is disconnected', async () => {
    const { portal, state } = connected();
    const app = await portal.createApp(OWNER, completeApp());
    await portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION });
    state.down = true;
    const read = await portal.getApp(OWNER, app.id);
    expect(read.productionRequest).toMatchObject({ state: 'pending', version: 1 });
    expect(read.productionRequest.remote?.error).toBe(
      `The status could not be read from ${SERVER} (connect ECONNREFUSED); this is the status last read at 2026-07-01T12:00:00.000Z.`,
    );
    state.down = false;
    state.connected = false;
    expect((await portal.getApp(OWNER, app.id)).productionRequest.remote?.error).toContain(
      `This sandbox is no longer connected to ${SERVER}`,
    );
  });

  it('a save while pending on the server sends the new version there; after approval a save marks changes', async () => {
    const { portal, state } = connected();
    const app = await portal.createApp(OWNER, completeApp());
    await portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION, notes: 'Hi.' });
    const saved = await portal.updateApp(OWNER, app.id, completeApp({ name: 'Wallet 2' }));
    expect(state.sent.map((s) => [s.app.name, s.notes])).toEqual([
      ['Health Wallet', 'Hi.'],
      ['Wallet 2', 'Hi.'],
    ]);
    expect(saved.productionRequest).toMatchObject({ state: 'pending', version: 2 });
    state.status = {
      state: 'approved',
      version: 2,
      published: { approvedAt: 'x', version: 2, suspended: false },
      changesNotPublished: false,
    };
    const edited = await portal.updateApp(OWNER, app.id, completeApp({ name: 'Wallet 3' }));
    expect(state.sent).toHaveLength(2);
    expect(edited.productionRequest).toMatchObject({ state: 'approved', changesNotPublished: true });
  });

  it('a save the server cannot take stays saved here and says so', async () => {
    const { portal, state } = connected();
    const app = await portal.createApp(OWNER, completeApp());
    await portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION });
    state.down = true;
    const saved = await portal.updateApp(OWNER, app.id, completeApp({ name: 'Wallet 2' }));
    expect(saved.name).toBe('Wallet 2');
    expect(saved.productionRequest.changesNotPublished).toBe(true);
    expect(saved.productionRequest.remote?.error).toContain(
      'Saved here, but the pending request on https://plan.example was not updated',
    );
  });

  it("passes the server's errors on and stores nothing; blocking pre-checks fail before anything is sent", async () => {
    const { portal, state } = connected();
    const app = await portal.createApp(OWNER, completeApp({ privacyPolicyUrl: 'https://wallet.example.com/refused' }));
    const error = (await rejection(
      portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION }),
    )) as PortalError;
    expect(error.fields).toEqual({ privacyPolicyUrl: 'Refused.' });
    expect((await portal.getApp(OWNER, app.id)).productionRequest).toEqual({ state: 'draft' });
    const incomplete = await portal.createApp(OWNER, completeApp({ logoUrl: '' }));
    const local = (await rejection(portal.requestProduction(OWNER, incomplete.id, {}))) as PortalError;
    expect(Object.keys(local.fields)).toEqual(expect.arrayContaining(['attestation.sellsData', 'logoUrl']));
    expect(local.fields).not.toHaveProperty('contactEmail');
    expect(state.sent).toEqual([]);
  });

  it('not connected, the request stays local (the outbox) and needs a contact email', async () => {
    const { portal, state, records, mailer } = connected();
    state.connected = false;
    const app = await portal.createApp(OWNER, completeApp());
    const sent = await portal.requestProduction(OWNER, app.id, {
      attestation: ATTESTATION,
      contactEmail: 'dev@wallet.example',
    });
    expect(sent.productionRequest).toMatchObject({ state: 'pending', version: 1 });
    expect(sent.productionRequest).not.toHaveProperty('remote');
    expect(await requestsOf(records, app.id)).toHaveLength(1);
    expect(mailer.sent).toHaveLength(1);
  });

  it('deleting the app forgets what was sent', async () => {
    const { portal, records } = connected();
    const app = await portal.createApp(OWNER, completeApp());
    await portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION });
    await portal.deleteApp(OWNER, app.id);
    expect(await records.collection('productionRemoteRequests').list()).toEqual([]);
  });
});
