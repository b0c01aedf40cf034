import type { AppRecord, SandboxPatientRecord } from '@plan-api/portal';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageText, startBrowser } from './fixtures/browser.ts';
import type { BrowserHarness } from './fixtures/browser.ts';
import { fhirGet } from './fixtures/codes.ts';
import { oauthPost, verifyRs256 } from './fixtures/oauth.ts';
import { startOpenIdApp } from './fixtures/openid-app.ts';
import type { OpenIdApp, PendingAuthorization } from './fixtures/openid-app.ts';
import { decide, pickPatient, typeCheckbox, waitForConsent } from './fixtures/pages.ts';
import { appInput, startSandbox } from './fixtures/sandbox.ts';
import type { E2eSandbox } from './fixtures/sandbox.ts';

const SCOPE = 'openid fhirUser launch/patient patient/*.rs offline_access';
type Tokens = Awaited<ReturnType<OpenIdApp['exchange']>>;

// One standalone launch walked through in order, then a second one that the member denies.
describe('a standalone launch of a public PKCE app written with openid-client', () => {
  let sandbox: E2eSandbox;
  let browser: BrowserHarness;
  let vendor: OpenIdApp;
  let app: AppRecord;
  let member: SandboxPatientRecord;
  let other: SandboxPatientRecord;
  let tokens: Tokens;
  let first: PendingAuthorization;

  beforeAll(async () => {
    [sandbox, browser, vendor] = await Promise.all([startSandbox(), startBrowser(), startOpenIdApp()]);
    app = await sandbox.api.createApp(
      appInput('pkce', {
        redirectUris: [vendor.redirectUri],
        launchUrl: vendor.redirectUri.replace('callback', 'launch'),
      }),
    );
    [member, other] = await Promise.all([
      sandbox.api.createPatient({ seed: 'e2e-standalone-1' }),
      sandbox.api.createPatient({ seed: 'e2e-standalone-2' }),
    ]);
    await vendor.discover(sandbox.fhirBase, app.clientId);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), vendor?.stop()]);
    await sandbox?.stop();
  });

  it('discovery from the FHIR base advertises S256 only and the standalone-launch capabilities', () => {
    const meta = vendor.config().serverMetadata();
    expect(meta.issuer).toBe(sandbox.smart.issuer);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(sandbox.smart.capabilities).toEqual(
      expect.arrayContaining(['launch-standalone', 'client-public', 'context-standalone-patient', 'permission-v2']),
    );
  });

  it('the patient picker lists the synthetic patients by name, and the member unticks Observation and allows', async () => {
    const pending = await vendor.authorizationUrl(sandbox.fhirBase, SCOPE);
    first = pending;
    const callback = vendor.nextCallback();
    await browser.page.goto(pending.url.href);
    const picker = await pageText(browser.page);
    expect(picker).toContain(member.name);
    expect(picker).toContain(other.name);
    await pickPatient(browser.page, member.name);
    await waitForConsent(browser.page);
    expect(await pageText(browser.page)).toContain(app.name);
    await typeCheckbox(browser.page, 'Observation').uncheck();
    await decide(browser.page, 'allow');
    const url = await callback;
    expect(url.searchParams.get('state')).toBe(pending.state);
    tokens = await vendor.exchange(url, pending);
    expect(tokens.access_token).toBeDefined();
  });

  it('the token response names the patient and its scope lacks the unticked type', () => {
    expect(tokens.patient).toBe(member.id);
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    const scopes = (tokens.scope ?? '').split(' ');
    expect(scopes).toEqual(expect.arrayContaining(['openid', 'fhirUser', 'launch/patient', 'offline_access']));
    expect(scopes.some((s) => s.includes('Observation'))).toBe(false);
    expect(tokens.refresh_token).toBeDefined();
  });

  it('the FHIR API refuses the unticked type with 403 and serves the others', async () => {
    const at = tokens.access_token;
    expect((await fhirGet(sandbox, `Patient/${member.id}`, at)).status).toBe(200);
    const eobs = await fhirGet(sandbox, `ExplanationOfBenefit?patient=${member.id}`, at);
    expect(eobs.status).toBe(200);
    expect(eobs.body.entry.length).toBeGreaterThan(0);
    const obs = await fhirGet(sandbox, `Observation?patient=${member.id}`, at);
    expect(obs.status).toBe(403);
    expect(obs.body.resourceType).toBe('OperationOutcome');
  });

  it('the id_token is RS256 with a JWKS key, and its fhirUser is a Patient the token can read', async () => {
    const claims = tokens.claims();
    expect(claims?.iss).toBe(sandbox.smart.issuer);
    expect([claims?.aud].flat()).toEqual([app.clientId]);
    expect(claims?.nonce).toBe(first.nonce);
    const { header, payload } = await verifyRs256(tokens.id_token ?? '', sandbox.smart.jwks_uri);
    expect(header.kid).toBeDefined();
    expect(typeof payload.exp).toBe('number');
    expect(typeof payload.iat).toBe('number');
    expect(typeof payload.sub).toBe('string');
    const fhirUser = String(payload.fhirUser);
    expect(fhirUser).toMatch(new RegExp(`(^|/)Patient/${member.id}$`));
    const relative = fhirUser.startsWith('http') ? fhirUser.slice(sandbox.fhirBase.length + 1) : fhirUser;
    expect((await fhirGet(sandbox, relative, tokens.access_token)).status).toBe(200);
  });

  it('a tampered id_token fails the signature check', async () => {
    const [h, p, s] = (tokens.id_token ?? '').split('.');
    const claims = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, fhirUser: `Patient/${other.id}` })).toString('base64url');
    await expect(verifyRs256(`${h}.${forged}.${s}`, sandbox.smart.jwks_uri)).rejects.toThrow(/signature/);
  });

  it('refresh rotates the refresh token, and the old one then fails with invalid_grant', async () => {
    const old = tokens.refresh_token ?? '';
    const refreshed = await oidc.refreshTokenGrant(vendor.config(), old);
    expect(refreshed.refresh_token).toBeDefined();
    expect(refreshed.refresh_token).not.toBe(old);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((refreshed.scope ?? '').includes('Observation')).toBe(false);
    const reuse = await oauthPost(
      sandbox.smart.token_endpoint,
      { grant_type: 'refresh_token', refresh_token: old },
      { method: 'none', clientId: app.clientId },
    );
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe('invalid_grant');
  });

  it('Deny redirects with access_denied and the same state', async () => {
    const page = await browser.reset();
    const pending = await vendor.authorizationUrl(sandbox.fhirBase, SCOPE);
    const callback = vendor.nextCallback();
    await page.goto(pending.url.href);
    await pickPatient(page, member.name);
    await waitForConsent(page);
    await decide(page, 'deny');
    const url = await callback;
    expect(url.searchParams.get('error')).toBe('access_denied');
    expect(url.searchParams.get('state')).toBe(pending.state);
    expect(url.searchParams.get('code')).toBeNull();
  });
});
