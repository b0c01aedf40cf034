import { createMemoryRecordStore, type RecordStore } from '@plan-api/store';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveringMailer, MailLogger, OutboxMessage } from '../message.ts';
import { OUTBOX_COLLECTION } from '../outbox.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../testing/smtp-server.ts';
import { createSmtpMailer, type SmtpMailerOptions } from './smtp.ts';

const LINK = 'https://plan.example/developer/set-password?token=s3cret-single-use-token';

const enrollment = {
  to: 'Dana Dev <dana@vendor.example>',
  template: 'accountLink',
  data: { audience: 'vendor', purpose: 'enroll', name: 'Dana', link: LINK, expiresAt: '2026-07-02T12:00:00.000Z' },
} as const;

/** A clock the test moves by hand, so backoff is checked without waiting. */
function testClock(start = '2026-07-01T12:00:00.000Z') {
  let now = new Date(start);
  return {
    now: () => now,
    advance(seconds: number) {
      now = new Date(now.getTime() + seconds * 1000);
    },
  };
}

/** A logger that keeps each line with its details, as the server's log would show them. */
function testLogger(): MailLogger & { lines: { level: string; message: string; details?: unknown }[] } {
  const lines: { level: string; message: string; details?: unknown }[] = [];
  return {
    lines,
    info: (message, details) => lines.push({ level: 'info', message, details }),
    error: (message, details) => lines.push({ level: 'error', message, details }),
  };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function smtp(options?: Parameters<typeof startTestSmtpServer>[0]): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer(options);
  cleanup.push(() => server.stop());
  return server;
}

/** A port nothing listens on: a test server's, once it has stopped. */
async function closedPort(): Promise<number> {
  const server = await startTestSmtpServer();
  await server.stop();
  return server.port;
}

/**
 * The sockets, servers and timers of the process once none is left, or after `timeoutMs`: closing a socket
 * takes a round trip (each side sees the other's FIN), which is well under nodemailer's 5 s fallback.
 */
async function settledHandles(keep: readonly string[] = [], timeoutMs = 1000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  const active = () => process.getActiveResourcesInfo().filter((r) => /^(TCP|Timeout)/.test(r) && !keep.includes(r));
  while (active().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return active();
}

function setup(options: Partial<SmtpMailerOptions> & { url: string }) {
  const records: RecordStore = options.records ?? createMemoryRecordStore();
  const clock = testClock();
  const logger = testLogger();
  const created: DeliveringMailer = createSmtpMailer({ records, clock, logger, planName: 'Acme Health', ...options });
  cleanup.push(() => created.stop());
  return { mailer: created, records, clock, logger };
}

describe('the SMTP mailer', () => {
  it('delivers the stored source to the SMTP server: both parts, the plan name, From and To', async () => {
    const server = await smtp();
    const { mailer, logger } = setup({ url: server.url, from: 'Acme Health <no-reply@acme.example>' });
    const { id } = await mailer.send(enrollment);
    const stored = await mailer.get(id);
    expect(stored?.delivery).toEqual({ status: 'sent', attempts: 1, sentAt: '2026-07-01T12:00:00.000Z' });
    expect(server.messages).toHaveLength(1);
    const received = server.messages[0];
    expect(received?.raw).toBe(stored?.raw);
    expect(received?.envelope).toEqual({ from: 'no-reply@acme.example', to: ['dana@vendor.example'] });
    expect(received?.from).toBe('"Acme Health" <no-reply@acme.example>');
    expect(received?.to).toEqual(['dana@vendor.example']);
    expect(received?.subject).toBe('Finish your enrollment in the Acme Health Developer Sandbox: set your password');
    expect(received?.text).toContain('\n— Acme Health\n');
    expect(received?.links).toEqual([LINK]);
    expect(received?.html).toContain(`href="${LINK.replace(/&/g, '&amp;')}"`);
    expect(received?.html).toContain('Sent by Acme Health');
    expect(logger.lines).toEqual([
      expect.objectContaining({ level: 'info', message: expect.stringContaining(`Mail delivered: message ${id}`) }),
    ]);
  });

  it('keeps a message it cannot deliver, logs one line without body or link, and delivers it once the server is up', async () => {
    const port = await closedPort();
    const { mailer, records, clock, logger } = setup({ url: `smtp://127.0.0.1:${port}` });
    const { id } = await mailer.send(enrollment);

    const waiting = await records.collection<OutboxMessage>(OUTBOX_COLLECTION).get(id);
    expect(waiting?.delivery).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-07-01T12:00:30.000Z',
      lastError: `cannot reach the SMTP server at smtp://127.0.0.1:${port} (ECONNREFUSED)`,
    });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]?.message).toBe(
      `Mail not delivered yet: cannot reach the SMTP server at smtp://127.0.0.1:${port} (ECONNREFUSED); message ${id} ` +
        '("Finish your enrollment in the Acme Health Developer Sandbox: set your password") waits in the outbox, ' +
        'next attempt in 30 s (attempt 1 of 8).',
    );
    const logged = JSON.stringify(logger.lines);
    expect(logged).not.toContain('s3cret-single-use-token');
    expect(logged).not.toContain('set-password');
    expect(logged).not.toContain('Thank you for enrolling');

    const server = await smtp({ port });
    expect(await mailer.deliverDue()).toBe(0);
    clock.advance(30);
    expect(await mailer.deliverDue()).toBe(1);
    expect((await mailer.get(id))?.delivery).toMatchObject({ status: 'sent', attempts: 2 });
    expect(server.messages.map((m) => m.subject)).toEqual([waiting?.subject]);
    expect(await mailer.deliverDue()).toBe(0);
  });

  it('backs off exponentially from a refusing server and marks the message failed after the last attempt', async () => {
    const server = await smtp({ refuse: 'reject' });
    const { mailer, clock, logger } = setup({ url: server.url, retry: { firstDelaySeconds: 10, maxAttempts: 3 } });
    const { id } = await mailer.send({ to: 'a@b.example', subject: 'Hello', text: 'Body text' });
    expect((await mailer.get(id))?.delivery?.nextAttemptAt).toBe('2026-07-01T12:00:10.000Z');
    clock.advance(10);
    expect(await mailer.deliverDue()).toBe(0);
    expect((await mailer.get(id))?.delivery?.nextAttemptAt).toBe('2026-07-01T12:00:30.000Z');
    clock.advance(20);
    expect(await mailer.deliverDue()).toBe(0);
    const failed = await mailer.get(id);
    expect(failed?.delivery).toEqual({
      status: 'failed',
      attempts: 3,
      lastError: `the SMTP server at ${server.url} refused the message (451 Test server: try again later)`,
    });
    expect(failed?.deliveryDueAt).toBeUndefined();
    expect(logger.lines.map((l) => l.level)).toEqual(['error', 'error', 'error']);
    expect(logger.lines[1]?.message).toContain('next attempt in 20 s (attempt 2 of 3)');
    expect(logger.lines[2]?.message).toContain('failed after 3 attempts and stays in the outbox as failed.');
    server.refuse(false);
    clock.advance(3600);
    expect(await mailer.deliverDue()).toBe(0);
    expect(server.messages).toHaveLength(0);
  });

  it('logs in with the credentials of the URL and never shows them', async () => {
    const server = await smtp({ auth: { user: 'relay-user', pass: 'hunter2-relay' } });
    const good = setup({ url: server.url });
    await good.mailer.send({ to: 'a@b.example', subject: 'With login', text: '.' });
    expect(server.messages.map((m) => m.subject)).toEqual(['With login']);

    const bad = setup({ url: server.url.replace('hunter2-relay', 'wrong-pass') });
    const { id } = await bad.mailer.send({ to: 'a@b.example', subject: 'Bad login', text: '.' });
    expect((await bad.mailer.get(id))?.delivery?.lastError).toBe(
      `the SMTP server at smtp://***@127.0.0.1:${server.port} refused the login (535 Test server: invalid login)`,
    );
    const logged = JSON.stringify([...good.logger.lines, ...bad.logger.lines]);
    expect(logged).not.toMatch(/relay-user|hunter2|wrong-pass/);
  });

  it('sends a due message once when two processes on one store race for it', async () => {
    const server = await smtp({ refuse: 'reject' });
    const records = createMemoryRecordStore();
    const a = setup({ url: server.url, records });
    const b = setup({ url: server.url, records });
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4, 5])
      ids.push((await a.mailer.send({ to: 'a@b.example', subject: `#${n}`, text: '.' })).id);
    server.refuse(false);
    a.clock.advance(30);
    b.clock.advance(30);
    const [byA, byB] = await Promise.all([a.mailer.deliverDue(), b.mailer.deliverDue()]);
    expect(byA + byB).toBe(5);
    expect(server.messages.map((m) => m.subject).sort()).toEqual(['#1', '#2', '#3', '#4', '#5']);
    const stored = await Promise.all(ids.map((id) => a.mailer.get(id)));
    expect(stored.map((m) => [m?.delivery?.status, m?.delivery?.attempts])).toEqual(Array(5).fill(['sent', 2]));
  });

  it('retries a message whose claim was left by a process that stopped, once the claim has run out', async () => {
    const server = await smtp();
    const { mailer, records, clock } = setup({ url: server.url, retry: { claimSeconds: 120 } });
    await mailer.stop();
    const { id } = await mailer.send({ to: 'a@b.example', subject: 'Claimed', text: '.' });
    const outbox = records.collection<OutboxMessage>(OUTBOX_COLLECTION);
    const stored = await outbox.get(id);
    if (stored === undefined) throw new Error('not stored');
    // What a process writes when it claims the first attempt, before it dies without recording an outcome.
    const claimedUntil = '2026-07-01T12:02:00.000Z';
    await outbox.put({
      ...stored,
      delivery: { status: 'pending', attempts: 1, nextAttemptAt: claimedUntil },
      deliveryAttempts: 1,
      deliveryDueAt: claimedUntil,
    });
    const survivor = createSmtpMailer({ url: server.url, records, clock, logger: testLogger() });
    cleanup.push(() => survivor.stop());
    clock.advance(119);
    expect(await survivor.deliverDue()).toBe(0);
    clock.advance(1);
    expect(await survivor.deliverDue()).toBe(1);
    expect((await outbox.get(id))?.delivery).toMatchObject({ status: 'sent', attempts: 2 });
    expect(server.messages).toHaveLength(1);
  });

  it('delivers on its timer what was due, and stops it, waits for deliveries and closes its connections', async () => {
    expect(await settledHandles()).toEqual([]);
    const server = await startTestSmtpServer({ refuse: 'reject' });
    const { mailer, clock } = setup({ url: server.url });
    await mailer.send({ to: 'a@b.example', subject: 'Retried on the timer', text: '.' });
    server.refuse(false);
    clock.advance(30);
    mailer.start(5);
    await server.waitForMessage((m) => m.subject === 'Retried on the timer', 2000);

    const sending = mailer.send({ to: 'a@b.example', subject: 'In flight', text: '.' });
    await mailer.stop();
    await sending;
    const { id } = await mailer.send({ to: 'a@b.example', subject: 'After stop', text: '.' });
    expect((await mailer.get(id))?.delivery?.status).toBe('pending');
    expect(server.messages.map((m) => m.subject)).toEqual(['Retried on the timer', 'In flight']);
    // Only the test server's listening socket is left: the mailer's connections and timer are gone.
    expect(await settledHandles(['TCPServerWrap'])).toEqual([]);
    await server.stop();
    expect(await settledHandles()).toEqual([]);
  });

  it('refuses a URL that is not smtp(s) without repeating it (it may hold a password)', () => {
    const records = createMemoryRecordStore();
    const logger = testLogger();
    expect(() => createSmtpMailer({ url: 'http://user:pw-123@host', records, logger })).toThrow(
      /must look like smtp:\/\/host:port/,
    );
    expect(() => createSmtpMailer({ url: 'smtp://user:pw-123@', records, logger })).toThrow(/^(?!.*pw-123)/);
  });
});
