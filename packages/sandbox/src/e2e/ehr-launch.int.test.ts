import type { AppRecord, SandboxPatientRecord } from '@plan-api/portal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirGet } from './fixtures/codes.ts';
import { pageText, startBrowser } from './fixtures/browser.ts';
import type { BrowserHarness } from './fixtures/browser.ts';
import { startFhirClientApp } from './fixtures/fhirclient-app.ts';
import type { FhirClientApp, FhirClientLaunchResult } from './fixtures/fhirclient-app.ts';
import { oauthPost } from './fixtures/oauth.ts';
import { decide, recordPostAnswers, typeCheckbox, waitForConsent } from './fixtures/pages.ts';
import { appInput, startSandbox } from './fixtures/sandbox.ts';
import type { E2eSandbox } from './fixtures/sandbox.ts';

const SCOPE = 'launch openid fhirUser offline_access patient/*.read';

// One launch walked through in order: each test checks the next stage of the same launch.
describe('an EHR launch of a confidential app written with fhirclient', () => {
  let sandbox: E2eSandbox;
  let browser: BrowserHarness;
  let vendor: FhirClientApp;
  let app: AppRecord & { clientSecret: string };
  let member: SandboxPatientRecord;
  let launchId: string;
  let launched: Promise<FhirClientLaunchResult>;
  let result: FhirClientLaunchResult;
  let postAnswers: { url: string; status: number }[];
  const basic = () => ({ method: 'basic' as const, clientId: app.clientId, secret: app.clientSecret });

  beforeAll(async () => {
    [sandbox, browser, vendor] = await Promise.all([startSandbox(), startBrowser(), startFhirClientApp()]);
    const registered = await sandbox.api.createApp(
      appInput('secret', { launchUrl: vendor.launchUrl, redirectUris: [vendor.redirectUri] }),
    );
    if (!registered.clientSecret) throw new Error('no clientSecret for a "secret" app');
    app = { ...registered, clientSecret: registered.clientSecret };
    vendor.configure({ clientId: app.clientId, clientSecret: app.clientSecret, scope: SCOPE });
    member = await sandbox.api.createPatient({ seed: 'e2e-ehr' });
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), vendor?.stop()]);
    await sandbox?.stop();
  });

  it('the launch URL points at the app with iss = the FHIR base and an opaque launch value', async () => {
    const launch = await sandbox.api.createLaunch(app.id, { patientId: member.id });
    expect(launch.launchUrl.startsWith(`${vendor.launchUrl}?`)).toBe(true);
    expect(launch.iss).toBe(sandbox.fhirBase);
    expect(launch.launch).toMatch(/^[\w-]{22,}$/);
    expect(launch.launch).not.toContain(member.id);
    launchId = launch.launch;
    postAnswers = recordPostAnswers(browser.page, sandbox.origin);
    launched = vendor.nextLaunch();
    await browser.page.goto(launch.launchUrl);
    await waitForConsent(browser.page);
  });

  it('the consent page names the app and its organization, lists the permissions and the offline-access notice', async () => {
    const text = await pageText(browser.page);
    expect(text).toContain(app.name);
    expect(text).toContain(app.organizationName ?? '');
    expect(await browser.page.getByRole('link', { name: /privacy/i }).getAttribute('href')).toBe(app.privacyPolicyUrl);
    expect(text).toMatch(/offline|while you are not using|long-lived|stay connected/i);
    for (const type of ['Patient', 'ExplanationOfBenefit', 'Observation']) {
      await expect(typeCheckbox(browser.page, type).isChecked()).resolves.toBe(true);
    }
    expect(await browser.page.getByRole('checkbox').count()).toBeGreaterThanOrEqual(3);
  });

  it('after Allow, fhirclient completes the token exchange and the app reads Patient, EOBs and Observations', async () => {
    await decide(browser.page, 'allow');
    result = await launched;
    expect(result.patient.resourceType).toBe('Patient');
    expect(result.patient.id).toBe(member.id);
    expect(result.client.state.tokenResponse?.patient).toBe(member.id);
    expect(result.client.state.tokenResponse?.refresh_token).toBeDefined();
    expect(result.eobs.resourceType).toBe('Bundle');
    expect(result.eobs.entry?.length ?? 0).toBeGreaterThan(0);
    expect(result.eobs.entry?.every((e) => e.resource?.patient?.reference?.endsWith(`Patient/${member.id}`))).toBe(
      true,
    );
    expect(result.observations.entry?.length ?? 0).toBeGreaterThan(0);
    expect(await browser.page.locator('#patient').textContent()).toBe(member.id);
  });

  it('the consent form POST was answered with a 303 redirect', () => {
    expect(postAnswers.length).toBeGreaterThan(0);
    for (const answer of postAnswers) expect(answer, JSON.stringify(postAnswers)).toMatchObject({ status: 303 });
  });

  it('fhirclient refreshes the access token with the client secret and the new token reads data', async () => {
    const before = result.client.state.tokenResponse?.access_token;
    await result.client.refresh();
    const after = result.client.state.tokenResponse?.access_token;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect((await fhirGet(sandbox, `Patient/${member.id}`, after)).status).toBe(200);
  });

  it('introspection shows the token active for this app and patient', async () => {
    const token = result.client.state.tokenResponse?.access_token ?? '';
    const res = await oauthPost(sandbox.smart.introspection_endpoint, { token }, basic());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: true, client_id: app.clientId, patient: member.id });
  });

  it('after revocation the access token gets 401 and the refresh token invalid_grant', async () => {
    const { access_token: at = '', refresh_token: rt = '' } = result.client.state.tokenResponse ?? {};
    expect((await oauthPost(sandbox.smart.revocation_endpoint, { token: at }, basic())).status).toBe(200);
    expect((await oauthPost(sandbox.smart.revocation_endpoint, { token: rt }, basic())).status).toBe(200);
    const res = await fhirGet(sandbox, `Patient/${member.id}`, at);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const refresh = await oauthPost(
      sandbox.smart.token_endpoint,
      { grant_type: 'refresh_token', refresh_token: rt },
      basic(),
    );
    expect(refresh.body?.error).toBe('invalid_grant');
  });

  it('the launch log shows the launch, consent, token and each FHIR call', async () => {
    const launch = await sandbox.api.getLaunch(launchId);
    const steps = launch.steps.map((s) => s.step);
    expect(steps).toEqual(expect.arrayContaining(['authorize', 'consent', 'token', 'fhir']));
    const fhirRequests = launch.steps.filter((s) => s.step === 'fhir').map((s) => s.request ?? '');
    expect(fhirRequests.some((r) => r.includes('ExplanationOfBenefit'))).toBe(true);
    expect(fhirRequests.some((r) => r.includes('Observation'))).toBe(true);
    expect(launch.steps.find((s) => s.step === 'token')?.scopes).toEqual(expect.arrayContaining(['offline_access']));
  });
});
