import type { LaunchStepRecord, LaunchSummary } from '../../api/index.ts';

type LaunchRecord = Pick<LaunchSummary, 'status' | 'kind'>;

/** How the inspector names each step of a launch. */
export const STEP_LABELS: Readonly<Record<LaunchStepRecord['step'], string>> = {
  launch: 'Launch',
  authorize: 'Authorization request',
  login: 'Sign-in and patient selection',
  consent: 'Consent',
  token: 'Token exchange',
  refresh: 'Token refresh',
  revoke: 'Token revocation',
  introspect: 'Token introspection',
  fhir: 'FHIR call',
  error: 'Error',
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

/** A step's title: its label, and for a FHIR call the request line. */
export function stepTitle(step: LaunchStepRecord): string {
  return STEP_LABELS[step.step] ?? step.step;
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
