// The member portal's words and rules, kept out of the components so they can be tested: dates, the labels of a
// connected app and of a read, the app filter of the history, the links of an app, and the registration form.
import type { AccessHistoryEntry, ConnectedApp, GalleryApp, MemberRegistrationInput } from '../api/member.ts';
import { typeLabel } from '../fhir/record.ts';
import { emailError } from '../pages/auth/auth-model.ts';

const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
const dayTime = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** Intl puts narrow no-break spaces before AM/PM; plain spaces read and match the same everywhere. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

/** An instant as the member's local day ("Mar 4, 2025"); the input itself when it is not a date. */
export function formatDay(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : plain(day.format(new Date(at)));
}

/** An instant as the member's local day and time ("Mar 4, 2025, 2:05 PM"). */
export function formatDayTime(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : plain(dayTime.format(new Date(at)));
}

/** "Connected Mar 4, 2025". */
export function connectedLabel(app: Pick<ConnectedApp, 'grantedAt'>): string {
  return `Connected ${formatDay(app.grantedAt)}`;
}

/** "Last used Mar 9, 2025", or "Not used yet". */
export function lastUsedLabel(app: Pick<ConnectedApp, 'lastUsedAt'>): string {
  return app.lastUsedAt === undefined ? 'Not used yet' : `Last used ${formatDay(app.lastUsedAt)}`;
}

/** A FHIR resource type in plain words for members ("Claims" for ExplanationOfBenefit); unknown types as they are. */
export function dataTypeLabel(type: string): string {
  return type === 'Patient' ? 'Personal details' : typeLabel(type);
}

/** The outcome of a read in words, with a color: read, refused, not found, failed. */
export function statusLabel(status: number): { label: string; color: string } {
  if (status >= 200 && status < 300) return { label: 'Read', color: 'teal' };
  if (status === 401) return { label: 'Refused: token not valid', color: 'orange' };
  if (status === 403) return { label: 'Refused: not allowed', color: 'orange' };
  if (status === 404) return { label: 'Not found', color: 'gray' };
  if (status >= 400 && status < 500) return { label: `Refused (${status})`, color: 'orange' };
  return { label: `Failed (${status})`, color: 'red' };
}

/** What an app read, in words: "Claims · 12 records", "Coverage · 1 record", or the request when no type. */
export function entryWhat(entry: Pick<AccessHistoryEntry, 'resourceType' | 'count' | 'request'>): string {
  const what = entry.resourceType !== undefined ? dataTypeLabel(entry.resourceType) : entry.request;
  if (entry.count === undefined) return what;
  return `${what} · ${entry.count} ${entry.count === 1 ? 'record' : 'records'}`;
}

/**
 * The choices of the history's "App" filter: every app the member connected or that appears in the history
 * loaded so far, once, by name.
 */
export function appFilterOptions(
  apps: readonly Pick<ConnectedApp, 'clientId' | 'name'>[],
  entries: readonly Pick<AccessHistoryEntry, 'clientId' | 'appName'>[],
): { value: string; label: string }[] {
  const names = new Map<string, string>();
  for (const app of apps) names.set(app.clientId, app.name);
  for (const entry of entries) if (!names.has(entry.clientId)) names.set(entry.clientId, entry.appName);
  return [...names]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.value.localeCompare(b.value));
}

/** An address members may be sent to: http(s) only (never `javascript:` or a relative path). */
export function safeWebUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Where "Connect" goes: the app's launch URL, else its organization's site; undefined when it has neither. */
export function connectUrl(app: Pick<GalleryApp, 'launchUrl' | 'organizationUrl'>): string | undefined {
  return safeWebUrl(app.launchUrl) ?? safeWebUrl(app.organizationUrl);
}

/** The app's policy links that it has, in the order members look for them. */
export function policyLinks(
  app: Pick<GalleryApp, 'privacyPolicyUrl' | 'securityPolicyUrl' | 'termsOfServiceUrl'>,
): { label: string; href: string }[] {
  const links: { label: string; href: string | undefined }[] = [
    { label: 'Privacy Policy', href: safeWebUrl(app.privacyPolicyUrl) },
    { label: 'Security Policy', href: safeWebUrl(app.securityPolicyUrl) },
    { label: 'Terms of Service', href: safeWebUrl(app.termsOfServiceUrl) },
  ];
  return links.filter((link): link is { label: string; href: string } => link.href !== undefined);
}

/** The host of an address, for a short "by example.com" ("" when it cannot be read). */
export function hostOf(url: string | undefined): string {
  const safe = safeWebUrl(url);
  return safe === undefined ? '' : new URL(safe).host;
}

/** The Register form: the date input gives YYYY-MM-DD (or '' when empty). */
export interface RegistrationForm {
  memberId: string;
  birthDate: string;
  email: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day as YYYY-MM-DD (not Feb 30). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** What is wrong with each field of the Register form (empty when it can be sent). `today` is YYYY-MM-DD. */
export function registrationErrors(
  values: RegistrationForm,
  today: string,
): Partial<Record<keyof RegistrationForm, string>> {
  const errors: Partial<Record<keyof RegistrationForm, string>> = {};
  if (values.memberId.trim() === '') errors.memberId = 'Enter the member ID on your plan card.';
  const birthDate = values.birthDate.trim();
  if (birthDate === '') errors.birthDate = 'Enter your date of birth.';
  else if (!isIsoDay(birthDate) || birthDate < '1900-01-01') errors.birthDate = 'Enter a real date of birth.';
  else if (birthDate > today) errors.birthDate = 'The date of birth cannot be in the future.';
  const email = emailError(values.email);
  if (email !== undefined) errors.email = email;
  return errors;
}

/** The API body of the Register form (text trimmed). */
export function registrationInput(values: RegistrationForm): MemberRegistrationInput {
  return { memberId: values.memberId.trim(), birthDate: values.birthDate.trim(), email: values.email.trim() };
}

/** Today as YYYY-MM-DD in the member's time zone. */
export function localIsoDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
