import type { AppRecord, LaunchStepRecord, SandboxPatientRecord } from '@plan-api/portal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirGet } from '../testing/e2e/codes.ts';
import { followLaunch, startFhirClientApp } from '../testing/e2e/fhirclient-app.ts';
import type { FhirClientApp, FhirClientLaunchResult } from '../testing/e2e/fhirclient-app.ts';
import { verifyRs256 } from '../testing/e2e/oauth.ts';
import { appInput, startSandbox } from '../testing/e2e/sandbox.ts';
import type { E2eSandbox } from '../testing/e2e/sandbox.ts';

const SCOPE = 'launch openid fhirUser offline_access patient/*.read';
const HOUR = 3600;

/** The `kid` in a JWT's header. */
const kidOf = (jwt: string): unknown =>
  (JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString('utf8')) as { kid?: unknown }).kid;
const DAY = 24 * HOUR;

type Step = LaunchStepRecord;

/**
 * Issue #15: each grant lifecycle action, taken through the JSON API as a vendor's CI would, against a real
 * fhirclient (Node) app: the app's next call fails as it should, then recovers where recovery is possible.
 */
describe('grant lifecycle actions on a fhirclient app', () => {
  let sandbox: E2eSandbox;
  let vendor: FhirClientApp;
  let app: AppRecord;
  let member: SandboxPatientRecord;

  beforeAll(async () => {
    [sandbox, vendor] = await Promise.all([startSandbox(), startFhirClientApp()]);
    const registered = await sandbox.api.createApp(
      appInput('secret', { launchUrl: vendor.launchUrl, redirectUris: [vendor.redirectUri] }),
    );
    if (!registered.clientSecret) throw new Error('no clientSecret for a "secret" app');
    app = registered;
    vendor.configure({ clientId: app.clientId, clientSecret: registered.clientSecret, scope: SCOPE });
    member = await sandbox.api.createPatient({ seed: 'e2e-lifecycle' });
  });
  afterAll(async () => {
    await vendor?.stop();
    await sandbox?.stop();
  });

  /** An EHR launch (skipConsent) of the app, its redirects followed as a browser would; the app's launch result. */
  async function launch(): Promise<{ id: string; result: FhirClientLaunchResult }> {
    const created = await sandbox.api.createLaunch(app.id, { patientId: member.id, skipConsent: true });
    const launched = vendor.nextLaunch();
    await followLaunch(created.launchUrl);
    return { id: created.launch, result: await launched };
  }

  const tokenOf = (result: FhirClientLaunchResult): string => result.client.state.tokenResponse?.access_token ?? '';
  const readPatient = (result: FhirClientLaunchResult) =>
    result.client.request(`Patient/${member.id}`, { useRefreshToken: false });

  async function act(launchId: string, body: Record<string, unknown>): Promise<Step> {
    const res = await sandbox.api.lifecycle(launchId, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Step;
  }

  async function lifecycleSteps(launchId: string): Promise<Step[]> {
    return (await sandbox.api.getLaunch(launchId)).steps.filter((s) => s.step === 'lifecycle');
  }

  it('expire-access-token: the next FHIR call gets 401 invalid_token; a refresh recovers', async () => {
    const { id, result } = await launch();
    const before = tokenOf(result);
    const step = await act(id, { action: 'expire-access-token' });
    expect(step).toMatchObject({ step: 'lifecycle', status: 'ok', details: { appShould: 'refresh' } });

    const res = await fhirGet(sandbox, `Patient/${member.id}`, before);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);

    // fhirclient forgets its session on a 401 (it does not refresh by itself): the app refreshes on seeing one.
    await result.client.refresh();
    expect(tokenOf(result)).not.toBe(before);
    expect(((await readPatient(result)) as { id: string }).id).toBe(member.id);
  });

  it('expire-refresh-token: the refresh fails with invalid_grant while the access token lives out its time', async () => {
    const { id, result } = await launch();
    const step = await act(id, { action: 'expire-refresh-token' });
    expect(step.details?.appShould).toBe('send the member through authorization again');
    await expect(result.client.refresh()).rejects.toThrow(/invalid_grant/);
    expect((await fhirGet(sandbox, `Patient/${member.id}`, tokenOf(result))).status).toBe(200);
  });

  it('revoke: both tokens fail at once; the launch has no grant left (409); a new authorization recovers', async () => {
    const { id, result } = await launch();
    const step = await act(id, { action: 'revoke' });
    expect(step.details?.appShould).toBe('send the member through authorization again');
    expect((await fhirGet(sandbox, `Patient/${member.id}`, tokenOf(result))).status).toBe(401);
    await expect(result.client.refresh()).rejects.toThrow(/invalid_grant/);

    const again = await sandbox.api.lifecycle(id, { action: 'expire-access-token' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      error: 'grant_gone',
      message: expect.stringMatching(/Authorize the app again/),
    });

    const next = await launch();
    expect(((await readPatient(next.result)) as { id: string }).id).toBe(member.id);
  });

  it('advance-clock: the grant lives later (access token expired, refresh works, then the refresh token runs out) and other grants are untouched', async () => {
    const [{ id, result }, other] = [await launch(), await launch()];
    const step = await act(id, { action: 'advance-clock', seconds: HOUR + 1 });
    expect(step.details).toMatchObject({ action: 'advance-clock', seconds: HOUR + 1 });

    expect((await fhirGet(sandbox, `Patient/${member.id}`, tokenOf(result))).status).toBe(401);
    expect((await fhirGet(sandbox, `Patient/${member.id}`, tokenOf(other.result))).status).toBe(200);
    await result.client.refresh();
    expect(((await readPatient(result)) as { id: string }).id).toBe(member.id);

    // Past the refresh token's 90 days: only a new authorization helps.
    await act(id, { action: 'advance-clock', seconds: 91 * DAY });
    await expect(result.client.refresh()).rejects.toThrow(/invalid_grant/);
    await other.result.client.refresh();
    expect(((await readPatient(other.result)) as { id: string }).id).toBe(member.id);
  });

  it('rotate-signing-key: new id_tokens carry the new kid; the JWKS keeps the old key until a second rotation', async () => {
    const kids = async () =>
      ((await (await fetch(sandbox.smart.jwks_uri)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    const { id, result } = await launch();
    const idToken = result.client.state.tokenResponse?.id_token ?? '';
    const first = kidOf(idToken) as string;
    expect(await kids()).toContain(first);

    const step = await act(id, { action: 'rotate-signing-key' });
    const second = step.details?.kid as string;
    expect(second).toMatch(/^[\w-]{20,}$/);
    expect(second).not.toBe(first);
    expect(step.details?.appShould).toBe('fetch the JWKS again');
    expect(await kids()).toEqual([second, first]);
    // The id_token issued before the rotation still verifies against the JWKS.
    await expect(verifyRs256(idToken, sandbox.smart.jwks_uri)).resolves.toMatchObject({ header: { kid: first } });

    const next = await launch();
    const nextIdToken = next.result.client.state.tokenResponse?.id_token ?? '';
    const verified = await verifyRs256(nextIdToken, sandbox.smart.jwks_uri);
    expect(verified.header.kid).toBe(second);

    const third = (await act(next.id, { action: 'rotate-signing-key' })).details?.kid as string;
    expect(await kids()).toEqual([third, second]);
    await expect(verifyRs256(idToken, sandbox.smart.jwks_uri)).rejects.toThrow(/no RSA key/);
  });

  it('each action is a step of the launch log that says what the app should do', async () => {
    const { id } = await launch();
    await act(id, { action: 'expire-access-token' });
    await act(id, { action: 'advance-clock', seconds: 60 });
    const steps = await lifecycleSteps(id);
    expect(steps.map((s) => s.details?.action)).toEqual(['expire-access-token', 'advance-clock']);
    expect(steps[0]?.message).toMatch(/401 invalid_token.*refresh/);
    expect(steps[1]?.message).toMatch(/60 seconds/);
    expect(JSON.stringify(steps)).not.toContain(app.clientSecret ?? 'no secret');
  });

  it('answers a bad action or seconds with 400 and the field, an unknown launch with 404, an unused one with 409', async () => {
    const { id } = await launch();
    const bad = await sandbox.api.lifecycle(id, { action: 'expire-everything' });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: 'validation_failed', fields: { action: expect.any(String) } },
    });
    for (const seconds of [undefined, 0, -5, 1.5, '60', 10 ** 12]) {
      const res = await sandbox.api.lifecycle(id, { action: 'advance-clock', seconds });
      expect(res, String(seconds)).toMatchObject({ status: 400, body: { fields: { seconds: expect.any(String) } } });
    }
    const extra = await sandbox.api.lifecycle(id, { action: 'revoke', seconds: 5 });
    expect(extra).toMatchObject({ status: 400, body: { fields: { seconds: expect.any(String) } } });
    expect((await sandbox.api.lifecycle(id, [])).status).toBe(400);
    expect((await sandbox.api.lifecycle('no-such-launch', { action: 'revoke' })).status).toBe(404);

    const unused = await sandbox.api.createLaunch(app.id, { patientId: member.id });
    expect(await sandbox.api.lifecycle(unused.launch, { action: 'expire-access-token' })).toMatchObject({
      status: 409,
      body: { error: 'grant_gone' },
    });
    expect(await lifecycleSteps(id)).toEqual([]);
  });
});
