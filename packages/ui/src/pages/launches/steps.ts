import type { LaunchStepRecord, LaunchSummary, LifecycleAction } from '../../api/index.ts';

type LaunchRecord = Pick<LaunchSummary, 'status' | 'kind'>;

/** What the expiry and status badges need of a launch. */
type LaunchTimes = Pick<LaunchSummary, 'status' | 'expiresAt' | 'usedAt'>;

/** How the inspector names each step of a launch. */
export const STEP_LABELS: Readonly<Record<LaunchStepRecord['step'], string>> = {
  launch: 'Launch created',
  authorize: 'Authorization request',
  login: 'Sign-in and patient selection',
  consent: 'Consent',
  token: 'Token exchange',
  refresh: 'Token refresh',
  revoke: 'Token revocation',
  introspect: 'Token introspection',
  fhir: 'FHIR call',
  error: 'Error',
  lifecycle: 'Lifecycle action',
};

/** The launch inspector's name of each grant lifecycle action (its button, and the title of its step). */
export const LIFECYCLE_LABELS: Readonly<Record<LifecycleAction, string>> = {
  'expire-access-token': 'Expire access token',
  'expire-refresh-token': 'Expire refresh token',
  revoke: 'Revoke (as the member)',
  'advance-clock': 'Advance clock',
  'rotate-signing-key': 'Rotate signing key',
};

/** Badge colour and words of a launch status. */
export const LAUNCH_STATUS: Readonly<Record<LaunchRecord['status'], { color: string; label: string }>> = {
  created: { color: 'gray', label: 'Waiting for the app' },
  authorizing: { color: 'blue', label: 'Authorizing' },
  authorized: { color: 'teal', label: 'Authorized' },
  failed: { color: 'red', label: 'Failed' },
};

/** EHR launch (from the sandbox) or standalone launch (the app started the authorization itself). */
export function kindLabel(kind: LaunchRecord['kind']): string {
  return kind === 'ehr' ? 'EHR launch' : 'Standalone';
}

/**
 * A step's title, by what happened: the sandbox's first "launch" step (it carries the launch URL) is "Launch
 * created"; the later one, logged when the app brings the launch value to the authorize endpoint, is "Launch
 * value accepted".
 */
export function stepTitle(step: LaunchStepRecord): string {
  if (step.step === 'launch' && typeof step.details?.launchUrl !== 'string') return 'Launch value accepted';
  const action = step.details?.action;
  if (step.step === 'lifecycle' && typeof action === 'string' && action in LIFECYCLE_LABELS) {
    return `Lifecycle: ${LIFECYCLE_LABELS[action as LifecycleAction]}`;
  }
  return STEP_LABELS[step.step] ?? step.step;
}

/**
 * Whether a launch ran out before the app used it: never used, still waiting for the app, and past its expiry
 * (a launch value works for a few minutes). A used launch does not expire: its tokens live on.
 */
export function isExpired(launch: LaunchTimes, now: number): boolean {
  return launch.status === 'created' && launch.usedAt === undefined && Date.parse(launch.expiresAt) <= now;
}

const EXPIRED = { color: 'orange', label: 'Expired' } as const;

/** The status badge of a launch at `now`: "Expired" for a launch that ran out waiting for the app. */
export function launchStatus(launch: LaunchTimes, now: number): { color: string; label: string } {
  return isExpired(launch, now) ? EXPIRED : LAUNCH_STATUS[launch.status];
}

/** Whether a failed step is the failure the launch asked the sandbox to simulate (not a bug of the app). */
export function isSimulatedFailure(
  launch: { simulateError?: string | undefined },
  step: Pick<LaunchStepRecord, 'status' | 'error' | 'message'>,
): boolean {
  if (launch.simulateError === undefined || step.status !== 'error') return false;
  return step.error === launch.simulateError || /\bsimulated\b/i.test(step.message);
}

/** The scopes a step shows, and what they are. */
export interface StepScopes {
  label: string;
  scopes: string[];
}

const OTHER_SCOPE_LABELS: Partial<Record<LaunchStepRecord['step'], string>> = {
  consent: 'Scopes the member allowed',
  refresh: 'Granted scopes',
};

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((scope) => b.includes(scope));

/**
 * Which steps show scopes, so that each set appears once and not on every step: the authorization request shows
 * what the app asked for (what the sandbox can grant of it), each token exchange the scopes of its new grant;
 * consent, a refresh or a FHIR call shows its scopes only when they differ from the last shown.
 */
export function scopesToShow(steps: readonly LaunchStepRecord[]): Map<string, StepScopes> {
  const shown = new Map<string, StepScopes>();
  let last: readonly string[] | undefined;
  for (const step of steps) {
    const scopes = step.scopes ?? [];
    if (scopes.length === 0) continue;
    if (step.step === 'authorize') shown.set(step.id, { label: 'Scopes asked for', scopes });
    else if (step.step === 'token') shown.set(step.id, { label: 'Granted scopes', scopes });
    else if (last === undefined || !sameSet(last, scopes))
      shown.set(step.id, { label: OTHER_SCOPE_LABELS[step.step] ?? 'Token scopes', scopes });
    else continue;
    last = scopes;
  }
  return shown;
}

/** The launch URL the sandbox created (the first "launch" step carries it), to reopen the app by hand. */
export function launchUrlOf(steps: readonly LaunchStepRecord[]): string | undefined {
  const url = steps.find((s) => s.step === 'launch')?.details?.launchUrl;
  return typeof url === 'string' ? url : undefined;
}

/** Whether the app has not yet started the authorization (only the sandbox's own launch step is logged). */
export function isWaitingForApp(launch: Pick<LaunchRecord, 'status'>, steps: readonly LaunchStepRecord[]): boolean {
  return launch.status === 'created' && steps.every((s) => s.step === 'launch');
}

/** The time of day of an instant in the viewer's zone, with seconds ("2:05:09 PM"). */
export function formatTime(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) })
    .format(new Date(iso))
    .replace(/[\u202f\u00a0]/g, ' ');
}

/** Date and time of an instant in the viewer's zone ("Sep 17, 2021, 2:05:09 PM"). */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    ...(timeZone ? { timeZone } : {}),
  })
    .format(new Date(iso))
    .replace(/[\u202f\u00a0]/g, ' ');
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** How long ago an instant was ("just now", "3 minutes ago", "2 days ago"). */
export function formatAgo(iso: string, now: number, locale = 'en-US'): string {
  const elapsed = now - new Date(iso).getTime();
  if (Math.abs(elapsed) < 10_000) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) return format.format(-Math.round(elapsed / ms), unit);
  }
  return 'just now';
}
