/**
 * Issue #15 in the web UI: the launch inspector of an authorized launch offers the grant lifecycle actions; a
 * click adds the step (with what the app should do), a destructive action asks first, and a refusal is shown.
 * Saved to docs/screenshots as launch-lifecycle.png (the actions), launch-lifecycle-step.png (a step they add) and
 * launch-lifecycle-phone.png (`pnpm screenshots`).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser } from '../testing/e2e/browser.ts';
import type { BrowserHarness } from '../testing/e2e/browser.ts';
import { fhirGet } from '../testing/e2e/codes.ts';
import { followLaunch, startFhirClientApp } from '../testing/e2e/fhirclient-app.ts';
import type { FhirClientApp, FhirClientLaunchResult } from '../testing/e2e/fhirclient-app.ts';
import { appInput, startSandbox } from '../testing/e2e/sandbox.ts';
import type { E2eSandbox } from '../testing/e2e/sandbox.ts';
import { builtUiDir, DESKTOP, PHONE, screenshot, screenshotOf, sidewaysOverflow } from '../testing/e2e/screenshots.ts';

describe('the launch inspector’s grant lifecycle actions', () => {
  let sandbox: E2eSandbox;
  let browser: BrowserHarness;
  let vendor: FhirClientApp;
  let page: Page;
  let launchId: string;
  let result: FhirClientLaunchResult;
  let patientId: string;

  beforeAll(async () => {
    [sandbox, browser, vendor] = await Promise.all([
      startSandbox({ uiDir: builtUiDir() }),
      startBrowser(),
      startFhirClientApp(),
    ]);
    page = browser.page;
    await page.setViewportSize(DESKTOP);
    const app = await sandbox.api.createApp(
      appInput('secret', { launchUrl: vendor.launchUrl, redirectUris: [vendor.redirectUri] }),
    );
    vendor.configure({
      clientId: app.clientId,
      clientSecret: app.clientSecret ?? '',
      scope: 'launch openid fhirUser offline_access patient/*.read',
    });
    patientId = (await sandbox.api.createPatient({ seed: 'e2e-lifecycle-ui' })).id;
    const created = await sandbox.api.createLaunch(app.id, { patientId, skipConsent: true });
    launchId = created.launch;
    const launched = vendor.nextLaunch();
    await followLaunch(created.launchUrl);
    result = await launched;
    await page.goto(`${sandbox.origin}/login?token=${encodeURIComponent(sandbox.managementToken)}`);
    await page.waitForURL(`${sandbox.origin}/`);
  });
  afterAll(async () => {
    await Promise.allSettled([browser?.close(), vendor?.stop()]);
    await sandbox?.stop();
  });

  const steps = () => page.locator('[data-testid="launch-step"][data-step="lifecycle"]');

  it('expires the access token with one click: the step says to refresh, and the app gets 401', async () => {
    await page.goto(`${sandbox.origin}/launches/${encodeURIComponent(launchId)}`);
    const panel = page.getByTestId('lifecycle-panel');
    await panel.getByRole('heading', { name: 'Grant lifecycle' }).waitFor();
    await expect(steps().count()).resolves.toBe(0);

    await panel.getByRole('button', { name: 'Expire access token' }).click();
    await steps().first().waitFor();
    const text = await steps().first().innerText();
    expect(text).toContain('Lifecycle: Expire access token');
    expect(text).toMatch(/The app should\s*refresh/);
    const token = result.client.state.tokenResponse?.access_token ?? '';
    expect((await fhirGet(sandbox, `Patient/${patientId}`, token)).status).toBe(401);
    await screenshot(page, 'launch-lifecycle');
  });

  it('asks before revoking; then a further action is refused with what to do', async () => {
    const panel = page.getByTestId('lifecycle-panel');
    await panel.getByRole('button', { name: 'Revoke (as the member)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the app as the member?' });
    await dialog.waitFor();
    await expect(steps().count()).resolves.toBe(1);
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect.poll(() => steps().count()).toBe(2);
    await dialog.waitFor({ state: 'hidden' });
    expect(await steps().nth(1).innerText()).toMatch(/The app should\s*send the member through authorization again/);
    await expect(result.client.refresh()).rejects.toThrow(/invalid_grant/);
    await screenshotOf(steps().nth(1), 'launch-lifecycle-step');

    await panel.getByRole('button', { name: 'Advance clock' }).click();
    await panel.getByText('The action was not taken').waitFor();
    expect(await panel.innerText()).toMatch(/no authorization to act on/);
    await expect(steps().count()).resolves.toBe(2);
  });

  it('shows the panel at phone width without sideways scrolling', async () => {
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByTestId('lifecycle-panel').getByRole('button', { name: 'Rotate signing key' }).waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
    await screenshot(page, 'launch-lifecycle-phone');
  });
});
