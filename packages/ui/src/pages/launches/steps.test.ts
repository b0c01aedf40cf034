import { describe, expect, it } from 'vitest';
import type { LaunchStepRecord } from '../../api/index.ts';
import {
  formatAgo,
  formatDateTime,
  formatTime,
  isExpired,
  isSimulatedFailure,
  isWaitingForApp,
  launchStatus,
  launchUrlOf,
  scopesToShow,
  stepTitle,
} from './steps.ts';

function step(partial: Partial<LaunchStepRecord> & Pick<LaunchStepRecord, 'step'>): LaunchStepRecord {
  return {
    id: `s-${partial.step}`,
    launchId: 'l-1',
    seq: 1,
    at: '2026-05-01T12:00:00.000Z',
    status: 'ok',
    message: 'ok',
    ...partial,
  };
}

const launchStep = step({
  step: 'launch',
  details: { launchUrl: 'http://localhost:5174/launch.html?iss=http%3A%2F%2F127.0.0.1%3A4011%2Ffhir&launch=abc' },
});

describe('launch steps', () => {
  it('names steps in plain words', () => {
    expect(stepTitle(step({ step: 'token' }))).toBe('Token exchange');
    expect(stepTitle(step({ step: 'fhir', request: 'GET Patient/p-1' }))).toBe('FHIR call');
  });

  it('names the two launch steps by what happened', () => {
    const titles = [launchStep, step({ step: 'launch' }), step({ step: 'authorize' })].map(stepTitle);
    expect(titles).toEqual(['Launch created', 'Launch value accepted', 'Authorization request']);
  });

  it('names a lifecycle step by its action', () => {
    expect(stepTitle(step({ step: 'lifecycle', details: { action: 'rotate-signing-key' } }))).toBe(
      'Lifecycle: Rotate signing key',
    );
    expect(stepTitle(step({ step: 'lifecycle', details: { action: 'something-new' } }))).toBe('Lifecycle action');
  });

  it('shows each set of scopes once: asked for, granted, and again only when it changes', () => {
    const read = ['openid', 'patient/Patient.rs', 'patient/Observation.rs'];
    const kept = ['openid', 'patient/Patient.rs'];
    const steps = [
      launchStep,
      step({ id: 'a', step: 'authorize', scopes: read }),
      step({ id: 'c', step: 'consent', scopes: read }),
      step({ id: 't', step: 'token', scopes: read }),
      step({ id: 'f1', step: 'fhir', scopes: read }),
      step({ id: 'r', step: 'refresh', scopes: read }),
      step({ id: 'f2', step: 'fhir', scopes: read }),
      step({ id: 't2', step: 'token', scopes: kept }),
      step({ id: 'f3', step: 'fhir', scopes: kept }),
    ];
    const shown = scopesToShow(steps);
    expect([...shown].map(([id, { label }]) => [id, label])).toEqual([
      ['a', 'Scopes asked for'],
      ['t', 'Granted scopes'],
      ['t2', 'Granted scopes'],
    ]);
    expect(scopesToShow([step({ id: 'c', step: 'consent', scopes: kept }), step({ id: 'x', step: 'fhir' })])).toEqual(
      new Map([['c', { label: 'Scopes the member allowed', scopes: kept }]]),
    );
  });

  it('marks a launch expired when it ran out waiting for the app, not once it was used', () => {
    const now = Date.parse('2026-05-01T12:05:00Z');
    const waiting = { status: 'created' as const, expiresAt: '2026-05-01T12:01:00Z' };
    expect(isExpired(waiting, now)).toBe(true);
    expect(launchStatus(waiting, now)).toEqual({ color: 'orange', label: 'Expired' });
    expect(isExpired({ ...waiting, expiresAt: '2026-05-01T12:06:00Z' }, now)).toBe(false);
    expect(launchStatus({ ...waiting, expiresAt: '2026-05-01T12:06:00Z' }, now).label).toBe('Waiting for the app');
    const used = { status: 'authorized' as const, expiresAt: waiting.expiresAt, usedAt: '2026-05-01T12:00:30Z' };
    expect(isExpired(used, now)).toBe(false);
    expect(launchStatus(used, now).label).toBe('Authorized');
  });

  it('tells a simulated failure from a real one', () => {
    const failed = { status: 'error' as const, error: 'invalid_client', message: 'simulated invalid_client' };
    expect(isSimulatedFailure({ simulateError: 'invalid_client' }, failed)).toBe(true);
    expect(isSimulatedFailure({}, failed)).toBe(false);
    expect(
      isSimulatedFailure({ simulateError: 'server_error' }, { ...failed, error: 'invalid_grant', message: 'bad code' }),
    ).toBe(false);
    expect(isSimulatedFailure({ simulateError: 'invalid_client' }, { ...failed, status: 'ok' })).toBe(false);
  });

  it('finds the launch URL in the launch step', () => {
    expect(launchUrlOf([launchStep, step({ step: 'authorize' })])).toMatch(/^http:\/\/localhost:5174\/launch\.html\?/);
    expect(launchUrlOf([step({ step: 'authorize' })])).toBeUndefined();
  });

  it('waits for the app until a step other than the launch arrives', () => {
    expect(isWaitingForApp({ status: 'created' }, [launchStep])).toBe(true);
    expect(isWaitingForApp({ status: 'created' }, [])).toBe(true);
    expect(isWaitingForApp({ status: 'authorizing' }, [launchStep, step({ step: 'authorize' })])).toBe(false);
    expect(isWaitingForApp({ status: 'failed' }, [launchStep])).toBe(false);
  });
});

describe('times', () => {
  it('shows the time of day with seconds in the given zone', () => {
    expect(formatTime('2026-05-01T18:05:09.123Z', 'en-US', 'America/New_York')).toBe('2:05:09 PM');
    expect(formatDateTime('2026-05-01T18:05:09.123Z', 'en-US', 'UTC')).toBe('May 1, 2026, 6:05:09 PM');
  });

  it('says how long ago in the largest whole unit', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(formatAgo('2026-05-01T11:59:55Z', now)).toBe('just now');
    expect(formatAgo('2026-05-01T11:59:30Z', now)).toBe('30 seconds ago');
    expect(formatAgo('2026-05-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(formatAgo('2026-05-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatAgo('2026-04-30T12:00:00Z', now)).toBe('yesterday');
  });
});
