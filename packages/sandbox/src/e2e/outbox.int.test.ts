import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../testing/index.ts';
import type { TestSandbox } from '../testing/index.ts';
import { createSchemaCheck } from '@plan-api/http/testing';
import { ATTESTATION, completeApp } from '@plan-api/portal/testing';

const check = createSchemaCheck();
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

type Json = Record<string, unknown>;

const wallet = completeApp({ name: 'Health <Wallet>' });

async function newApp(name = wallet.name): Promise<Json> {
  const { status, body } = await sandbox.api('POST', '/apps', { ...wallet, name });
  expect(status).toBe(201);
  return body as Json;
}

describe('requesting production and the outbox', () => {
  it('a production request makes the app pending and the outbox lists the mail the vendor would get', async () => {
    const app = await newApp();
    const requested = await sandbox.api('POST', `/apps/${app.id as string}/production-request`, {
      attestation: ATTESTATION,
      contactEmail: 'dev@wallet.example',
      notes: 'Please review before August.',
    });
    expect(requested.status).toBe(201);
    expect(check('App', requested.body)).toEqual([]);
    expect((requested.body as Json).productionRequest).toMatchObject({ state: 'pending', version: 1 });
    expect((await sandbox.api('GET', `/apps/${app.id as string}`)).body).toEqual(requested.body);

    const listed = await sandbox.api('GET', '/outbox');
    expect(listed.status).toBe(200);
    const summaries = listed.body as Json[];
    for (const summary of summaries) expect(check('OutboxSummary', summary)).toEqual([]);
    const summary = summaries.find((m) => m.subject === 'Production request received: Health <Wallet>');
    expect(summary).toMatchObject({ to: ['dev@wallet.example'], template: 'productionRequestReceived' });
    expect(summary).not.toHaveProperty('raw');

    const read = await sandbox.api('GET', `/outbox/${summary?.id as string}`);
    expect(read.status).toBe(200);
    expect(check('OutboxMessage', read.body)).toEqual([]);
    const message = read.body as { text: string; html: string; raw: string };
    expect(message.text).toContain('Please review before August.');
    expect(message.text).toContain(app.clientId as string);
    expect(message.html).toContain('Health &lt;Wallet&gt;');
    expect(message.raw).toMatch(/^From: Plan API <no-reply@plan-api\.invalid>\r\nTo: dev@wallet\.example\r\n/);
  });

  it('a second request while one is pending is a 409, and no second mail is kept', async () => {
    const app = await newApp('Second Wallet');
    const path = `/apps/${app.id as string}/production-request`;
    expect(
      (await sandbox.api('POST', path, { attestation: ATTESTATION, contactEmail: 'a@wallet.example' })).status,
    ).toBe(201);
    const again = await sandbox.api('POST', path, { attestation: ATTESTATION, contactEmail: 'a@wallet.example' });
    expect(again.status).toBe(409);
    expect(check('Error', again.body)).toEqual([]);
    expect((again.body as Json).error).toBe('production_request_pending');
    const mails = (await sandbox.api('GET', '/outbox')).body as Json[];
    expect(mails.filter((m) => m.subject === 'Production request received: Second Wallet')).toHaveLength(1);
  });

  it('answers 400 with field errors, 404 for an unknown app or message, 405 for GET on the request', async () => {
    const app = await newApp('Third Wallet');
    const bad = await sandbox.api('POST', `/apps/${app.id as string}/production-request`, {
      attestation: ATTESTATION,
      contactEmail: 'nope',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { fields: Json }).fields).toEqual({
      contactEmail: 'Contact email must be an email address such as dev@app.example.',
    });
    expect(
      (
        await sandbox.api('POST', '/apps/unknown/production-request', {
          attestation: ATTESTATION,
          contactEmail: 'a@b.example',
        })
      ).status,
    ).toBe(404);
    const missing = await sandbox.api('GET', '/outbox/unknown');
    expect(missing.status).toBe(404);
    expect((missing.body as Json).message).toBe(
      'No message in the outbox has id "unknown". List them with GET /api/outbox.',
    );
    const wrongMethod = await sandbox.api('GET', `/apps/${app.id as string}/production-request`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('lists the outbox newest first and honours limit', async () => {
    for (const name of ['Limit A', 'Limit B']) {
      const app = await newApp(name);
      await sandbox.api('POST', `/apps/${app.id as string}/production-request`, {
        attestation: ATTESTATION,
        contactEmail: 'a@wallet.example',
      });
    }
    const latest = (await sandbox.api('GET', '/outbox?limit=2')).body as Json[];
    expect(latest.map((m) => m.subject)).toEqual([
      'Production request received: Limit B',
      'Production request received: Limit A',
    ]);
    expect((await sandbox.api('GET', '/outbox?limit=0')).status).toBe(400);
  });

  it('needs the management token like every other route', async () => {
    const res = await fetch(`${sandbox.listenUrl}/api/outbox`);
    expect(res.status).toBe(401);
  });
});

describe('the outbox of a sandbox with a data dir', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plan-api-outbox-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the mail across a restart', async () => {
    const first = await startTestSandbox({ dataDir });
    const app = (await first.api('POST', '/apps', { ...wallet, name: 'Kept Wallet' })).body as Json;
    await first.api('POST', `/apps/${app.id as string}/production-request`, {
      attestation: ATTESTATION,
      contactEmail: 'dev@wallet.example',
    });
    const before = (await first.api('GET', '/outbox')).body as Json[];
    await first.stop();
    const second = await startTestSandbox({ dataDir });
    try {
      const after = (await second.api('GET', '/outbox')).body as Json[];
      expect(after).toEqual(before);
      expect(after.map((m) => m.subject)).toEqual(['Production request received: Kept Wallet']);
    } finally {
      await second.stop();
    }
  });
});
