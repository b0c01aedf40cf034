import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../context.ts';
import { appInput, createTestPortal, rejection, OWNER } from '../testing/harness.ts';
import { PortalError } from '../types.ts';
import type { AppRecord } from '../types.ts';
import type { Mailer, PortalMail } from './mailer.ts';

/** A Mailer that keeps what it is asked to send (the portal's side of the port: rendering is the mail package's). */
function keepingMailer(): Mailer & { sent: PortalMail[] } {
  const sent: PortalMail[] = [];
  return {
    sent,
    send: (message) => {
      sent.push(message);
      return Promise.resolve({ id: `mail-${sent.length}` });
    },
  };
}

/** A Mailer whose transport is down. */
const brokenMailer: Mailer = { send: () => Promise.reject(new Error('the outbox is not writable')) };

const request = { contactEmail: 'dev@wallet.example', notes: 'Live in August.' };

async function portalWithApp(mailer: Mailer | undefined = keepingMailer()) {
  const test = createTestPortal(mailer === undefined ? {} : { mailer });
  const app = await test.portal.createApp(OWNER, appInput());
  return { ...test, app };
}

describe('requestProduction', () => {
  it('makes the request pending with the time, contact and notes, and keeps the app otherwise unchanged', async () => {
    const { portal, app, clock } = await portalWithApp();
    clock.advance(90);
    const updated = await portal.requestProduction(OWNER, app.id, request);
    expect(updated.productionRequest).toEqual({
      status: 'pending',
      requestedAt: '2026-07-01T12:01:30.000Z',
      contactEmail: 'dev@wallet.example',
      notes: 'Live in August.',
    });
    expect({ ...updated, productionRequest: null }).toEqual(app);
    expect(await portal.getApp(OWNER, app.id)).toEqual(updated);
  });

  it('sends the vendor the "production request received" mail at the contact address', async () => {
    const mailer = keepingMailer();
    const { portal, app } = await portalWithApp(mailer);
    await portal.requestProduction(OWNER, app.id, {
      contactEmail: '  dev@wallet.example ',
      notes: '  Live in August. ',
    });
    expect(mailer.sent).toEqual([
      {
        to: 'dev@wallet.example',
        template: 'productionRequestReceived',
        data: {
          appName: 'Health Wallet',
          clientId: app.clientId,
          contactEmail: 'dev@wallet.example',
          requestedAt: '2026-07-01T12:00:00.000Z',
          notes: 'Live in August.',
        },
      },
    ]);
  });

  it('treats empty notes as no notes', async () => {
    const mailer = keepingMailer();
    const { portal, app } = await portalWithApp(mailer);
    const updated = await portal.requestProduction(OWNER, app.id, { contactEmail: 'dev@wallet.example', notes: '   ' });
    expect(updated.productionRequest).not.toHaveProperty('notes');
    expect(mailer.sent[0]?.data).not.toHaveProperty('notes');
  });

  it('refuses a second request while one is pending (409) and sends no second mail', async () => {
    const mailer = keepingMailer();
    const { portal, app } = await portalWithApp(mailer);
    await portal.requestProduction(OWNER, app.id, request);
    const error = (await rejection(portal.requestProduction(OWNER, app.id, request))) as PortalError;
    expect(error).toBeInstanceOf(PortalError);
    expect(error.code).toBe('production_request_pending');
    expect(error.code).toBe('production_request_pending');
    expect(error.message).toBe(
      '"Health Wallet" already has a pending production request (sent 2026-07-01T12:00:00.000Z); the reviewers answer at its contact address.',
    );
    expect(mailer.sent).toHaveLength(1);
  });

  it('lets only one of two simultaneous requests through', async () => {
    const mailer = keepingMailer();
    const { portal, app } = await portalWithApp(mailer);
    const results = await Promise.allSettled([
      portal.requestProduction(OWNER, app.id, request),
      portal.requestProduction(OWNER, app.id, request),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(mailer.sent).toHaveLength(1);
  });

  it('refuses an approved app (409) and accepts a new request after a rejection', async () => {
    const { portal, app, records } = await portalWithApp();
    const apps = records.collection<AppRecord>(COLLECTIONS.apps);
    const decided = (status: 'approved' | 'rejected'): AppRecord => ({
      ...app,
      productionRequest: { status, requestedAt: '2026-06-01T00:00:00.000Z', reason: 'No privacy policy.' },
    });
    await apps.put(decided('approved'));
    const error = (await rejection(portal.requestProduction(OWNER, app.id, request))) as PortalError;
    expect([error.code, error.message]).toEqual([
      'production_approved',
      '"Health Wallet" is already approved for production.',
    ]);
    await apps.put(decided('rejected'));
    expect((await portal.requestProduction(OWNER, app.id, request)).productionRequest?.status).toBe('pending');
  });

  it('answers field errors for a missing or malformed contact email, long notes and unknown fields', async () => {
    const { portal, app } = await portalWithApp();
    const fieldsOf = async (input: unknown) => {
      const error = (await rejection(portal.requestProduction(OWNER, app.id, input))) as PortalError;
      expect(error.code).toBe('validation_failed');
      return error.fields;
    };
    expect(await fieldsOf({})).toEqual({
      contactEmail: 'Contact email is required: the address where the reviewers answer.',
    });
    for (const contactEmail of ['dev', 'dev@wallet', 'Dev <dev@wallet.example>', 'a@b.example, c@d.example']) {
      expect(await fieldsOf({ contactEmail }), contactEmail).toEqual({
        contactEmail: 'Contact email must be an email address such as dev@app.example.',
      });
    }
    expect(await fieldsOf({ contactEmail: 'dev@wallet.example\r\nBcc: x@evil.example' })).toHaveProperty(
      'contactEmail',
    );
    expect(await fieldsOf({ contactEmail: 'dev@wallet.example', notes: 'x'.repeat(2001) })).toEqual({
      notes: 'Notes must be at most 2000 characters.',
    });
    expect(await fieldsOf({ contactEmail: 'dev@wallet.example', priority: 'high' })).toEqual({
      priority: '"priority" is not a field of a production request; the fields are contactEmail and notes.',
    });
    const notObject = (await rejection(portal.requestProduction(OWNER, app.id, ['dev@wallet.example']))) as PortalError;
    expect(notObject.code).toBe('validation_failed');
    expect((await portal.getApp(OWNER, app.id)).productionRequest).toBeNull();
  });

  it('an unknown app is a 404', async () => {
    const { portal } = await portalWithApp();
    const error = (await rejection(portal.requestProduction(OWNER, 'nope', request))) as PortalError;
    expect(error.code).toBe('not_found');
  });

  it('records the request without mail when the portal has no mailer', async () => {
    const { portal, app } = await portalWithApp(undefined);
    expect((await portal.requestProduction(OWNER, app.id, request)).productionRequest?.status).toBe('pending');
  });

  it('takes the request back when the mail cannot be sent, so the vendor can try again', async () => {
    const { portal, app } = await portalWithApp(brokenMailer);
    await expect(portal.requestProduction(OWNER, app.id, request)).rejects.toThrow('the outbox is not writable');
    expect((await portal.getApp(OWNER, app.id)).productionRequest).toBeNull();
  });

  it('survives an app update: PUT keeps the pending request', async () => {
    const { portal, app } = await portalWithApp();
    const requested = await portal.requestProduction(OWNER, app.id, request);
    const updated = await portal.updateApp(OWNER, app.id, { ...requested, name: 'Wallet 2' });
    expect(updated.productionRequest).toEqual(requested.productionRequest);
  });
});
