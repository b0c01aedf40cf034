import { describe, expect, it } from 'vitest';
import { PortalError } from '../types.ts';
import { appInput, createTestPortal, OWNER, rejection } from '../testing/harness.ts';
import { lifecycleRequest, MAX_ADVANCE_SECONDS } from './apply-lifecycle.ts';
import type { GrantLifecycle, LifecycleRequest } from './lifecycle.ts';

/** A grant lifecycle over a set of live grant ids that records what it was asked to do. */
function recordingLifecycle(live: Set<string>) {
  const applied: [string, LifecycleRequest][] = [];
  const lifecycle: GrantLifecycle = {
    isLive: (grantId) => Promise.resolve(live.has(grantId)),
    apply: (grantId, request) => {
      applied.push([grantId, request]);
      if (request.action === 'revoke') live.delete(grantId);
      return Promise.resolve(request.action === 'rotate-signing-key' ? { kid: 'kid-2' } : {});
    },
  };
  return { lifecycle, applied };
}

/** A portal with one authorized launch whose grant `g1` is live. */
async function setup() {
  const live = new Set(['g1']);
  const { lifecycle, applied } = recordingLifecycle(live);
  const test = createTestPortal({ lifecycle });
  const app = await test.portal.createApp(OWNER, appInput());
  const patient = await test.portal.initializePatient(OWNER, { seed: 'lifecycle', scenario: 'healthy' });
  const { launch } = await test.portal.createLaunch(OWNER, app.id, { patientId: patient.id });
  const at = test.clock.now().toISOString();
  await test.portal.recordAuthEvent({
    type: 'token',
    at,
    status: 'ok',
    clientId: app.clientId,
    launchId: launch.id,
    grantId: 'g1',
  });
  return { ...test, app, launchId: launch.id, applied, live };
}

describe('applyLifecycle', () => {
  it("applies the action to the launch's live grant and logs a lifecycle step with what the app should do", async () => {
    const { portal, launchId, applied } = await setup();
    const step = await portal.applyLifecycle(OWNER, launchId, { action: 'expire-access-token' });
    expect(applied).toEqual([['g1', { action: 'expire-access-token' }]]);
    expect(step).toMatchObject({
      step: 'lifecycle',
      status: 'ok',
      details: { action: 'expire-access-token', grantIds: ['g1'], appShould: 'refresh' },
    });
    const { steps } = await portal.getLaunch(OWNER, launchId);
    expect(steps.at(-1)).toEqual(step);
  });

  it('names the new kid after a key rotation and the time after advance-clock', async () => {
    const { portal, launchId } = await setup();
    const rotated = await portal.applyLifecycle(OWNER, launchId, { action: 'rotate-signing-key' });
    expect(rotated.message).toContain('kid kid-2');
    expect(rotated.details).toMatchObject({ kid: 'kid-2', appShould: 'fetch the JWKS again' });
    const advanced = await portal.applyLifecycle(OWNER, launchId, { action: 'advance-clock', seconds: 7200 });
    expect(advanced.message).toContain('7,200 seconds (about 2 hours)');
    expect(advanced.details).toMatchObject({ seconds: 7200 });
  });

  it('a launch whose grant is gone is grant_gone; an unknown or foreign launch is not_found', async () => {
    const { portal, launchId } = await setup();
    await portal.applyLifecycle(OWNER, launchId, { action: 'revoke' });
    const gone = await rejection(portal.applyLifecycle(OWNER, launchId, { action: 'revoke' }));
    expect(gone).toBeInstanceOf(PortalError);
    expect(gone).toMatchObject({ code: 'grant_gone' });
    expect(await rejection(portal.applyLifecycle(OWNER, 'nope', { action: 'revoke' }))).toMatchObject({
      code: 'not_found',
    });
    expect(await rejection(portal.applyLifecycle('another-vendor', launchId, { action: 'revoke' }))).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('lifecycleRequest', () => {
  it('accepts each action, with seconds only for advance-clock', () => {
    expect(lifecycleRequest({ action: 'revoke' })).toEqual({ action: 'revoke' });
    expect(lifecycleRequest({ action: 'advance-clock', seconds: MAX_ADVANCE_SECONDS })).toEqual({
      action: 'advance-clock',
      seconds: MAX_ADVANCE_SECONDS,
    });
  });

  it.each([
    [undefined, undefined],
    [[], undefined],
    [{}, 'action'],
    [{ action: 'EXPIRE' }, 'action'],
    [{ action: 'advance-clock' }, 'seconds'],
    [{ action: 'advance-clock', seconds: 0 }, 'seconds'],
    [{ action: 'advance-clock', seconds: 2.5 }, 'seconds'],
    [{ action: 'advance-clock', seconds: MAX_ADVANCE_SECONDS + 1 }, 'seconds'],
    [{ action: 'expire-refresh-token', seconds: 10 }, 'seconds'],
  ])('refuses %j (field %s)', (input, field) => {
    let error: unknown;
    try {
      lifecycleRequest(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'validation_failed',
      fields: field === undefined ? {} : { [field]: expect.any(String) },
    });
  });
});
