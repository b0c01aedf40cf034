/**
 * The seed's "Developer Sandbox" section end to end, on `pnpm server` with PostgreSQL and a real SMTP server, in
 * headless Chromium as a vendor does it: from the member portal's home page to "Vendor Enrollment to Sandbox",
 * the form, "Submit", the emailed link, the password, an empty list of applications, "New Application" with every
 * field of the seed, "Initialize Patient", "My Data", and "Launch App" of a fhirclient app that reads the patient's
 * EOBs. Each page is saved to docs/screenshots (README "Screenshots").
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import {
  decide,
  DESKTOP,
  PHONE,
  screenshot,
  sidewaysOverflow,
  startBrowser,
  startFhirClientApp,
  waitForConsent,
} from '@plan-api/sandbox/testing';
import type { BrowserHarness, FhirClientApp } from '@plan-api/sandbox/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { TEST_PASSWORD } from '../testing/vendors.ts';

// Each step drives a browser against a server process on a 2-core machine busy with other test files.
vi.setConfig({ testTimeout: 90_000 });

const EMAIL = 'rosa@wellnest.example';
const APP_NAME = 'WellNest Claims';
const db = testDatabaseSchema('flow');
let smtp: TestSmtpServer;
let server: ServerProcess;
let browser: BrowserHarness;
let app: FhirClientApp;
let page: Page;
const flow = { appUrl: '', patientName: '', patientUrl: '' };

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  [server, browser, app] = await Promise.all([
    startServerProcess({
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: db.schema,
      SMTP_URL: smtp.url,
      PLAN_NAME: 'Acme Health',
      MAIL_FROM: 'Acme Health <no-reply@acme.example>',
    }),
    startBrowser(),
    startFhirClientApp(),
  ]);
  page = browser.page;
  await page.setViewportSize(DESKTOP);
}, 120_000);
afterAll(async () => {
  await Promise.allSettled([browser?.close(), app?.stop(), server?.stop(), smtp?.stop()]);
  await db.drop();
});

/** A field of the app form by its label (a required field's label ends in an asterisk). */
const field = (label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*\\*?$`));

describe('a vendor on the hosted developer sandbox', () => {
  it('enrolls from the member portal: "Vendor Enrollment to Sandbox", the form and "Submit"', async () => {
    await page.goto(`${server.url}/`);
    await page.getByText('Acme Health').first().waitFor();
    await screenshot(page, 'portal-home');
    await page.getByRole('link', { name: 'Vendor Enrollment to Sandbox' }).first().click();
    await page.waitForURL(/\/developer\/enroll$/);
    await page.getByLabel('Name', { exact: true }).fill('Rosa Diaz');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Organization/Company Name').fill('WellNest Inc.');
    await page.getByLabel('Organization/Company Website URL').fill('https://wellnest.example');
    await page.getByLabel('Phone').fill('+1 555 010 2030');
    await page.getByLabel('I accept the terms of use').check();
    await screenshot(page, 'vendor-enroll');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await screenshot(page, 'vendor-enroll-sent');
  });

  it('follows the emailed link, sets a password and sees an empty list of applications', async () => {
    const mail = await smtp.waitForMessage((m) => m.to.includes(EMAIL), 15_000);
    expect(mail.subject).toContain('Acme Health');
    expect(mail.html).toContain('Acme Health');
    const link = mail.links.find((l) => l.includes('/developer/set-password#token='));
    expect(link).toBeDefined();
    await page.goto(link ?? '');
    await page.getByLabel('New password').fill(TEST_PASSWORD);
    await page.getByLabel('Confirm password').fill(TEST_PASSWORD);
    // The token left the address bar before anything else ran.
    expect(page.url()).not.toContain('token=');
    await screenshot(page, 'vendor-set-password');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.getByRole('heading', { name: 'Apps' }).waitFor();
    await page.getByText('No applications yet').waitFor();
    await screenshot(page, 'vendor-apps-empty');
  });

  it('registers an app with every field of the seed', async () => {
    await page.getByRole('link', { name: 'New Application' }).first().click();
    await page.getByRole('heading', { name: 'New Application' }).waitFor();
    await field('Application Name').fill(APP_NAME);
    await page.getByRole('radio', { name: /Authorization Code \+ Secret/ }).check();
    await field('Redirect URL').fill(app.redirectUri);
    await field('Launch URL').fill(app.launchUrl);
    await field('Logo URL').fill('https://wellnest.example/logo.png');
    await field('Organization/Company Name').fill('WellNest Inc.');
    await field('Organization/Company Website URL').fill('https://wellnest.example');
    await field('Privacy Policy URL').fill('https://wellnest.example/privacy');
    await field('Security Policy URL').fill('https://wellnest.example/security');
    await field('Terms of Service URL').fill('https://wellnest.example/terms');
    await field('Description').fill('Shows your claims and what you owe, in plain words.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL((url) => /\/developer\/apps\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    await expect.poll(() => field('Client ID').inputValue()).not.toBe('');
    const clientId = await field('Client ID').inputValue();
    await page.getByRole('button', { name: 'Reveal secret' }).click();
    const clientSecret = await field('Client Secret').inputValue();
    expect(clientSecret.length).toBeGreaterThan(20);
    app.configure({ clientId, clientSecret, scope: 'launch openid fhirUser patient/*.rs' });
    flow.appUrl = page.url();
  });

  it('initializes a patient and opens My Data', async () => {
    await page.getByRole('link', { name: 'Apps', exact: true }).first().click();
    await page.getByRole('article', { name: APP_NAME }).waitFor();
    await page.getByRole('button', { name: 'Initialize Patient' }).first().click();
    const modal = page.getByRole('dialog', { name: 'Initialize Patient' });
    await modal.getByRole('button', { name: 'Initialize Patient' }).click();
    const done = page.getByRole('dialog', { name: 'Patient initialized' });
    await done.waitFor({ timeout: 30_000 });
    flow.patientName = (await done.getByTestId('initialized-patient-name').innerText()).trim();
    await done.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('link', { name: 'Patients', exact: true }).first().click();
    await page
      .getByRole('link', { name: `My Data of ${flow.patientName}` })
      .or(page.getByRole('button', { name: `My Data of ${flow.patientName}` }))
      .first()
      .click();
    await page.waitForURL(/\/developer\/patients\/[^/]+$/);
    flow.patientUrl = page.url();
    const types = page.getByRole('navigation', { name: 'Resource types' });
    expect(await types.innerText()).toMatch(/ExplanationOfBenefit[\s\S]*\d/);
    await screenshot(page, 'vendor-my-data');
  });

  it('launches the fhirclient app from the app page; the member consents and the app reads the EOBs', async () => {
    await page.goto(flow.appUrl);
    await page.getByRole('button', { name: 'Launch App' }).first().click();
    const modal = page.getByRole('dialog', { name: 'Launch App' });
    await expect.poll(() => modal.getByLabel(/^Patient/).inputValue()).toContain(flow.patientName);
    const launched = app.nextLaunch();
    const opened = page.context().waitForEvent('page');
    await modal.getByRole('button', { name: 'Launch', exact: true }).click();
    const popup = await opened;
    await popup.setViewportSize(DESKTOP);
    await waitForConsent(popup);
    expect(await popup.getByRole('heading', { name: APP_NAME, exact: true }).count()).toBe(1);
    await screenshot(popup, 'vendor-consent');
    await decide(popup, 'allow');
    const result = await launched;
    expect(result.eobs.resourceType).toBe('Bundle');
    expect(result.eobs.entry?.length ?? 0).toBeGreaterThan(0);
    expect(result.eobs.entry?.every((e) => e.resource?.resourceType === 'ExplanationOfBenefit')).toBe(true);
    await popup.close();
  });

  it('keeps API keys on the account page, and every page fits a phone', async () => {
    await page.goto(`${server.url}/developer/account`);
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('GitHub Actions');
    await page.getByRole('button', { name: 'Create API key' }).click();
    await page
      .getByRole('dialog')
      .getByText(/not be shown again/i)
      .waitFor();
    await screenshot(page, 'vendor-api-key');
    await page.keyboard.press('Escape');
    await page.setViewportSize(PHONE);
    for (const [url, name] of [
      [`${server.url}/developer/apps`, 'vendor-apps-phone'],
      [flow.patientUrl, 'vendor-my-data-phone'],
      [`${server.url}/developer/account`, 'vendor-account-phone'],
      [`${server.url}/`, 'portal-home-phone'],
    ] as const) {
      await page.goto(url);
      await page.getByRole('heading').first().waitFor();
      expect(await sidewaysOverflow(page), url).toBe(0);
      await screenshot(page, name);
    }
  });
});
