import { describe, expect, it } from 'vitest';
import type { LaunchStepRecord } from '../../api/index.ts';
import { formatAgo, formatDateTime, formatTime, isWaitingForApp, launchUrlOf, stepTitle } from './steps.ts';

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
