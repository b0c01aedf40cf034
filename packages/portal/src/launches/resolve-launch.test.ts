import { describe, expect, it } from 'vitest';
import { appInput, createTestPortal, OWNER } from '../testing/harness.ts';
import { launchSetup } from '../testing/launch-setup.ts';

describe('resolveLaunch', () => {
  it('resolves a fresh launch for its app to the launch context and consumes it', async () => {
    const { portal, app, patient, clock } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, {
      patientId: patient.id,
      skipConsent: true,
      simulateError: 'server_error',
    });
    clock.advance(10);
    expect(await portal.resolveLaunch(launch.id, app.clientId)).toEqual({
      launchId: launch.id,
      clientId: app.clientId,
      patientId: patient.id,
      skipConsent: true,
      tags: { simulateError: 'server_error' },
    });
    const { launch: after, steps } = await portal.getLaunch(OWNER, launch.id);
    expect(after).toMatchObject({ status: 'authorizing', usedAt: '2026-07-01T12:00:10.000Z' });
    expect(steps.map((s) => [s.step, s.status])).toEqual([
      ['launch', 'ok'],
      ['launch', 'ok'],
    ]);
  });

  it('works once: a second use is refused and logged', async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    expect(await portal.resolveLaunch(launch.id, app.clientId)).toBeDefined();
    expect(await portal.resolveLaunch(launch.id, app.clientId)).toBeUndefined();
    const last = (await portal.getLaunch(OWNER, launch.id)).steps.at(-1);
    expect(last).toMatchObject({ step: 'authorize', status: 'error', error: 'invalid_request' });
    expect(last?.message).toContain('already used at 2026-07-01T12:00:00.000Z');
  });

  it('of two simultaneous uses exactly one wins', async () => {
    const { portal, app, patient } = await launchSetup();
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    const results = await Promise.all([1, 2, 3].map(() => portal.resolveLaunch(launch.id, app.clientId)));
    expect(results.filter((r) => r !== undefined)).toHaveLength(1);
  });

  it('expires after the launch TTL: usable at 299 s, refused at 300 s', async () => {
    const { portal, app, patient, clock } = await launchSetup();
    const early = (await portal.createLaunch(OWNER, app.id, { patientId: patient.id })).launch;
    const late = (await portal.createLaunch(OWNER, app.id, { patientId: patient.id })).launch;
    clock.advance(299);
    expect(await portal.resolveLaunch(early.id, app.clientId)).toBeDefined();
    clock.advance(1);
    expect(await portal.resolveLaunch(late.id, app.clientId)).toBeUndefined();
    const { launch, steps } = await portal.getLaunch(OWNER, late.id);
    expect(launch.status).toBe('failed');
    expect(steps.at(-1)?.message).toContain('expired at 2026-07-01T12:05:00.000Z (launches are valid for 300 seconds)');
  });

  it('is bound to its app: another client is refused and the launch stays usable by its own app', async () => {
    const { portal, app, patient } = await launchSetup();
    const other = await portal.createApp(OWNER, appInput({ name: 'Other App' }));
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    expect(await portal.resolveLaunch(launch.id, other.clientId)).toBeUndefined();
    const refused = (await portal.getLaunch(OWNER, launch.id)).steps.at(-1);
    expect(refused?.status).toBe('error');
    expect(refused?.message).toContain(`created for the app "Health Wallet" (client_id ${app.clientId})`);
    expect(refused?.message).toContain(`came from client_id ${other.clientId}`);
    expect(await portal.resolveLaunch(launch.id, app.clientId)).toBeDefined();
  });

  it('an unknown launch value is refused and logged as a failed launch of the requesting app', async () => {
    const { portal, app } = await launchSetup();
    expect(await portal.resolveLaunch('not-a-launch', app.clientId)).toBeUndefined();
    const [failed] = await portal.listLaunches(OWNER);
    expect(failed).toMatchObject({ appId: app.id, status: 'failed', stepCount: 1 });
    const { steps } = await portal.getLaunch(OWNER, failed?.id ?? '');
    expect(steps[0]?.message).toContain('"not-a-launch" was not issued by this sandbox');
    expect(await portal.resolveLaunch(failed?.id ?? '', app.clientId)).toBeUndefined();
  });

  it('an unknown launch value from an unknown client leaves no trace', async () => {
    const { portal } = await launchSetup();
    expect(await portal.resolveLaunch('not-a-launch', 'nobody')).toBeUndefined();
    expect(await portal.listLaunches(OWNER)).toEqual([]);
  });

  it('honours a configured TTL', async () => {
    const { portal, clock } = createTestPortal({ launchTtlSeconds: 5 });
    const app = await portal.createApp(OWNER, appInput());
    const patient = await portal.initializePatient(OWNER, { seed: 'ttl', scenario: 'healthy' });
    const { launch } = await portal.createLaunch(OWNER, app.id, { patientId: patient.id });
    expect(launch.expiresAt).toBe('2026-07-01T12:00:05.000Z');
    clock.advance(5);
    expect(await portal.resolveLaunch(launch.id, app.clientId)).toBeUndefined();
  });
});
