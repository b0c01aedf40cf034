/**
 * The member portal end to end at 375 px (issue 12), on `pnpm server` with PostgreSQL and a real SMTP server: a
 * member is invited, opens the link, sets a password, browses the gallery, connects an approved fhirclient app
 * (standalone launch), unticks one data type, the app reads EOBs and gets 403 on the unticked type, the member sees
 * the app under connected apps and its reads in the access history, revokes it, and the app's access and refresh
 * tokens fail right after. A second member sees none of it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import {
  decide,
  PHONE,
  screenshot,
  sidewaysOverflow,
  startBrowser,
  startFhirClientApp,
  typeCheckbox,
  waitForConsent,
} from '@plan-api/sandbox/testing';
import type { BrowserHarness, FhirClientApp } from '@plan-api/sandbox/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { activateMember, addReviewer, inviteMember, publishApp, syntheticMembers } from '../testing/production.ts';
import type { PublishedTestApp } from '../testing/production.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor, TEST_PASSWORD } from '../testing/vendors.ts';

vi.setConfig({ testTimeout: 90_000 });

const MEMBER = 'ines.member@acme.example';
const OTHER = 'otto.member@acme.example';
const APP_NAME = 'Claimwise';
const db = testDatabaseSchema('members');
let smtp: TestSmtpServer;
let server: ServerProcess;
let browser: BrowserHarness;
let fhirApp: FhirClientApp;
let published: PublishedTestApp;
let page: Page;
let patients: string[] = [];
let otherCookie = '';
const tokens = { access: '', refresh: '' };

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const env = {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: db.schema,
    SMTP_URL: smtp.url,
    PLAN_NAME: 'Acme Health',
  };
  [server, browser, fhirApp] = await Promise.all([startServerProcess(env), startBrowser(), startFhirClientApp()]);
  const commandEnv = { ...env, PLAN_API_PUBLIC_URL: server.url };
  const [vendor, reviewer, members] = await Promise.all([
    enrollVendor(server.url, smtp, 'kim@claimwise.example', 'Kim Lee'),
    addReviewer(server.url, smtp, commandEnv, 'rae.reviewer@acme.example'),
    syntheticMembers(commandEnv, 2, 'portal'),
  ]);
  patients = members;
  published = await publishApp(server.url, vendor, reviewer, {
    name: APP_NAME,
    redirectUris: [fhirApp.redirectUri],
    description: 'Explains every claim in plain words and tracks what you still owe.',
  });
  const invited = await inviteMember(server.url, smtp, commandEnv, patients[0] ?? '', MEMBER);
  otherCookie = await activateMember(
    server.url,
    (await inviteMember(server.url, smtp, commandEnv, patients[1] ?? '', OTHER)).token,
  );
  page = browser.page;
  await page.setViewportSize(PHONE);
  await page.goto(invited.link);
}, 180_000);
afterAll(async () => {
  await Promise.allSettled([browser?.close(), fhirApp?.stop(), server?.stop(), smtp?.stop()]);
  await db.drop();
});

async function fits(name: string): Promise<void> {
  expect(await sidewaysOverflow(page), name).toBe(0);
  await screenshot(page, name);
}

describe('a member on a phone', () => {
  it('opens the invitation, sets a password and lands in the account with no connected apps', async () => {
    await page.getByLabel('New password').fill(TEST_PASSWORD);
    await page.getByLabel('Confirm password').fill(TEST_PASSWORD);
    expect(page.url()).not.toContain('token=');
    await fits('member-set-password-phone');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.waitForURL(/\/account/);
    await page.getByRole('link', { name: 'Connected apps' }).first().waitFor();
  });

  it('browses the gallery and the app page with its privacy answers in plain words', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Apps you can connect' }).waitFor();
    await page.getByLabel('Search apps').fill('claim');
    const card = page.getByRole('article', { name: APP_NAME });
    await card.waitFor();
    await fits('member-gallery-phone');
    await card.getByRole('link').first().click();
    await page.getByRole('heading', { name: APP_NAME }).first().waitFor();
    await page.getByRole('heading', { name: 'Privacy' }).waitFor();
    expect(await page.getByRole('link', { name: 'Connect' }).getAttribute('href')).toContain('https://');
    await fits('member-app-phone');
  });

  it('connects the app in a standalone launch, unticking Condition; the app reads EOBs and gets 403 on Condition', async () => {
    fhirApp.configure({
      clientId: published.clientId,
      clientSecret: published.clientSecret,
      scope: 'launch/patient openid fhirUser offline_access patient/*.rs',
    });
    const launched = fhirApp.nextLaunch();
    await page.goto(`${fhirApp.launchUrl}?iss=${encodeURIComponent(`${server.url}/fhir`)}`);
    await page.getByLabel('Email').fill(MEMBER);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForConsent(page);
    await typeCheckbox(page, 'Condition').uncheck();
    await fits('member-consent-phone');
    await decide(page, 'allow');
    const result = await launched;
    expect(result.patient.id).toBe(patients[0]);
    expect(result.eobs.entry?.length ?? 0).toBeGreaterThan(0);
    const response = result.client.state.tokenResponse ?? {};
    tokens.access = String(response.access_token ?? '');
    tokens.refresh = String(response.refresh_token ?? '');
    expect(tokens.refresh).not.toBe('');
    const condition = await fetch(`${server.url}/fhir/Condition?patient=${patients[0] ?? ''}`, {
      headers: { authorization: `Bearer ${tokens.access}` },
    });
    expect(condition.status).toBe(403);
  });

  it('sees the app under connected apps and its reads in the access history', async () => {
    await page.goto(`${server.url}/account/apps`);
    const card = page.getByRole('article', { name: APP_NAME });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('Claims');
    expect(text).not.toContain('Conditions and diagnoses');
    await fits('member-connected-apps-phone');
    await page.goto(`${server.url}/account/history`);
    await page
      .getByText(/Claims · \d+ record/)
      .first()
      .waitFor();
    expect(await page.locator('main').innerText()).toContain(APP_NAME);
    await fits('member-access-history-phone');
    await page.goto(`${server.url}/account/data`);
    await page.getByText(/^\d[\d,]* records of \d+ types$/).waitFor();
    await fits('member-my-data-phone');
  });

  it('never shows another member the first member data, grants or history', async () => {
    const get = (path: string) => fetch(`${server.url}/api/account${path}`, { headers: { cookie: otherCookie } });
    const apps = (await (await get('/connected-apps')).json()) as { apps: unknown[] };
    expect(apps.apps).toEqual([]);
    const history = (await (await get('/access-history')).json()) as { entries: unknown[] };
    expect(history.entries).toEqual([]);
    const data = JSON.stringify(await (await get('/my-data')).json());
    expect(data).toContain(`Patient/${patients[1] ?? ''}`);
    expect(data).not.toContain(`Patient/${patients[0] ?? ''}`);
    // And the first member's app, with the first member's token, cannot read the other member's records.
    const asApp = (path: string) =>
      fetch(`${server.url}/fhir/${path}`, { headers: { authorization: `Bearer ${tokens.access}` } });
    expect([403, 404]).toContain((await asApp(`Patient/${patients[1] ?? ''}`)).status);
    const eobs = await asApp(`ExplanationOfBenefit?patient=${patients[1] ?? ''}`);
    const body = (await eobs.json()) as { entry?: unknown[] };
    expect(eobs.status === 403 || (body.entry ?? []).length === 0).toBe(true);
  });

  it('revokes the app; its access and refresh tokens fail right after', async () => {
    await page.goto(`${server.url}/account/apps`);
    await page.getByRole('article', { name: APP_NAME }).getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('dialog', { name: `Revoke ${APP_NAME}?` })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page.getByText('Access revoked').first().waitFor();
    await expect.poll(() => page.getByRole('article', { name: APP_NAME }).count()).toBe(0);
    const read = await fetch(`${server.url}/fhir/ExplanationOfBenefit?patient=${patients[0] ?? ''}`, {
      headers: { authorization: `Bearer ${tokens.access}` },
    });
    expect(read.status).toBe(401);
    const basic = `Basic ${Buffer.from(`${published.clientId}:${published.clientSecret}`).toString('base64')}`;
    const refreshed = await fetch(`${server.url}/auth/token`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens.refresh }),
    });
    expect(refreshed.status).toBe(400);
    expect(((await refreshed.json()) as { error: string }).error).toBe('invalid_grant');
  });
});
