/**
 * Every bad input of enrollment and sign-in on `pnpm server` (PostgreSQL, real SMTP): clear messages, the same
 * answer whether or not an address is known, nothing half-created; and the process itself: probes, JSON request
 * logs without tokens or passwords, SIGTERM drains and exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor, linkTokenFor, TEST_PASSWORD } from '../testing/vendors.ts';

const db = testDatabaseSchema('errors');
let smtp: TestSmtpServer;
let server: ServerProcess;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startServerProcess({
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: db.schema,
    SMTP_URL: smtp.url,
  });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  await db.drop();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'fetch', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

const enrollment = (email: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Lee Park',
  email,
  organizationName: 'Park Apps',
  organizationUrl: 'https://park.example',
  phone: '+1 555 010 9999',
  acceptTerms: true,
  ...overrides,
});

describe('enrollment and sign-in refuse bad input clearly, and create nothing half-way', () => {
  it('answers field by field for a bad enrollment, and sends no mail', async () => {
    const before = smtp.messages.length;
    const res = await post('/vendor-enrollments', {
      name: '',
      email: 'not-an-email',
      organizationName: 'Park Apps',
      organizationUrl: 'ftp://park.example',
      phone: 'call me',
      acceptTerms: false,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    expect(Object.keys(res.body.fields as object).sort()).toEqual(
      ['acceptTerms', 'email', 'name', 'organizationUrl', 'phone'].sort(),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.length).toBe(before);
  });

  it('gives a known and an unknown address the same answer; the known one is told by mail it has an account', async () => {
    await enrollVendor(server.url, smtp, 'lee@park.example', 'Lee');
    const before = smtp.messages.length;
    const known = await post('/vendor-enrollments', enrollment('lee@park.example'));
    const unknown = await post('/vendor-enrollments', enrollment('new@park.example'));
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);
    const exists = await smtp.waitForMessage(
      (m) => m.to.includes('lee@park.example') && smtp.messages.indexOf(m) >= before,
    );
    expect(exists.subject).toMatch(/already have an account/i);
    const forgot = [
      await post('/password-resets', { email: 'lee@park.example' }),
      await post('/password-resets', { email: 'nobody@park.example' }),
    ];
    expect(forgot.map((r) => r.status)).toEqual([202, 202]);
    expect(forgot[0]?.body).toEqual(forgot[1]?.body);
  });

  it('refuses a weak password and keeps the link for a second try; a used link says so', async () => {
    const before = smtp.messages.length;
    await post('/vendor-enrollments', enrollment('kim@park.example', { name: 'Kim Lo' }));
    const token = await linkTokenFor(smtp, 'kim@park.example', before);
    for (const [password, message] of [
      ['short', /at least 12 characters/],
      ['kim@park.example is me', /email/],
      ['password1234', /common/],
    ] as const) {
      const weak = await post('/password-links', { token, password });
      expect(weak.status, password).toBe(400);
      expect((weak.body.fields as Record<string, string>).password).toMatch(message);
    }
    const set = await post('/password-links', { token, password: TEST_PASSWORD });
    expect(set.status).toBe(200);
    const again = await post('/password-links', { token, password: TEST_PASSWORD });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('link_invalid');
    expect(again.body.message).toMatch(/already used/);
    const unknown = await post('/password-links', { token: 'x'.repeat(43), password: TEST_PASSWORD });
    expect(unknown.body.message).toMatch(/not valid/);
  });

  it('answers a wrong password like an unknown address, then 429 with Retry-After after too many', async () => {
    const wrong = await post('/session', { email: 'lee@park.example', password: 'nothing like it at all' });
    const nobody = await post('/session', { email: 'nobody@park.example', password: 'nothing like it at all' });
    expect([wrong.status, nobody.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(nobody.body);
    let last = wrong;
    for (let i = 0; i < 12 && last.status !== 429; i++) {
      last = await post('/session', { email: 'lee@park.example', password: `wrong ${i} and longer than twelve` });
    }
    expect(last.status).toBe(429);
    expect(last.body.error).toBe('rate_limited');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    // The right password is refused too while the address is locked.
    expect((await post('/session', { email: 'lee@park.example', password: TEST_PASSWORD })).status).toBe(429);
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const res = await post(
      '/session',
      { email: 'kim@park.example', password: TEST_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
  });
});

describe('the server process', () => {
  it('answers /health and /ready', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/ready`)).json()).toEqual({ status: 'ready' });
  });

  it('logs one JSON line per request with id, status and duration, and never a token or password', async () => {
    const requests = server.logs.filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThan(10);
    expect(requests[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), method: expect.any(String), status: expect.any(Number) }),
    );
    const text = JSON.stringify(server.logs);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain('token=');
    for (const mail of smtp.messages) {
      for (const link of mail.links.filter((l) => l.includes('#token='))) {
        expect(text).not.toContain(link.slice(link.indexOf('#token=') + 7));
      }
    }
  });

  it('drains and exits 0 on SIGTERM', async () => {
    const slow = fetch(`${server.url}/api/vendor-enrollments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'fetch' },
      body: JSON.stringify(enrollment('last@park.example')),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const code = server.stop();
    expect((await slow).status).toBe(202);
    expect(await code).toBe(0);
  });
});
