/**
 * Asymmetric client authentication on the production realm (issue 14): a vendor's "Authorization Code + Private
 * Key JWT" app with an inline ES384 JWKS is approved; a member connects it in a standalone launch (headless
 * Chromium) and the app's backend, openid-client, gets tokens with a client assertion, refreshes, introspects and
 * revokes with fresh ones; a replayed assertion and one signed by another key are refused.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import {
  assertionKey,
  assertionParams,
  clientAssertion,
  decide,
  oauthPost,
  privateKeyJwt,
  startBrowser,
  startOpenIdApp,
  waitForConsent,
} from '@plan-api/sandbox/testing';
import type { AssertionKey, BrowserHarness, OpenIdApp } from '@plan-api/sandbox/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { activateMember, addReviewer, inviteMember, publishApp, syntheticMembers } from '../testing/production.ts';
import type { PublishedTestApp } from '../testing/production.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor, TEST_PASSWORD } from '../testing/vendors.ts';

vi.setConfig({ testTimeout: 90_000 });

const MEMBER = 'kai.member@acme.example';
const SCOPE = 'launch/patient openid fhirUser offline_access patient/*.rs';
const db = testDatabaseSchema('pkjwt');
let smtp: TestSmtpServer;
let server: ServerProcess;
let browser: BrowserHarness;
let vendorApp: OpenIdApp;
let key: AssertionKey;
let published: PublishedTestApp;
let patientId = '';
let page: Page;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: db.schema, SMTP_URL: smtp.url, PLAN_NAME: 'Acme' };
  [server, browser, vendorApp, key] = await Promise.all([
    startServerProcess(env),
    startBrowser(),
    startOpenIdApp(),
    assertionKey('ES384'),
  ]);
  const commandEnv = { ...env, PLAN_API_PUBLIC_URL: server.url };
  const [vendor, reviewer, members] = await Promise.all([
    enrollVendor(server.url, smtp, 'ana@keyed.example', 'Ana Keyed'),
    addReviewer(server.url, smtp, commandEnv, 'rui.reviewer@acme.example'),
    syntheticMembers(commandEnv, 1, 'pkjwt'),
  ]);
  patientId = members[0] ?? '';
  published = await publishApp(server.url, vendor, reviewer, {
    name: 'Keyed Claims',
    oauthType: 'private_key_jwt',
    jwks: { keys: [key.publicJwk] },
    redirectUris: [vendorApp.redirectUri],
  });
  await activateMember(server.url, (await inviteMember(server.url, smtp, commandEnv, patientId, MEMBER)).token);
  page = browser.page;
}, 180_000);
afterAll(async () => {
  await Promise.allSettled([browser?.close(), vendorApp?.stop(), server?.stop(), smtp?.stop()]);
  await db.drop();
});

describe('an approved private_key_jwt app on the production realm', () => {
  const tokenUrl = () => `${server.url}/auth/token`;
  const signed = () => clientAssertion(key, published.clientId, tokenUrl());

  it('has no client secret, and production discovery advertises private_key_jwt', async () => {
    expect(published.clientSecret).toBeUndefined();
    const smart = (await (await fetch(`${server.url}/fhir/.well-known/smart-configuration`)).json()) as Record<
      string,
      string[]
    >;
    expect(smart.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
    expect(smart.capabilities).toContain('client-confidential-asymmetric');
  });

  it('a member connects it; the backend gets, refreshes, introspects and revokes tokens with client assertions', async () => {
    const fhirBase = `${server.url}/fhir`;
    await vendorApp.discover(fhirBase, published.clientId, privateKeyJwt(key, tokenUrl()));
    const pending = await vendorApp.authorizationUrl(fhirBase, SCOPE);
    const callback = vendorApp.nextCallback();
    await page.goto(pending.url.href);
    await page.getByLabel('Email').fill(MEMBER);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForConsent(page);
    await decide(page, 'allow');
    const tokens = await vendorApp.exchange(await callback, pending);
    expect(tokens.patient).toBe(patientId);
    const eobs = await fetch(`${fhirBase}/ExplanationOfBenefit?patient=${patientId}`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(eobs.status).toBe(200);

    const assertion = await signed();
    const refresh = () =>
      oauthPost(
        tokenUrl(),
        { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '', ...assertionParams(assertion) },
        { method: 'omit' },
      );
    const refreshed = await refresh();
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(refreshed.body.patient).toBe(patientId);
    const replayed = await refresh();
    expect(replayed.status).toBe(401);
    expect(replayed.body.error).toBe('invalid_client');

    const introspected = await oauthPost(
      `${server.url}/auth/introspect`,
      { token: refreshed.body.access_token, ...assertionParams(await signed()) },
      { method: 'omit' },
    );
    expect(introspected.body).toMatchObject({ active: true, client_id: published.clientId, patient: patientId });

    // The same assertion sent several times at once (the store is shared by processes): exactly one is accepted.
    const burst = await signed();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        oauthPost(
          `${server.url}/auth/introspect`,
          { token: refreshed.body.access_token, ...assertionParams(burst) },
          { method: 'omit' },
        ),
      ),
    );
    expect(answers.map((res) => res.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);

    const stranger = await assertionKey('ES384');
    const forged = await oauthPost(
      `${server.url}/auth/introspect`,
      {
        token: refreshed.body.access_token,
        ...assertionParams(await clientAssertion(stranger, published.clientId, tokenUrl())),
      },
      { method: 'omit' },
    );
    expect(forged.status).toBe(401);
    expect(forged.body.active).toBeUndefined();

    const revoked = await oauthPost(
      `${server.url}/auth/revoke`,
      { token: refreshed.body.refresh_token, ...assertionParams(await signed()) },
      { method: 'omit' },
    );
    expect(revoked.status).toBe(200);
    const afterRevoke = await oauthPost(
      tokenUrl(),
      {
        grant_type: 'refresh_token',
        refresh_token: refreshed.body.refresh_token ?? '',
        ...assertionParams(await signed()),
      },
      { method: 'omit' },
    );
    expect(afterRevoke.status).toBe(400);
    expect(afterRevoke.body.error).toBe('invalid_grant');
  });
});
