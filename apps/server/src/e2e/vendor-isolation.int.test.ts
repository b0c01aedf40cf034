/**
 * Two vendors on one `pnpm server` (PostgreSQL, real SMTP): vendor B never sees, reads, launches or authorizes
 * with vendor A's apps or patients, through the JSON API, the authorization server or the FHIR API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRecord, SandboxPatientRecord } from '@plan-api/portal';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import {
  appInput,
  authorize,
  CookieJar,
  fhirGet,
  followRedirects,
  pageText,
  startBrowser,
  tokens,
} from '@plan-api/sandbox/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor } from '../testing/vendors.ts';
import type { TestVendor } from '../testing/vendors.ts';

const db = testDatabaseSchema('isolation');
let smtp: TestSmtpServer;
let server: ServerProcess;
let a: TestVendor;
let b: TestVendor;
let appA: AppRecord;
let appB: AppRecord;
let patientA: SandboxPatientRecord;
let patientB: SandboxPatientRecord;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startServerProcess({
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: db.schema,
    SMTP_URL: smtp.url,
    PLAN_NAME: 'Acme Health',
  });
  a = await enrollVendor(server.url, smtp, 'ann@vendor-a.example', 'Ann');
  b = await enrollVendor(server.url, smtp, 'bo@vendor-b.example', 'Bo');
  [appA, appB, patientA, patientB] = await Promise.all([
    a.sandbox.api.createApp(appInput('pkce', { name: 'A Wallet' })),
    b.sandbox.api.createApp(appInput('pkce', { name: 'B Wallet' })),
    a.sandbox.api.createPatient({ seed: 'same-seed' }),
    b.sandbox.api.createPatient({ seed: 'same-seed' }),
  ]);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await smtp?.stop();
  await db.drop();
});

describe('two vendors on one server', () => {
  it('get different patients from the same seed', () => {
    expect(patientA.id).not.toBe(patientB.id);
  });

  it("B's JSON API never shows or changes A's apps, patients or launches", async () => {
    const api = b.sandbox.api;
    expect(((await api.raw('GET', '/api/apps')).body as AppRecord[]).map((x) => x.id)).toEqual([appB.id]);
    expect(((await api.raw('GET', '/api/patients')).body as SandboxPatientRecord[]).map((p) => p.id)).toEqual([
      patientB.id,
    ]);
    for (const [method, path, body] of [
      ['GET', `/api/apps/${appA.id}`],
      ['PUT', `/api/apps/${appA.id}`, appInput('pkce', { name: 'Hijacked' })],
      ['DELETE', `/api/apps/${appA.id}`],
      ['POST', `/api/apps/${appA.id}/launch`, { patientId: patientA.id }],
      ['POST', `/api/apps/${appA.id}/production-request`, { contactEmail: 'bo@vendor-b.example' }],
      ['GET', `/api/patients/${patientA.id}/data`],
      ['DELETE', `/api/patients/${patientA.id}`],
    ] as const) {
      const res = await api.raw(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // A's app and patient are untouched.
    expect((await a.sandbox.api.raw('GET', `/api/apps/${appA.id}`)).body).toMatchObject({ name: 'A Wallet' });
    expect((await a.sandbox.api.raw('GET', `/api/patients/${patientA.id}/data`)).status).toBe(200);
  });

  it("B cannot launch its own app with A's patient, nor see A's launches or accesses", async () => {
    const refused = await b.sandbox.api.raw('POST', `/api/apps/${appB.id}/launch`, { patientId: patientA.id });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'validation_failed', fields: { patientId: expect.any(String) } });
    const { token } = await tokens(a.sandbox, appA, patientA.id);
    const read = await fhirGet(
      a.sandbox,
      `ExplanationOfBenefit?patient=${patientA.id}`,
      String(token.body.access_token),
    );
    expect(read.status).toBe(200);
    const launchesA = (await a.sandbox.api.raw('GET', '/api/launches')).body as { id: string }[];
    expect(launchesA.length).toBeGreaterThan(0);
    for (const launch of launchesA) {
      expect((await b.sandbox.api.raw('GET', `/api/launches/${launch.id}`)).status).toBe(404);
    }
    expect((await b.sandbox.api.raw('GET', '/api/launches')).body).toEqual([]);
    expect((await b.sandbox.api.raw('GET', '/api/access-log')).body).toEqual([]);
    expect(((await a.sandbox.api.raw('GET', '/api/access-log')).body as unknown[]).length).toBeGreaterThan(0);
  });

  it("lifecycle actions (issue #15) work with A's API key on A's launches only, and never touch the production realm", async () => {
    const productionJwks = async () =>
      (await (await fetch(`${server.url}/auth/jwks`)).json()) as { keys: { kid: string }[] };
    const before = await productionJwks();
    expect(before.keys.length).toBeGreaterThan(0);
    const { result, token } = await tokens(a.sandbox, appA, patientA.id);
    const at = String(token.body.access_token);

    expect((await b.sandbox.api.lifecycle(result.launch, { action: 'expire-access-token' })).status).toBe(404);
    expect((await fhirGet(a.sandbox, `Patient/${patientA.id}`, at)).status).toBe(200);
    const expired = await a.sandbox.api.lifecycle(result.launch, { action: 'expire-access-token' });
    expect(expired).toMatchObject({ status: 200, body: { step: 'lifecycle', details: { appShould: 'refresh' } } });
    expect((await fhirGet(a.sandbox, `Patient/${patientA.id}`, at)).status).toBe(401);

    const rotated = await a.sandbox.api.lifecycle(result.launch, { action: 'rotate-signing-key' });
    expect(rotated.status).toBe(200);
    const kid = (rotated.body as { details: { kid: string } }).details.kid;
    const sandboxJwks = (await (await fetch(a.sandbox.smart.jwks_uri)).json()) as { keys: { kid: string }[] };
    expect(sandboxJwks.keys[0]?.kid).toBe(kid);
    expect(await productionJwks()).toEqual(before);
    expect(JSON.stringify(before)).not.toContain(kid);
  });

  it("the patient picker of B's app offers only B's patients and refuses A's", async () => {
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: appB.clientId,
      redirect_uri: appB.redirectUris[0] ?? '',
      scope: 'launch/patient patient/*.rs',
      state: 'st',
      aud: b.sandbox.fhirBase,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const jar = new CookieJar();
    const picker = await followRedirects(
      { url: `${b.sandbox.smart.authorization_endpoint}?${params}` },
      server.url,
      jar,
    );
    expect(picker.status).toBe(200);
    expect(picker.body).toContain(patientB.name);
    expect(picker.body).not.toContain(patientA.name);
    expect(picker.body).not.toContain(patientA.id);
    const csrf = /name="csrf" value="([^"]+)"/.exec(picker.body ?? '')?.[1] ?? '';
    const page = picker.hops.at(-1)?.url ?? '';
    expect(page).toMatch(/\/sandbox\/interaction\//);
    const login = await followRedirects(
      { url: `${page}/login`, method: 'POST', form: { csrf, patient: patientA.id } },
      server.url,
      jar,
    );
    expect(login.location).toBeUndefined();
    expect(login.status).toBe(400);
    expect(login.body).toContain('Choose one of the listed patients');
  });

  it("B's tokens never read A's patient through the FHIR API", async () => {
    const { token } = await tokens(b.sandbox, appB, patientB.id);
    const at = String(token.body.access_token);
    expect((await fhirGet(b.sandbox, `Patient/${patientA.id}`, at)).status).toBe(404);
    const search = await fhirGet(b.sandbox, `ExplanationOfBenefit?patient=${patientA.id}`, at);
    expect(search.status).toBe(200);
    expect(search.body.entry ?? []).toEqual([]);
    // A's app with B's launch value: the launch is bound to B's app.
    const launch = await b.sandbox.api.createLaunch(appB.id, { patientId: patientB.id, skipConsent: true });
    const crossed = await authorize(a.sandbox, appA, patientA.id, { launch: launch.launch });
    expect(crossed.code).toBeUndefined();
  });

  it("B's web UI lists only B's app, and A's app and patient pages say they cannot be loaded", async () => {
    const browser = await startBrowser();
    try {
      const [name = '', value = ''] = b.cookie.split('=');
      await browser.page.context().addCookies([{ name, value, url: server.url }]);
      const page = browser.page;
      await page.goto(`${server.url}/developer/apps`);
      await page.getByRole('article', { name: 'B Wallet' }).waitFor();
      expect(await pageText(page)).not.toContain('A Wallet');
      for (const path of [`/developer/apps/${appA.id}`, `/developer/patients/${patientA.id}`]) {
        await page.goto(`${server.url}${path}`);
        await page
          .getByText(/could not be loaded/i)
          .first()
          .waitFor();
        const text = await pageText(page);
        expect(text).not.toContain('A Wallet');
        expect(text).not.toContain(patientA.name);
      }
    } finally {
      await browser.close();
    }
  });
});
