/**
 * The seed's "Publishing your app on the Member Portal" end to end, on `pnpm server` with PostgreSQL and a real
 * SMTP server, in headless Chromium: a vendor sends a production request from the app page; a reviewer (invited by
 * `pnpm server reviewer add`) rejects it with a reason; the vendor gets the reason by email, edits the app (the
 * pending request gets a new version) and sends again; the reviewer approves; the vendor gets the approval; a
 * fhirclient app with the same client ID and secret completes a production launch as a member and reads the
 * member's EOBs; a sandbox-only app is refused; after "Suspend" the approved app's tokens get 401.
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
import { runServerCommand, startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor, TEST_PASSWORD } from '../testing/vendors.ts';
import { activateMember, inviteMember, syntheticMembers } from '../testing/production.ts';
import type { TestVendor } from '../testing/vendors.ts';

// Each step drives a browser, a server command or an SMTP round trip on a 2-core machine.
vi.setConfig({ testTimeout: 90_000 });

const REVIEWER = 'maya.reviewer@acme.example';
const MEMBER = 'gio.member@acme.example';
const APP_NAME = 'WellNest Claims';
const REJECTION = 'The privacy policy link answers 404; publish the policy and send the request again.';
const SUSPENSION = 'The app sends members data to an undisclosed analytics vendor.';
const db = testDatabaseSchema('production');
let smtp: TestSmtpServer;
let server: ServerProcess;
let browser: BrowserHarness;
let app: FhirClientApp;
let vendor: TestVendor;
let vendorPage: Page;
let reviewerPage: Page;
const flow = { appUrl: '', clientId: '', clientSecret: '', sandboxOnlyClientId: '', accessToken: '', patientId: '' };
let env: Record<string, string>;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  env = {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: db.schema,
    SMTP_URL: smtp.url,
    PLAN_NAME: 'Acme Health',
    MAIL_FROM: 'Acme Health <no-reply@acme.example>',
  };
  [server, browser, app] = await Promise.all([startServerProcess(env), startBrowser(), startFhirClientApp()]);
  env.PLAN_API_PUBLIC_URL = server.url;
  vendorPage = browser.page;
  await vendorPage.setViewportSize(DESKTOP);
  reviewerPage = await (await browser.browser.newContext({ viewport: DESKTOP })).newPage();
}, 120_000);
afterAll(async () => {
  await Promise.allSettled([browser?.close(), app?.stop(), server?.stop(), smtp?.stop()]);
  await db.drop();
});

/** A field of the app form by its label (a required field's label ends in an asterisk). */
const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*\\*?$`));

const appStatus = () => vendorPage.getByTestId('app-status');

/** Waits until the vendor's App Status section says `text` (the page refetches the app as it loads). */
async function statusSays(text: string): Promise<void> {
  await appStatus()
    .waitFor({ timeout: 20_000 })
    .catch(async (e: unknown) => {
      console.log('DEBUG', vendorPage.url(), await vendorPage.locator('body').innerText());
      throw e;
    });
  await expect.poll(() => appStatus().innerText(), { timeout: 20_000 }).toContain(text);
}

async function fillApp(page: Page, name: string): Promise<void> {
  await field(page, 'Application Name').fill(name);
  await page.getByRole('radio', { name: /Authorization Code \+ Secret/ }).check();
  await field(page, 'Redirect URL').fill(app.redirectUri);
  await field(page, 'Launch URL').fill('https://wellnest.example/launch');
  await field(page, 'Logo URL').fill('https://wellnest.example/logo.png');
  await field(page, 'Organization/Company Name').fill('WellNest Inc.');
  await field(page, 'Organization/Company Website URL').fill('https://wellnest.example');
  await field(page, 'Privacy Policy URL').fill('https://wellnest.example/privacy');
  await field(page, 'Security Policy URL').fill('https://wellnest.example/security');
  await field(page, 'Terms of Service URL').fill('https://wellnest.example/terms');
  await field(page, 'Description').fill('Shows your claims and what you owe, in plain words, on any phone.');
}

/** Signs a page's browser context in to the developer area with the vendor's session cookie. */
async function signInVendor(page: Page): Promise<void> {
  await page.goto(`${server.url}/developer/sign-in`);
  await page.getByLabel('Email').fill(vendor.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Apps' }).waitFor();
}

async function sendRequest(notes: string): Promise<void> {
  await vendorPage.getByRole('button', { name: 'Send Request' }).first().click();
  const dialog = vendorPage.getByRole('dialog', { name: 'Send Request' });
  await dialog.getByText(/make sure you have entered the correct app details/).waitFor();
  for (const [question, answer] of [
    [/sell members' data/, 'No'],
    [/share members' data with third parties/, 'No'],
    [/deleted from the app/, 'Yes'],
    [/CARIN Alliance code of conduct/, 'Yes'],
  ] as const) {
    await dialog.getByRole('radiogroup', { name: question }).getByRole('radio', { name: answer }).check();
  }
  await dialog.getByLabel('Notes').fill(notes);
  await dialog.getByRole('button', { name: 'Send Request' }).click();
  await vendorPage.getByText('Request sent').first().waitFor();
}

async function openRequest(status: string): Promise<void> {
  await reviewerPage.goto(`${server.url}/review/requests`);
  const row = reviewerPage.getByRole('article').filter({ hasText: APP_NAME }).filter({ hasText: status }).first();
  await row.getByRole('link', { name: APP_NAME }).click();
  await reviewerPage.getByRole('heading', { name: 'Privacy attestation' }).waitFor();
}

describe('publishing an app: production request, review, production realm', () => {
  it('a reviewer is invited with `pnpm server reviewer add` and sets a password from the emailed link', async () => {
    const sent = smtp.messages.length;
    const added = await runServerCommand(['reviewer', 'add', '--email', REVIEWER, '--name', 'Maya Chen'], env);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`Invited reviewer ${REVIEWER}`);
    const mail = await smtp.waitForMessage((m) => m.to.includes(REVIEWER) && smtp.messages.indexOf(m) >= sent, 15_000);
    const link = mail.links.find((l) => l.startsWith(`${server.url}/review/set-password#token=`));
    expect(link, mail.text).toBeDefined();
    await reviewerPage.goto(link ?? '');
    await reviewerPage.getByLabel('New password').fill(TEST_PASSWORD);
    await reviewerPage.getByLabel('Confirm password').fill(TEST_PASSWORD);
    await reviewerPage.getByRole('button', { name: 'Save password' }).click();
    await reviewerPage.waitForURL(/\/review\/requests$/);
    const again = await runServerCommand(['reviewer', 'add', '--email', REVIEWER], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('the vendor registers a complete app, sees it as Draft and sends a production request', async () => {
    vendor = await enrollVendor(server.url, smtp, 'rosa@wellnest.example', 'Rosa Diaz');
    await signInVendor(vendorPage);
    await vendorPage.getByRole('link', { name: 'New Application' }).first().click();
    await fillApp(vendorPage, APP_NAME);
    await vendorPage.getByRole('button', { name: 'Save' }).click();
    await vendorPage.waitForURL(
      (url) => /\/developer\/apps\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'),
    );
    flow.appUrl = vendorPage.url();
    await expect.poll(() => field(vendorPage, 'Client ID').inputValue()).not.toBe('');
    flow.clientId = await field(vendorPage, 'Client ID').inputValue();
    await vendorPage.getByRole('button', { name: 'Reveal secret' }).click();
    flow.clientSecret = await field(vendorPage, 'Client Secret').inputValue();
    await statusSays('Draft');
    await screenshot(vendorPage, 'vendor-app-status-draft');
    // The loopback redirect is allowed for a native app, with a warning among the pre-checks.
    await vendorPage.getByRole('button', { name: 'Send Request' }).first().click();
    const dialog = vendorPage.getByRole('dialog', { name: 'Send Request' });
    await dialog
      .getByText(/RFC 8252/)
      .first()
      .waitFor();
    await screenshot(vendorPage, 'vendor-send-request');
    await vendorPage.keyboard.press('Escape');
    await sendRequest('We go live in March.');
    await statusSays('Pending review');
    await screenshot(vendorPage, 'vendor-app-status-pending');
  });

  it('the reviewer sees the request in the queue with every field, the attestation and the pre-checks, and rejects it', async () => {
    await reviewerPage.goto(`${server.url}/review/requests`);
    await reviewerPage.getByRole('article').filter({ hasText: APP_NAME }).first().waitFor();
    await screenshot(reviewerPage, 'review-queue');
    await openRequest('Pending');
    const text = await reviewerPage.locator('main').innerText();
    for (const expected of [
      'WellNest Inc.',
      'https://wellnest.example/privacy',
      'https://wellnest.example/terms',
      'https://wellnest.example/security',
      app.redirectUri,
      flow.clientId,
      'We go live in March.',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(flow.clientSecret);
    await screenshot(reviewerPage, 'review-request');
    await reviewerPage.getByRole('button', { name: 'Reject' }).click();
    const dialog = reviewerPage.getByRole('dialog', { name: 'Reject this request' });
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.getByText(/Enter the reason/).waitFor();
    await dialog.getByLabel('Reason').fill(REJECTION);
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await reviewerPage
      .getByText(/Rejected/)
      .first()
      .waitFor();
  });

  it('the vendor receives the rejection with the reason at the enrolled address and sees it under App Status', async () => {
    const mail = await smtp.waitForMessage(
      (m) => m.to.includes(vendor.email) && /not approved/.test(m.subject),
      15_000,
    );
    expect(mail.subject).toContain(APP_NAME);
    expect(mail.text).toContain(REJECTION);
    await vendorPage.goto(flow.appUrl);
    await statusSays('Rejected');
    expect(await appStatus().innerText()).toContain(REJECTION);
    await screenshot(vendorPage, 'vendor-app-status-rejected');
  });

  it('after rejection the vendor edits and sends again; saving while pending updates the request (version 2)', async () => {
    await field(vendorPage, 'Description').fill('Shows your claims and what you owe, in plain words. Policy fixed.');
    await vendorPage.getByRole('button', { name: 'Save' }).click();
    await sendRequest('Privacy policy published.');
    await statusSays('Pending review');
    await field(vendorPage, 'Terms of Service URL').fill('https://wellnest.example/terms-of-service');
    await vendorPage.getByRole('button', { name: 'Save' }).click();
    await vendorPage
      .getByText(/pending request was updated/)
      .first()
      .waitFor();
    await openRequest('Pending');
    const text = await reviewerPage.locator('main').innerText();
    expect(text).toContain('https://wellnest.example/terms-of-service');
    expect(text).toContain('Privacy policy published.');
  });

  it('the reviewer approves; the vendor gets the approval and the App Status says Approved', async () => {
    await reviewerPage.getByRole('button', { name: 'Approve' }).click();
    await reviewerPage
      .getByRole('dialog', { name: 'Approve this request?' })
      .getByRole('button', { name: 'Approve' })
      .click();
    await reviewerPage
      .getByText(/Approved/)
      .first()
      .waitFor();
    const mail = await smtp.waitForMessage(
      (m) => m.to.includes(vendor.email) && /was approved/.test(m.subject),
      15_000,
    );
    expect(mail.subject).toContain(APP_NAME);
    await vendorPage.goto(flow.appUrl);
    await statusSays('Approved');
    await screenshot(vendorPage, 'vendor-app-status-approved');
    await reviewerPage.goto(`${server.url}/review/apps`);
    await reviewerPage.getByRole('article').filter({ hasText: APP_NAME }).first().waitFor();
    await screenshot(reviewerPage, 'review-published-apps');
  });

  it('a member signs in to the production realm and the fhirclient app reads the member EOBs with the same client ID and secret', async () => {
    const [patientId = ''] = await syntheticMembers(env, 2, 'e2e');
    expect(patientId).not.toBe('');
    flow.patientId = patientId;
    await activateMember(server.url, (await inviteMember(server.url, smtp, env, patientId, MEMBER)).token);

    app.configure({
      clientId: flow.clientId,
      clientSecret: flow.clientSecret,
      scope: 'launch/patient openid fhirUser patient/*.rs',
    });
    const memberPage = await (await browser.browser.newContext({ viewport: PHONE })).newPage();
    const launched = app.nextLaunch();
    await memberPage.goto(`${app.launchUrl}?iss=${encodeURIComponent(`${server.url}/fhir`)}`);
    await memberPage.getByRole('heading', { name: /Sign in with your Acme Health member account/ }).waitFor();
    await memberPage.getByLabel('Email').fill(MEMBER);
    await memberPage.getByLabel('Password').fill(TEST_PASSWORD);
    await screenshot(memberPage, 'production-sign-in-phone');
    await memberPage.getByRole('button', { name: 'Sign in' }).click();
    await waitForConsent(memberPage);
    expect(await sidewaysOverflow(memberPage)).toBe(0);
    await decide(memberPage, 'allow');
    const result = await launched;
    expect(result.patient.id).toBe(patientId);
    expect(result.eobs.entry?.length ?? 0).toBeGreaterThan(0);
    expect(result.eobs.entry?.every((e) => e.resource?.resourceType === 'ExplanationOfBenefit')).toBe(true);
    flow.accessToken = String(result.client.state.tokenResponse?.access_token ?? '');
    expect(flow.accessToken).not.toBe('');
    await memberPage.context().close();
  });

  it('an app that was never approved is an invalid_client in production (and works in the sandbox)', async () => {
    const created = await fetch(`${server.url}/api/apps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${vendor.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sandbox Only', oauthType: 'secret', redirectUris: [app.redirectUri] }),
    });
    expect(created.status).toBe(201);
    const sandboxOnly = (await created.json()) as { clientId: string; clientSecret: string };
    const basic = `Basic ${Buffer.from(`${sandboxOnly.clientId}:${sandboxOnly.clientSecret}`).toString('base64')}`;
    const token = await fetch(`${server.url}/auth/token`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'x', redirect_uri: app.redirectUri }),
    });
    expect(token.status).toBe(401);
    expect(((await token.json()) as { error: string }).error).toBe('invalid_client');
    const authorize = await fetch(
      `${server.url}/auth/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: sandboxOnly.clientId,
        redirect_uri: app.redirectUri,
        scope: 'openid launch/patient patient/*.rs',
        state: 'state-1',
        aud: `${server.url}/fhir`,
      })}`,
      { redirect: 'manual' },
    );
    expect(authorize.status).toBe(400);
    expect(await authorize.text()).toContain('invalid_client');
    // The approved app is a client of the sandbox realm too, with the same credentials.
    const sandboxToken = await fetch(`${server.url}/sandbox/auth/token`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'x', redirect_uri: app.redirectUri }),
    });
    expect(((await sandboxToken.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('after "Suspend" the approved app\'s access token gets 401 at once; the vendor is told; "Reinstate" undoes it', async () => {
    const read = () =>
      fetch(`${server.url}/fhir/ExplanationOfBenefit?patient=${flow.patientId}`, {
        headers: { authorization: `Bearer ${flow.accessToken}` },
      });
    expect((await read()).status).toBe(200);
    await reviewerPage.goto(`${server.url}/review/apps`);
    const row = reviewerPage.getByRole('article').filter({ hasText: APP_NAME }).first();
    await row.getByRole('button', { name: 'Suspend' }).click();
    const dialog = reviewerPage.getByRole('dialog', { name: `Suspend ${APP_NAME}?` });
    await dialog.getByLabel('Reason').fill(SUSPENSION);
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await row.getByText('Suspended').first().waitFor();
    const refused = await read();
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('invalid_token');
    const mail = await smtp.waitForMessage((m) => m.to.includes(vendor.email) && /suspended/i.test(m.subject), 15_000);
    expect(mail.text).toContain(SUSPENSION);
    await vendorPage.goto(flow.appUrl);
    await statusSays('Suspended');
    await row.getByRole('button', { name: 'Reinstate' }).click();
    await reviewerPage.getByRole('dialog').getByRole('button', { name: 'Reinstate' }).click();
    await row.getByText('Published').first().waitFor();
    expect((await read()).status).toBe(200);
  });
});
