/**
 * Member sign-in with the plan's own OpenID Connect provider (issue 12): a second oidc-provider instance plays the
 * plan's identity provider; the member portal's button sends the member there and back, and the member lands in
 * the account area signed in. An identity the plan has no member account for is told so on the sign-in page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import { PHONE, screenshot, startBrowser } from '@plan-api/sandbox/testing';
import type { BrowserHarness } from '@plan-api/sandbox/testing';
import { startTestIdentityProvider } from '@plan-api/smart/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { activateMember, inviteMember, syntheticMembers } from '../testing/production.ts';
import { freePort, startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';

vi.setConfig({ testTimeout: 90_000 });

const MEMBER = 'noor.member@acme.example';
const STRANGER = 'stranger@acme.example';
const db = testDatabaseSchema('oidc');
let smtp: TestSmtpServer;
let server: ServerProcess;
let idp: Awaited<ReturnType<typeof startTestIdentityProvider>>;
let browser: BrowserHarness;
let page: Page;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  // The server's port, chosen before the identity provider must know its callback.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  idp = await startTestIdentityProvider({
    users: [
      { sub: 'acme-id-1', email: MEMBER, email_verified: true },
      { sub: 'acme-id-2', email: STRANGER, email_verified: true },
    ],
    redirectUris: [`${url}/account/oidc/callback`],
  });
  const env = {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: db.schema,
    SMTP_URL: smtp.url,
    PLAN_NAME: 'Acme Health',
    PORT: String(port),
    PLAN_OIDC_ISSUER: idp.issuer,
    PLAN_OIDC_CLIENT_ID: idp.clientId,
    PLAN_OIDC_CLIENT_SECRET: idp.clientSecret,
    PLAN_OIDC_LABEL: 'Sign in with Acme ID',
  };
  [server, browser] = await Promise.all([startServerProcess(env), startBrowser()]);
  const commandEnv = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: db.schema, SMTP_URL: smtp.url };
  const [patientId] = await syntheticMembers(commandEnv, 1, 'oidc');
  await activateMember(server.url, (await inviteMember(server.url, smtp, commandEnv, patientId ?? '', MEMBER)).token);
  page = browser.page;
  await page.setViewportSize(PHONE);
}, 180_000);
afterAll(async () => {
  await Promise.allSettled([browser?.close(), server?.stop(), idp?.close(), smtp?.stop()]);
  await db.drop();
});

async function signInWithIdp(email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${server.url}/sign-in`);
  await page
    .getByRole('link', { name: 'Sign in with Acme ID' })
    .or(page.getByRole('button', { name: 'Sign in with Acme ID' }))
    .first()
    .click();
  await page.waitForURL((u) => u.href.startsWith(idp.issuer));
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('member sign-in with the plan identity provider', () => {
  it('signs a member in through the identity provider and lands in the account', async () => {
    await signInWithIdp(MEMBER);
    await page.waitForURL(`${server.url}/account/apps`);
    await page.getByRole('link', { name: 'Connected apps' }).first().waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/account/session')).json());
    expect(session).toMatchObject({ kind: 'member', account: { email: MEMBER } });
    await screenshot(page, 'member-oidc-signed-in-phone');
  });

  it('tells an identity without a member account so, and signs nobody in', async () => {
    await signInWithIdp(STRANGER);
    await page.waitForURL(/\/sign-in\?error=no_member_account/);
    await page.getByRole('alert').first().waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/account/session')).status);
    expect(status).toBe(401);
  });
});
