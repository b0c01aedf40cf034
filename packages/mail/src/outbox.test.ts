import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbRecordStore, createMemoryRecordStore } from '@plan-api/store';
import { afterEach, describe, expect, it } from 'vitest';
import { MailError } from './compose.ts';
import { createOutboxMailer, OUTBOX_COLLECTION } from './outbox.ts';
import { header, mimePart } from './testing/mime.ts';

const clock = { now: () => new Date('2026-07-01T12:00:00.000Z') };

const request = {
  appName: 'Health Wallet',
  clientId: 'c-123',
  contactEmail: 'dev@wallet.example',
  requestedAt: '2026-07-01T12:00:00.000Z',
};

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the outbox mailer', () => {
  it('keeps a sent message in the outbox collection with its fields and RFC 5322 source', async () => {
    const records = createMemoryRecordStore();
    const mailer = createOutboxMailer({ records, clock });
    const { id } = await mailer.send({
      to: 'dev@wallet.example',
      template: 'productionRequestReceived',
      data: request,
    });
    const stored = await records.collection(OUTBOX_COLLECTION).get(id);
    expect(stored).toEqual(await mailer.get(id));
    const message = await mailer.get(id);
    expect(message).toMatchObject({
      id,
      at: '2026-07-01T12:00:00.000Z',
      from: 'Plan API <no-reply@plan-api.invalid>',
      to: ['dev@wallet.example'],
      subject: 'Production request received: Health Wallet',
      template: 'productionRequestReceived',
      messageId: `<${id}@plan-api.invalid>`,
    });
    expect(message?.text).toContain('We received your request to publish "Health Wallet"');
    expect(message?.html).toContain('<strong>Health Wallet</strong>');
  });

  it('stores what SMTP would carry: headers from the message, CRLF line ends, text and HTML alternatives', async () => {
    const mailer = createOutboxMailer({
      records: createMemoryRecordStore(),
      clock,
      from: 'Reviews <reviews@plan.example>',
    });
    const { id } = await mailer.send({
      to: ['Zoë Dev <dev@wallet.example>', 'ops@wallet.example'],
      template: 'productionRequestReceived',
      data: { ...request, appName: 'Zoë’s Wallet' },
    });
    const message = await mailer.get(id);
    const raw = message?.raw ?? '';
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(header(raw, 'From')).toBe('Reviews <reviews@plan.example>');
    expect(header(raw, 'To')).toBe('=?UTF-8?Q?Zo=C3=AB_Dev?= <dev@wallet.example>, ops@wallet.example');
    expect(header(raw, 'Date')).toBe('Wed, 01 Jul 2026 12:00:00 +0000');
    expect(header(raw, 'Message-ID')).toBe(`<${id}@plan.example>`);
    expect(header(raw, 'Subject')).toMatch(/^=\?UTF-8\?/);
    expect(header(raw, 'Content-Type')).toMatch(/^multipart\/alternative;/);
    expect(mimePart(raw, 'text/plain')?.replace(/\r\n/g, '\n')).toBe(message?.text);
    expect(mimePart(raw, 'text/html')?.replace(/\r\n/g, '\n')).toBe(message?.html);
  });

  it('sends a written message without HTML as a single text/plain body', async () => {
    const mailer = createOutboxMailer({ records: createMemoryRecordStore(), clock });
    const { id } = await mailer.send({ to: 'a@b.example', subject: 'Hello', text: 'Just text.' });
    const message = await mailer.get(id);
    expect(message).not.toHaveProperty('html');
    expect(message).not.toHaveProperty('template');
    expect(header(message?.raw ?? '', 'Content-Type')).toMatch(/^text\/plain/);
    expect(mimePart(message?.raw ?? '', 'text/plain')).toBe('Just text.');
  });

  it('lists messages newest first, in send order even within one millisecond, up to the limit', async () => {
    const mailer = createOutboxMailer({ records: createMemoryRecordStore(), clock });
    const sent: string[] = [];
    for (const n of [1, 2, 3]) sent.push((await mailer.send({ to: 'a@b.example', subject: `#${n}`, text: '.' })).id);
    expect((await mailer.list()).map((m) => m.subject)).toEqual(['#3', '#2', '#1']);
    expect((await mailer.list({ limit: 2 })).map((m) => m.id)).toEqual([sent[2], sent[1]]);
    expect(await mailer.get('nope')).toBeUndefined();
  });

  it('keeps the outbox on disk across restarts (lowdb record store)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plan-api-outbox-'));
    dirs.push(dir);
    const first = await createLowdbRecordStore({ dir });
    const { id } = await createOutboxMailer({ records: first, clock }).send({
      to: 'dev@wallet.example',
      template: 'productionRequestReceived',
      data: request,
    });
    await first.close();
    const reopened = await createLowdbRecordStore({ dir });
    const message = await createOutboxMailer({ records: reopened }).get(id);
    await reopened.close();
    expect(message?.subject).toBe('Production request received: Health Wallet');
    expect(message?.raw).toContain(`Message-ID: <${id}@plan-api.invalid>`);
  });

  it('refuses a message without a valid recipient or subject and keeps nothing', async () => {
    const mailer = createOutboxMailer({ records: createMemoryRecordStore(), clock });
    await expect(mailer.send({ to: 'not an address', subject: 'x', text: 'y' })).rejects.toThrow(MailError);
    await expect(mailer.send({ to: 'a@b.example\r\nBcc: x@evil.example', subject: 'x', text: 'y' })).rejects.toThrow(
      'to must be one email address',
    );
    await expect(mailer.send({ to: 'a@b.example, c@d.example', subject: 'x', text: 'y' })).rejects.toThrow(
      'put several recipients in an array',
    );
    await expect(mailer.send({ to: 'Team: a@b.example;', subject: 'x', text: 'y' })).rejects.toThrow(MailError);
    await expect(mailer.send({ to: [], subject: 'x', text: 'y' })).rejects.toThrow('at least one recipient');
    await expect(mailer.send({ to: 'a@b.example', subject: ' ', text: 'y' })).rejects.toThrow('needs a subject');
    expect(await mailer.list()).toEqual([]);
  });

  it('refuses a From address that is not one at creation', () => {
    expect(() => createOutboxMailer({ records: createMemoryRecordStore(), from: 'nobody' })).toThrow(
      'from must be one email address',
    );
  });
});
