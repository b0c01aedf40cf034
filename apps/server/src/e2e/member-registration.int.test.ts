/**
 * Member self-registration end to end (issue 12): member ID + date of birth + email on `/register`, verified by an
 * emailed link; a wrong member ID/date pair gets the same answer on the page (no enumeration) and a mail that says
 * no member matched. The member's records come in with `pnpm server import`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import { PHONE, screenshot, startBrowser } from '@plan-api/sandbox/testing';
import type { BrowserHarness } from '@plan-api/sandbox/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { runServerCommand, startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { TEST_PASSWORD } from '../testing/vendors.ts';

vi.setConfig({ testTimeout: 90_000 });

const MEMBER_ID = 'M-7731002';
const BIRTH_DATE = '1979-11-23';
const db = testDatabaseSchema('register');
let smtp: TestSmtpServer;
let server: ServerProcess;
let browser: BrowserHarness;
let page: Page;
let dir: string;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  dir = await mkdtemp(join(tmpdir(), 'plan-api-register-'));
  const env = {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: db.schema,
    SMTP_URL: smtp.url,
    PLAN_NAME: 'Acme Health',
  };
  const file = join(dir, 'member.ndjson');
  await writeFile(
    file,
    `${JSON.stringify({
      resourceType: 'Patient',
      id: 'reg-ava',
      identifier: [
        {
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB' }] },
          system: 'https://plan-api.example.org/member-id',
          value: MEMBER_ID,
        },
      ],
      name: [{ family: 'Okafor', given: ['Ava'] }],
      birthDate: BIRTH_DATE,
    })}\n`,
  );
  const imported = await runServerCommand(['import', file], env);
  expect(imported.code, imported.stdout + imported.stderr).toBe(0);
  [server, browser] = await Promise.all([startServerProcess(env), startBrowser()]);
  page = browser.page;
  await page.setViewportSize(PHONE);
}, 180_000);
afterAll(async () => {
  await Promise.allSettled([browser?.close(), server?.stop(), smtp?.stop()]);
  await rm(dir, { recursive: true, force: true });
  await db.drop();
});

async function register(memberId: string, birthDate: string, email: string): Promise<string> {
  await page.goto(`${server.url}/register`);
  await page.getByLabel('Member ID').fill(memberId);
  await page.getByLabel('Date of birth').fill(birthDate);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Register' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  // The page may repeat the address typed; everything else must be the same whatever matched.
  return (await page.locator('main').innerText()).replaceAll(email, '<email>');
}

describe('member self-registration', () => {
  it('answers a wrong member ID/date pair exactly as a right one, and mails that no member matched', async () => {
    const before = smtp.messages.length;
    const wrong = await register('M-0000000', BIRTH_DATE, 'nobody@member.example');
    const mail = await smtp.waitForMessage(
      (m) => m.to.includes('nobody@member.example') && smtp.messages.indexOf(m) >= before,
      15_000,
    );
    expect(mail.links.some((l) => l.includes('token='))).toBe(false);
    expect(mail.text).toMatch(/could not find/i);
    const right = await register(MEMBER_ID, BIRTH_DATE, 'ava@member.example');
    expect(right).toBe(wrong);
    await screenshot(page, 'member-register-sent-phone');
  });

  it('verifies the address with the emailed link, sets the password and signs the member in to her own data', async () => {
    const mail = await smtp.waitForMessage((m) => m.to.includes('ava@member.example'), 15_000);
    const link = mail.links.find((l) => l.startsWith(`${server.url}/set-password#token=`));
    expect(link, mail.text).toBeDefined();
    await page.goto(link ?? '');
    await page.getByLabel('New password').fill(TEST_PASSWORD);
    await page.getByLabel('Confirm password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.waitForURL(/\/account/);
    const data = await page.evaluate(async () => (await fetch('/api/account/my-data')).text());
    expect(data).toContain('"id":"reg-ava"');
    await page.goto(`${server.url}/account/data`);
    await page
      .locator('main')
      .getByText('1 records of 1 types')
      .or(page.locator('main').getByText(/^1 record/))
      .first()
      .waitFor();
  });

  it('refuses malformed input with field messages, and limits repeated attempts', async () => {
    const post = (body: unknown) =>
      fetch(`${server.url}/api/account/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'fetch' },
        body: JSON.stringify(body),
      });
    const bad = await post({ memberId: '', birthDate: '1979-02-30', email: 'nope' });
    expect(bad.status).toBe(400);
    const { fields } = (await bad.json()) as { fields: Record<string, string> };
    expect(Object.keys(fields).sort()).toEqual(['birthDate', 'email', 'memberId']);
    let limited: Response | undefined;
    for (let i = 0; i < 30 && !limited; i++) {
      const res = await post({ memberId: `M-${i}`, birthDate: BIRTH_DATE, email: 'flood@member.example' });
      if (res.status === 429) limited = res;
    }
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
