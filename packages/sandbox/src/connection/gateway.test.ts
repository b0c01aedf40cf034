import { createMemoryRecordStore } from '@plan-api/store';
import { PortalError } from '@plan-api/portal';
import type { AppRecord } from '@plan-api/portal';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl, startFakePlanServer } from '../testing/plan-server.ts';
import type { FakePlanServer } from '../testing/plan-server.ts';
import { createConnection } from './connection.ts';
import type { Connection } from './connection.ts';
import { createHttpProductionGateway } from './gateway.ts';
import { CONNECTION_ID, SETTINGS_COLLECTION } from './model.ts';
import type { ConnectionRecord, PrivacyAttestation } from './model.ts';
import { KEY_REFUSED } from './remote.ts';

async function portalError(promise: Promise<unknown>): Promise<PortalError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PortalError)) throw new Error(`expected a PortalError, got ${String(error)}`);
  return error;
}

// Without productionRequest: its shape is the portal's business (it changes in issue 11).
const app = {
  id: 'local-app-1',
  ownerId: 'sandbox',
  name: 'Claims Viewer',
  oauthType: 'secret',
  clientId: 'client-abc',
  clientSecret: 'secret-xyz',
  redirectUris: ['https://viewer.example.com/callback'],
  launchUrl: 'https://viewer.example.com/launch',
  logoUrl: 'https://viewer.example.com/logo.png',
  organizationName: 'Viewer Inc',
  organizationUrl: 'https://viewer.example.com',
  privacyPolicyUrl: 'https://viewer.example.com/privacy',
  securityPolicyUrl: 'https://viewer.example.com/security',
  termsOfServiceUrl: 'https://viewer.example.com/terms',
  description: 'Shows a member their claims and what they paid.',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
} as AppRecord;

const attestation: PrivacyAttestation = {
  sellsData: 'no',
  sharesWithThirdParties: 'no',
  membersCanDelete: 'yes',
  followsCarinCode: 'yes',
};

describe('the HTTP production gateway', () => {
  let plan: FakePlanServer;
  let connection: Connection;
  const gateway = (timeoutMs?: number) =>
    createHttpProductionGateway({ connection, ...(timeoutMs ? { timeoutMs } : {}) });

  beforeAll(async () => {
    plan = await startFakePlanServer();
    connection = createConnection({ records: createMemoryRecordStore() });
    await connection.connect({ serverUrl: plan.url, apiKey: plan.apiKey });
  });
  afterAll(async () => {
    await plan.close();
  });
  afterEach(() => {
    plan.override = undefined;
    plan.received.length = 0;
  });

  it('says which server it is connected to, and nothing when it is not', async () => {
    expect(await gateway().connection()).toEqual({ serverUrl: plan.url });
    const unconnected = createHttpProductionGateway({
      connection: createConnection({ records: createMemoryRecordStore() }),
    });
    expect(await unconnected.connection()).toBeUndefined();
    const error = await portalError(unconnected.send(app, { attestation }));
    expect(error.message).toContain('not connected to a plan server');
  });

  it('sends the app with its client ID and secret, the attestation and the notes, and follows its status', async () => {
    const sent = await gateway().send(app, { attestation, notes: 'Please look at the logo.' });
    expect(sent).toEqual({
      appId: 'remote-app-1',
      status: { state: 'pending', requestId: 'req-1', version: 1, requestedAt: '2025-02-01T10:00:00.000Z' },
    });
    expect(plan.received).toHaveLength(1);
    const [request] = plan.received;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/api/production-requests',
      authorization: `Bearer ${plan.apiKey}`,
      contentType: 'application/json',
    });
    expect(request?.body).toEqual({
      app: {
        name: 'Claims Viewer',
        oauthType: 'secret',
        redirectUris: ['https://viewer.example.com/callback'],
        launchUrl: 'https://viewer.example.com/launch',
        logoUrl: 'https://viewer.example.com/logo.png',
        organizationName: 'Viewer Inc',
        organizationUrl: 'https://viewer.example.com',
        privacyPolicyUrl: 'https://viewer.example.com/privacy',
        securityPolicyUrl: 'https://viewer.example.com/security',
        termsOfServiceUrl: 'https://viewer.example.com/terms',
        description: 'Shows a member their claims and what they paid.',
        clientId: 'client-abc',
        clientSecret: 'secret-xyz',
      },
      attestation,
      notes: 'Please look at the logo.',
    });

    // The reviewer decides on the server; the gateway reads it back.
    plan.statuses.set('remote-app-1', { state: 'rejected', reason: 'The logo is blurry.', version: 1 });
    expect(await gateway().status('remote-app-1')).toEqual({
      state: 'rejected',
      reason: 'The logo is blurry.',
      version: 1,
    });
    expect(plan.received[1]).toMatchObject({
      method: 'GET',
      url: '/api/apps/remote-app-1',
      authorization: `Bearer ${plan.apiKey}`,
      body: undefined,
    });
  });

  it('sends a Private Key JWT app with its JWKS and without a secret', async () => {
    const { clientSecret: _secret, ...keyed } = app;
    const jwks = { keys: [{ kty: 'EC', crv: 'P-384', x: 'x-value', y: 'y-value', kid: 'k1' }] };
    await gateway().send({ ...keyed, oauthType: 'private_key_jwt', jwks }, { attestation });
    const body = plan.received[0]?.body as { app: Record<string, unknown> };
    expect(body.app).toMatchObject({ oauthType: 'private_key_jwt', jwks });
    expect('clientSecret' in body.app).toBe(false);
  });

  it('sends a public app without a secret and without notes', async () => {
    const { clientSecret: _secret, ...pkce } = app;
    await gateway().send({ ...pkce, oauthType: 'pkce' }, { attestation });
    const body = plan.received[0]?.body as { app: Record<string, unknown>; notes?: string };
    expect(body.app.clientId).toBe('client-abc');
    expect('clientSecret' in body.app).toBe(false);
    expect('notes' in body).toBe(false);
  });

  it("passes the server's field errors on (400 validation_failed)", async () => {
    const fields = { privacyPolicyUrl: 'Enter the privacy policy URL.', 'attestation.sellsData': 'Answer yes or no.' };
    plan.override = () => ({ status: 400, body: { error: 'validation_failed', message: 'Check the fields.', fields } });
    const error = await portalError(gateway().send(app, { attestation }));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Check the fields.');
    expect(error.fields).toEqual(fields);
  });

  it('passes a known conflict code on (409), and words an unknown one on the serverUrl field', async () => {
    plan.override = () => ({
      status: 409,
      body: { error: 'production_request_pending', message: 'Save the app to update the pending request.' },
    });
    const pending = await portalError(gateway().send(app, { attestation }));
    expect(pending.code).toBe('production_request_pending');
    expect(pending.message).toBe('Save the app to update the pending request.');

    plan.override = () => ({ status: 409, body: { error: 'something_new', message: 'A new kind of conflict.' } });
    const unknown = await portalError(gateway().send(app, { attestation }));
    expect(unknown.code).toBe('validation_failed');
    expect(unknown.fields.serverUrl).toContain(
      'answered HTTP 409 to POST /api/production-requests: A new kind of conflict.',
    );
  });

  it('says when the server refuses the key (401)', async () => {
    plan.override = () => ({
      status: 401,
      body: { error: 'unauthorized', message: 'The API key is unknown or was revoked.' },
    });
    const send = await portalError(gateway().send(app, { attestation }));
    expect(send.fields).toEqual({ apiKey: KEY_REFUSED });
    const status = await portalError(gateway().status('remote-app-1'));
    expect(status.fields).toEqual({ apiKey: KEY_REFUSED });
  });

  it('answers not_found for an app the server does not know, and words a server error', async () => {
    const missing = await portalError(gateway().status('nope'));
    expect(missing.code).toBe('not_found');
    plan.override = () => ({
      status: 500,
      body: { error: 'server_error', message: 'Something went wrong on the server.' },
    });
    const failed = await portalError(gateway().status('remote-app-1'));
    expect(failed.fields.serverUrl).toContain('answered HTTP 500 to GET /api/apps/remote-app-1');
  });

  it('says when the server cannot be reached or does not answer in time, never with the key', async () => {
    const url = await closedPortUrl();
    const records = createMemoryRecordStore();
    await records.collection<ConnectionRecord>(SETTINGS_COLLECTION).put({
      id: CONNECTION_ID,
      serverUrl: url,
      apiKey: plan.apiKey,
      account: { name: 'V', email: 'v@x.example' },
      connectedAt: '2025-01-01T00:00:00Z',
    });
    const gone = createHttpProductionGateway({ connection: createConnection({ records }) });
    const unreachable = await portalError(gone.send(app, { attestation }));
    expect(unreachable.fields.serverUrl).toBe(
      `Could not reach ${url}: the connection was refused (ECONNREFUSED). Check the address and that the server is running.`,
    );
    expect(JSON.stringify({ ...unreachable, message: unreachable.message })).not.toContain(plan.apiKey);

    plan.override = () => 'hang';
    const slow = await portalError(gateway(250).status('remote-app-1'));
    expect(slow.fields.serverUrl).toBe(
      `Could not reach ${plan.url}: no answer within 0.25 seconds. Check the address and that the server is running.`,
    );
  });

  it('refuses an answer that is not an app view', async () => {
    plan.override = () => ({ status: 201, body: { app: { id: 'x', productionRequest: { state: 'weird' } } } });
    const error = await portalError(gateway().send(app, { attestation }));
    expect(error.fields.serverUrl).toContain('did not answer with the app');
  });
});
