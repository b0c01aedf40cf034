/**
 * The seed's whole flow through the real web UI in headless Chromium, as a vendor does it: sign in with the
 * printed link, register an app through the form (seeing the field error of a bad URL first), initialize a
 * patient, inspect My Data, launch a browser SMART app (fhirclient) in a new window, consent, and read the app's
 * FHIR calls in the launch inspector. Each page is saved to docs/screenshots (README "Screenshots").
 */
import { exportJWK, generateKeyPair } from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowser } from '../testing/e2e/browser.ts';
import type { BrowserHarness } from '../testing/e2e/browser.ts';
import { startBrowserApp } from '../testing/e2e/browser-app.ts';
import type { BrowserApp } from '../testing/e2e/browser-app.ts';
import { decide, pickPatient, waitForConsent } from '../testing/e2e/pages.ts';
import { startSandbox } from '../testing/e2e/sandbox.ts';
import type { E2eSandbox } from '../testing/e2e/sandbox.ts';
import { builtUiDir, DESKTOP, PHONE, screenshot, sidewaysOverflow } from '../testing/e2e/screenshots.ts';

const APP_NAME = 'Vitals Viewer';

let sandbox: E2eSandbox;
let app: BrowserApp;
let browser: BrowserHarness;
let page: Page;
/** What the flow learns as it goes. */
/** Content-Security-Policy violations Chromium reported on any page of the flow (there must be none). */
const cspViolations: string[] = [];
const flow = { appId: '', clientId: '', patientName: '', patientId: '', launchPath: '' };

beforeAll(async () => {
  const uiDir = builtUiDir();
  [sandbox, app, browser] = await Promise.all([startSandbox({ uiDir }), startBrowserApp(), startBrowser()]);
  page = browser.page;
  page.context().on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.setViewportSize(DESKTOP);
});
afterAll(async () => {
  await Promise.allSettled([browser?.close(), app?.stop(), sandbox?.stop()]);
});

/** The field of the form with this label (an input or textarea); a required field's label ends in an asterisk. */
const field = (label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*\\*?$`));

/** The error Mantine shows under a field: the element its aria-describedby names that holds the error. */
async function fieldError(label: string): Promise<string> {
  const input = field(label);
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

describe('the web UI, end to end', () => {
  it('sends a visitor without a session to the sign-in page, and signs in with the printed link', async () => {
    await page.goto(`${sandbox.origin}/apps`);
    await page.waitForURL(/\/login\?next=%2Fapps$/);
    await page.getByRole('heading', { name: 'Sign in to the Plan API sandbox' }).waitFor();
    await screenshot(page, 'sign-in');

    await page.goto(`${sandbox.origin}/login?token=${encodeURIComponent(sandbox.managementToken)}`);
    await page.waitForURL(`${sandbox.origin}/`);
    await page.getByRole('heading', { name: 'Apps' }).waitFor();
    await page.getByText('No applications yet').waitFor();
  });

  it('registers an app through the form, showing the server error beside a bad Launch URL', async () => {
    await page.getByRole('link', { name: 'New Application' }).first().click();
    await page.getByRole('heading', { name: 'New Application' }).waitFor();
    await field('Application Name').fill(APP_NAME);
    await page.getByRole('radio', { name: /Authorization Code \+ PKCE/ }).check();
    await field('Redirect URL').fill(app.redirectUri);
    await field('Launch URL').fill('launch page');
    await field('Logo URL').fill(app.logoUrl);
    await field('Organization/Company Name').fill('Pocket Health LLC');
    await field('Privacy Policy URL').fill('https://example.org/privacy');
    await field('Terms of Service URL').fill('https://example.org/terms');
    await field('Description').fill('Shows your latest vital signs and lab results.');
    await page.getByRole('button', { name: 'Save' }).click();

    expect(await fieldError('Launch URL')).toMatch(/launch URL/i);
    await expect.poll(() => field('Application Name').getAttribute('aria-invalid')).not.toBe('true');
    await screenshot(page, 'app-form-error');

    await field('Launch URL').fill(app.launchUrl);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/apps\/[^/]+$/);
    await expect.poll(() => field('Client ID').inputValue()).not.toBe('');
    flow.clientId = await field('Client ID').inputValue();
    flow.appId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(await field('Launch URL').inputValue()).toBe(app.launchUrl);
    expect(await field('Launch URL').getAttribute('aria-invalid')).not.toBe('true');
    app.configure({ clientId: flow.clientId, iss: sandbox.fhirBase });
    await screenshot(page, 'app-form-saved');
    // The "Application saved" toast would cover the next screenshots; it may also have closed by itself.
    await page
      .locator('.mantine-Notification-closeButton')
      .first()
      .click({ timeout: 1_000 })
      .catch(() => undefined);
  });

  it('lists the app with its OAuth type and Launch App, and initializes a patient with a scenario', async () => {
    await page.getByRole('link', { name: 'Apps', exact: true }).first().click();
    const card = page.getByRole('article', { name: APP_NAME });
    await card.waitFor();
    expect(await card.innerText()).toContain('Authorization Code + PKCE');
    await card.getByRole('button', { name: 'Launch App' }).waitFor();
    await screenshot(page, 'apps');

    await page.getByRole('button', { name: 'Initialize Patient' }).first().click();
    const modal = page.getByRole('dialog', { name: 'Initialize Patient' });
    await modal.getByRole('radio', { name: /Diabetes/ }).check();
    await screenshot(page, 'initialize-patient');
    await modal.getByRole('button', { name: 'Initialize Patient' }).click();
    const done = page.getByRole('dialog', { name: 'Patient initialized' });
    await done.waitFor({ timeout: 20_000 });
    flow.patientName = (await done.getByTestId('initialized-patient-name').innerText()).trim();
    expect(flow.patientName).not.toBe('');
    await done.getByRole('button', { name: 'Close' }).click();
    await done.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Patients', exact: true }).first().click();
    await page.getByText(flow.patientName).first().waitFor();
    await screenshot(page, 'patients');
  });

  it("shows the patient's My Data grouped by type with counts, and a resource's raw JSON", async () => {
    const myData = page
      .getByRole('link', { name: `My Data of ${flow.patientName}` })
      .or(page.getByRole('button', { name: `My Data of ${flow.patientName}` }));
    await myData.first().click();
    await page.waitForURL(/\/patients\/[^/]+$/);
    flow.patientId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
    const types = page.getByRole('navigation', { name: 'Resource types' });
    const observations = types.getByRole('button', { name: /^Observation\b/ });
    expect(Number(/(\d+)\s*$/.exec(await observations.innerText())?.[1])).toBeGreaterThan(0);
    expect(await types.innerText()).toMatch(/ExplanationOfBenefit[\s\S]*\d/);
    await screenshot(page, 'my-data');

    await observations.click();
    // Wait for the Observation group itself: until it renders, the previously selected type is on screen.
    const group = page.getByRole('region', { name: 'Observation', exact: true });
    await group.waitFor();
    await group.getByRole('button', { expanded: false }).first().click();
    // The item opens with an animation: click Show JSON once it is on screen, again if a click hit it mid-move.
    const showJson = group.getByRole('button', { name: 'Show JSON' }).first();
    const json = page.getByLabel(/^JSON of Observation\//).first();
    await vi.waitFor(
      async () => {
        if (await showJson.isVisible()) await showJson.click();
        expect(await json.innerText({ timeout: 2000 })).toContain('"resourceType": "Observation"');
      },
      { timeout: 15_000, interval: 250 },
    );
    await screenshot(page, 'my-data-json');
  });

  it('launches the browser SMART app in a new window, where the member consents and the app reads FHIR', async () => {
    await page.getByRole('link', { name: 'Apps', exact: true }).first().click();
    await page.getByRole('article', { name: APP_NAME }).getByRole('button', { name: 'Launch App' }).click();
    const modal = page.getByRole('dialog', { name: 'Launch App' });
    await expect.poll(() => modal.getByLabel(/^Patient/).inputValue()).toContain(flow.patientName);
    await screenshot(page, 'launch-app');

    // The UI opens the app with noopener: the window is the context's, not this page's popup.
    const opened = page.context().waitForEvent('page');
    await modal.getByRole('button', { name: 'Launch', exact: true }).click();
    const popup = await opened;
    await popup.setViewportSize(DESKTOP);
    await waitForConsent(popup);
    expect(await popup.getByRole('heading', { name: APP_NAME, exact: true }).count()).toBe(1);
    expect(await popup.getByRole('img', { name: `${APP_NAME} logo` }).count()).toBe(1);
    expect(await popup.locator('#offline-access').innerText()).toMatch(/offline access/);
    await screenshot(popup, 'consent');
    await decide(popup, 'allow');
    await popup.getByText('Connected').waitFor();
    expect(await popup.locator('#patient-id').innerText()).toBe(flow.patientId);
    expect(Number(await popup.locator('#observation-count').innerText())).toBeGreaterThan(0);
    await popup.close();
  });

  it("shows each step of the launch and the app's FHIR calls in the launch inspector", async () => {
    await page.waitForURL(/\/launches\/[^/]+$/);
    flow.launchPath = new URL(page.url()).pathname;
    const main = page.locator('main');
    // The inspector is live: the app's FHIR calls appear once it has made them.
    await expect
      .poll(() => main.innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`GET Observation\\?patient=${flow.patientId}`));
    const text = await main.innerText();
    expect(text).toContain(`GET Patient/${flow.patientId}`);
    expect(text).toMatch(/Consent\s+OK/);
    expect(text).toMatch(/Token exchange\s+OK/);
    await screenshot(page, 'launch-inspector');

    await page.getByRole('link', { name: 'Launches', exact: true }).first().click();
    await page.getByText(APP_NAME).first().waitFor();
    await screenshot(page, 'launches');
  });

  it('offers the patient picker when the app starts a standalone launch', async () => {
    const picker = await browser.page.context().newPage();
    await picker.setViewportSize(DESKTOP);
    await picker.goto(app.launchUrl);
    await picker.waitForURL(/\/interaction\//);
    await picker.getByRole('button', { name: flow.patientName }).waitFor();
    await screenshot(picker, 'patient-picker');

    await picker.setViewportSize(PHONE);
    expect(await sidewaysOverflow(picker)).toBe(0);
    await screenshot(picker, 'patient-picker-phone');
    await pickPatient(picker, flow.patientName);
    await waitForConsent(picker);
    expect(await sidewaysOverflow(picker)).toBe(0);
    await screenshot(picker, 'consent-phone');
    await picker.close();
  });

  it('registers a Private Key JWT app: a pasted private key is refused beside the JWKS field, the public JWKS is kept', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES384', { extractable: true });
    const jwks = (key: object) => JSON.stringify({ keys: [key] });
    await page.goto(`${sandbox.origin}/`);
    await page.getByRole('link', { name: 'New Application' }).first().click();
    await page.getByRole('heading', { name: 'New Application' }).waitFor();
    await field('Application Name').fill('Key Signer');
    await page.getByRole('radio', { name: /Authorization Code \+ Private Key JWT/ }).check();
    await field('Redirect URL').fill(app.redirectUri);
    await field('JWKS').fill(jwks(await exportJWK(privateKey)));
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await fieldError('JWKS')).toMatch(/private member "d"/);

    await field('JWKS').fill(jwks({ ...(await exportJWK(publicKey)), kid: 'signer-1' }));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/apps\/[^/]+$/);
    await expect.poll(() => field('Client ID').inputValue()).not.toBe('');
    expect(await field('JWKS').inputValue()).toContain('"kid": "signer-1"');
    expect(await page.getByRole('radio', { name: /Private Key JWT/ }).isChecked()).toBe(true);
    await page.setViewportSize(PHONE);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.setViewportSize(DESKTOP);
    await page.goto(`${sandbox.origin}/apps`);
    const card = page.getByRole('article', { name: 'Key Signer' });
    await expect.poll(() => card.innerText()).toContain('Authorization Code + Private Key JWT');
  });

  it('fits a 375 px phone screen without sideways scrolling, and no page broke its CSP', async () => {
    expect(cspViolations).toEqual([]);
    await page.setViewportSize(PHONE);
    for (const [path, name] of [
      ['/apps', 'apps-phone'],
      [`/apps/${encodeURIComponent(flow.appId)}`, 'app-form-phone'],
      [`/patients/${encodeURIComponent(flow.patientId)}`, 'my-data-phone'],
      [flow.launchPath, 'launch-inspector-phone'],
    ] as const) {
      await page.goto(`${sandbox.origin}${path}`);
      await page.locator('main').getByRole('heading').first().waitFor();
      expect(await sidewaysOverflow(page), path).toBe(0);
      await screenshot(page, name);
    }
    await browser.reset();
    const visitor = browser.page;
    await visitor.setViewportSize(PHONE);
    await visitor.goto(`${sandbox.origin}/`);
    await visitor.getByRole('heading', { name: 'Sign in to the Plan API sandbox' }).waitFor();
    expect(await sidewaysOverflow(visitor)).toBe(0);
    await screenshot(visitor, 'sign-in-phone');
  });
});
