import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../context.ts';
import { createTestPortal, rejection, OWNER } from '../testing/harness.ts';
import { brokenMailer, keepingMailer } from '../testing/mailer.ts';
import { ATTESTATION, completeApp, decideRequest, requestsOf, suspendPublished } from '../testing/production.ts';
import { PortalError, type AppRecord } from '../types.ts';
import type { Mailer } from './mailer.ts';

const VENDOR = { name: 'Ada Vendor', email: 'ada@wallet.example', organizationName: 'Wallet Inc.' };
const request = { attestation: ATTESTATION, notes: 'Live in August.' };

/** A portal that knows its vendor (the hosted server), with one complete app. */
async function hosted(mailer: Mailer = keepingMailer()) {
  const test = createTestPortal({
    mailer,
    vendorContact: (owner) => Promise.resolve(owner === OWNER ? VENDOR : undefined),
  });
  const app = await test.portal.createApp(OWNER, completeApp());
  return { ...test, app, mailer: mailer as Mailer & { sent?: unknown[] } };
}

async function refusal(promise: Promise<unknown>): Promise<PortalError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(PortalError);
  return error as PortalError;
}

describe('requestProduction', () => {
  it('makes a draft app pending as version 1 of a new request, recorded with the attestation and notes', async () => {
    const { portal, app, clock, records } = await hosted();
    expect(app.productionRequest).toEqual({ state: 'draft' });
    clock.advance(90);
    const sent = await portal.requestProduction(OWNER, app.id, request);
    const [record] = await requestsOf(records, app.id);
    expect(sent.productionRequest).toEqual({
      state: 'pending',
      requestId: record?.id,
      version: 1,
      requestedAt: '2026-07-01T12:01:30.000Z',
    });
    expect(record).toMatchObject({
      appId: app.id,
      ownerId: OWNER,
      clientId: app.clientId,
      status: 'pending',
      kind: 'new',
      submittedAt: '2026-07-01T12:01:30.000Z',
      history: [{ type: 'submitted', at: '2026-07-01T12:01:30.000Z', version: 1, by: 'ada@wallet.example' }],
    });
    expect(record?.versions).toEqual([
      {
        version: 1,
        submittedAt: '2026-07-01T12:01:30.000Z',
        app: expect.objectContaining({ name: 'Health Wallet', clientId: app.clientId }) as unknown,
        attestation: ATTESTATION,
        notes: 'Live in August.',
      },
    ]);
    expect(JSON.stringify(record)).not.toContain(app.clientSecret);
    expect(record).not.toHaveProperty('contactEmail');
    expect({ ...sent, productionRequest: app.productionRequest }).toEqual(app);
    expect(await portal.getApp(OWNER, app.id)).toEqual(sent);
    expect((await portal.listApps(OWNER))[0]).toEqual(sent);
  });

  it('mails the vendor at the enrolled address, with the version and kind', async () => {
    const mailer = keepingMailer();
    const { portal, app } = await hosted(mailer);
    await portal.requestProduction(OWNER, app.id, { ...request, contactEmail: 'other@wallet.example' });
    expect(mailer.sent).toEqual([
      {
        to: 'ada@wallet.example',
        template: 'productionRequestReceived',
        data: {
          appName: 'Health Wallet',
          clientId: app.clientId,
          contactEmail: 'ada@wallet.example',
          requestedAt: '2026-07-01T12:00:00.000Z',
          notes: 'Live in August.',
          version: 1,
          kind: 'new',
        },
      },
    ]);
  });

  it('without a vendor contact (the desktop) requires contactEmail, mails it and keeps it on the request', async () => {
    const mailer = keepingMailer();
    const { portal, records } = createTestPortal({ mailer });
    const app = await portal.createApp(OWNER, completeApp());
    const error = await refusal(portal.requestProduction(OWNER, app.id, { attestation: ATTESTATION }));
    expect(error.fields).toEqual({
      contactEmail: 'Contact email is required: the address where the reviewers answer.',
    });
    await portal.requestProduction(OWNER, app.id, {
      attestation: ATTESTATION,
      contactEmail: ' dev@wallet.example ',
      notes: '  ',
    });
    const [record] = await requestsOf(records, app.id);
    expect(record?.contactEmail).toBe('dev@wallet.example');
    expect(record?.history[0]?.by).toBe('dev@wallet.example');
    expect(record?.versions[0]).not.toHaveProperty('notes');
    expect(mailer.sent[0]).toMatchObject({ to: 'dev@wallet.example', data: { contactEmail: 'dev@wallet.example' } });
  });

  it('answers a field error per attestation answer, per failed blocking pre-check, and for bad notes, at once', async () => {
    const { portal } = await hosted();
    const app = await portal.createApp(
      OWNER,
      completeApp({ privacyPolicyUrl: '', launchUrl: 'http://localhost:3000/launch' }),
    );
    const error = await refusal(
      portal.requestProduction(OWNER, app.id, { attestation: { sellsData: 'maybe' }, notes: 'x'.repeat(2001) }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.fields).toEqual({
      'attestation.sellsData': "Answer: does the app sell members' data?",
      'attestation.sharesWithThirdParties': "Answer: does the app share members' data with third parties?",
      'attestation.membersCanDelete': 'Answer: can members have their data deleted from the app?',
      'attestation.followsCarinCode': 'Answer: does the app follow the CARIN Alliance code of conduct?',
      notes: 'Notes must be at most 2000 characters.',
      launchUrl: expect.stringContaining('must use https in production (also on localhost)') as unknown,
      privacyPolicyUrl: expect.stringContaining('The privacy policy URL is missing') as unknown,
    });
    const missing = await refusal(portal.requestProduction(OWNER, app.id, {}));
    expect(Object.keys(missing.fields)).toContain('attestation.sellsData');
    const unknown = await refusal(portal.requestProduction(OWNER, app.id, { ...request, priority: 'high' }));
    expect(unknown.fields.priority).toBe(
      '"priority" is not a field of a production request; the fields are attestation, notes and contactEmail.',
    );
    expect((await refusal(portal.requestProduction(OWNER, app.id, ['x']))).code).toBe('validation_failed');
    const bidi = await refusal(portal.requestProduction(OWNER, app.id, { ...request, notes: 'Go \u202Eevil' }));
    expect(bidi.fields.notes).toBe(
      'Notes must not contain control or text-direction characters (line breaks and tabs are fine).',
    );
    expect((await portal.getApp(OWNER, app.id)).productionRequest).toEqual({ state: 'draft' });
  });

  it('lets advisory pre-checks through (a loopback redirect of a native app, a short description)', async () => {
    const { portal } = await hosted();
    const app = await portal.createApp(
      OWNER,
      completeApp({ redirectUris: ['http://127.0.0.1:8765/cb'], description: 'Claims.', organizationUrl: '' }),
    );
    expect((await portal.requestProduction(OWNER, app.id, request)).productionRequest.state).toBe('pending');
  });

  it('refuses a send while pending (409) and sends no second mail', async () => {
    const mailer = keepingMailer();
    const { portal, app } = await hosted(mailer);
    await portal.requestProduction(OWNER, app.id, request);
    const error = await refusal(portal.requestProduction(OWNER, app.id, request));
    expect([error.code, error.message]).toEqual([
      'production_request_pending',
      '"Health Wallet" already has a pending production request (version 1, sent 2026-07-01T12:00:00.000Z). Save the app to update the pending request.',
    ]);
    expect(mailer.sent).toHaveLength(1);
  });

  it('lets only one of two simultaneous requests through', async () => {
    const mailer = keepingMailer();
    const { portal, app, records } = await hosted(mailer);
    const results = await Promise.allSettled([
      portal.requestProduction(OWNER, app.id, request),
      portal.requestProduction(OWNER, app.id, request),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(mailer.sent).toHaveLength(1);
    expect(await requestsOf(records, app.id)).toHaveLength(1);
  });

  it('after a rejection shows the reason, and a new send is the next version of the same request', async () => {
    const { portal, app, records, clock } = await hosted();
    await portal.requestProduction(OWNER, app.id, request);
    await decideRequest(records, app.id, 'rejected', { reason: 'The privacy policy URL answers 404.' });
    expect((await portal.getApp(OWNER, app.id)).productionRequest).toMatchObject({
      state: 'rejected',
      version: 1,
      decidedAt: '2026-07-02T09:00:00.000Z',
      reason: 'The privacy policy URL answers 404.',
    });
    clock.advance(86400 * 2);
    await portal.updateApp(OWNER, app.id, completeApp({ privacyPolicyUrl: 'https://wallet.example.com/privacy-v2' }));
    const again = await portal.requestProduction(OWNER, app.id, request);
    expect(again.productionRequest).toMatchObject({ state: 'pending', version: 2 });
    expect(again.productionRequest).not.toHaveProperty('reason');
    const all = await requestsOf(records, app.id);
    expect(all).toHaveLength(1);
    expect(all[0]?.status).toBe('pending');
    expect(all[0]).not.toHaveProperty('decidedAt');
    expect(all[0]?.versions.map((v) => [v.version, v.app.privacyPolicyUrl])).toEqual([
      [1, 'https://wallet.example.com/privacy'],
      [2, 'https://wallet.example.com/privacy-v2'],
    ]);
    expect(all[0]?.history.map((h) => [h.type, h.version])).toEqual([
      ['submitted', 1],
      ['rejected', 1],
      ['submitted', 2],
    ]);
  });

  it('after approval: unchanged is 409, a saved change sets changesNotPublished, and a new send is an update request', async () => {
    const mailer = keepingMailer();
    const { portal, app, records } = await hosted(mailer);
    await portal.requestProduction(OWNER, app.id, request);
    await decideRequest(records, app.id, 'approved');
    const approved = await portal.getApp(OWNER, app.id);
    expect(approved.productionRequest).toMatchObject({
      state: 'approved',
      version: 1,
      decidedAt: '2026-07-02T09:00:00.000Z',
      published: { approvedAt: '2026-07-02T09:00:00.000Z', version: 1, suspended: false },
      changesNotPublished: false,
    });
    const unchanged = await refusal(portal.requestProduction(OWNER, app.id, request));
    expect(unchanged.code).toBe('production_unchanged');
    expect(unchanged.message).toContain('Nothing changed in "Health Wallet"');

    const edited = await portal.updateApp(OWNER, app.id, completeApp({ name: 'Health Wallet 2' }));
    expect(edited.productionRequest).toMatchObject({ state: 'approved', changesNotPublished: true });

    const update = await portal.requestProduction(OWNER, app.id, request);
    expect(update.productionRequest).toMatchObject({
      state: 'pending',
      version: 2,
      published: { version: 1, suspended: false },
      changesNotPublished: true,
    });
    const all = await requestsOf(records, app.id);
    expect(all.map((r) => [r.status, r.kind, r.versions.map((v) => v.version)])).toEqual([
      ['approved', 'new', [1]],
      ['pending', 'update', [2]],
    ]);
    expect(mailer.sent.at(-1)).toMatchObject({ data: { version: 2, kind: 'update' } });
  });

  it('a changed attestation alone is a change worth a request after approval', async () => {
    const { portal, app, records } = await hosted();
    await portal.requestProduction(OWNER, app.id, request);
    await decideRequest(records, app.id, 'approved');
    const sent = await portal.requestProduction(OWNER, app.id, {
      attestation: { ...ATTESTATION, followsCarinCode: 'no' },
    });
    expect(sent.productionRequest.state).toBe('pending');
  });

  it('shows a suspended app as suspended with the reason', async () => {
    const { portal, app, records } = await hosted();
    await portal.requestProduction(OWNER, app.id, request);
    await decideRequest(records, app.id, 'approved');
    await suspendPublished(records, app.clientId, 'Tokens leaked.');
    expect((await portal.getApp(OWNER, app.id)).productionRequest).toMatchObject({
      state: 'suspended',
      reason: 'Tokens leaked.',
      published: { suspended: true },
    });
  });

  it('an unknown app is a 404', async () => {
    const { portal } = await hosted();
    expect((await refusal(portal.requestProduction(OWNER, 'nope', request))).code).toBe('not_found');
    expect((await refusal(portal.requestProduction('vendor-2', 'nope', request))).code).toBe('not_found');
  });

  it('records the request without mail when the portal has no mailer', async () => {
    const { portal } = createTestPortal({ mailer: undefined });
    const app = await portal.createApp(OWNER, completeApp());
    const sent = await portal.requestProduction(OWNER, app.id, { ...request, contactEmail: 'dev@wallet.example' });
    expect(sent.productionRequest.state).toBe('pending');
  });

  it('leaves nothing behind when the mail cannot be sent, so the vendor can try again', async () => {
    const { portal, app, records } = await hosted(brokenMailer);
    await expect(portal.requestProduction(OWNER, app.id, request)).rejects.toThrow('the outbox is not writable');
    expect(await requestsOf(records, app.id)).toEqual([]);
    expect((await portal.getApp(OWNER, app.id)).productionRequest).toEqual({ state: 'draft' });
  });

  it('puts a rejected request back as it was when the mail of the new send fails', async () => {
    const mailer = keepingMailer();
    const test = createTestPortal({
      mailer: { send: (m) => (mailer.sent.length > 0 ? Promise.reject(new Error('down')) : mailer.send(m)) },
      vendorContact: () => Promise.resolve(VENDOR),
    });
    const app = await test.portal.createApp(OWNER, completeApp());
    await test.portal.requestProduction(OWNER, app.id, request);
    const rejected = await decideRequest(test.records, app.id, 'rejected', { reason: 'No.' });
    await expect(test.portal.requestProduction(OWNER, app.id, request)).rejects.toThrow('down');
    expect(await requestsOf(test.records, app.id)).toEqual([rejected]);
  });

  it('reads an app stored by an earlier version (productionRequest null or { status, ... })', async () => {
    const { portal, app, records } = await hosted();
    const apps = records.collection<AppRecord>(COLLECTIONS.apps);
    const legacy = (productionRequest: unknown) => ({ ...app, productionRequest }) as unknown as AppRecord;
    await apps.put(legacy(null));
    expect((await portal.getApp(OWNER, app.id)).productionRequest).toEqual({ state: 'draft' });
    await apps.put(
      legacy({
        status: 'rejected',
        requestedAt: '2026-06-01T00:00:00.000Z',
        reason: 'No policy.',
        contactEmail: 'a@b.example',
      }),
    );
    expect((await portal.listApps(OWNER))[0]?.productionRequest).toEqual({
      state: 'rejected',
      requestedAt: '2026-06-01T00:00:00.000Z',
      reason: 'No policy.',
    });
    await apps.put(legacy({ status: 'pending', requestedAt: '2026-06-01T00:00:00.000Z' }));
    const updated = await portal.updateApp(OWNER, app.id, completeApp({ name: 'Renamed' }));
    expect(updated.productionRequest).toEqual({ state: 'pending', requestedAt: '2026-06-01T00:00:00.000Z' });
    // Nobody reviews an outbox request of an earlier version: sending makes a real request.
    const sent = await portal.requestProduction(OWNER, app.id, request);
    expect(sent.productionRequest).toMatchObject({ state: 'pending', version: 1 });
    expect((await apps.get(app.id))?.productionRequest).toEqual({ state: 'draft' });
  });
});
