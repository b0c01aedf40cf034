// The review area's pure logic: badges, the lists' filters (kept in the address), reasons and the request page's rows.
import { ATTESTATION_QUESTIONS, OAUTH_TYPE_LABELS } from '../api/constants.ts';
import type { AppSnapshot, HistoryEntry, PrivacyAttestation, PublishedApp, RequestStatus } from '../api/types.ts';
import type { PublishedStatusFilter, RequestStatusFilter } from '../api/review.ts';

/** The badge of a request's status. */
export const REQUEST_STATUS_BADGES: Record<RequestStatus, { label: string; color: string }> = {
  pending: { label: 'Pending review', color: 'yellow' },
  approved: { label: 'Approved', color: 'teal' },
  rejected: { label: 'Rejected', color: 'red' },
  withdrawn: { label: 'Withdrawn', color: 'gray' },
};

/** The badge of a published app's status. */
export const PUBLISHED_STATUS_BADGES: Record<PublishedApp['status'], { label: string; color: string }> = {
  published: { label: 'Published', color: 'teal' },
  suspended: { label: 'Suspended', color: 'orange' },
};

/** The Status filter of the queue, in order. */
export const REQUEST_FILTERS: readonly { value: RequestStatusFilter; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'all', label: 'All' },
];

/** The Status filter of the published apps, in order. */
export const PUBLISHED_FILTERS: readonly { value: PublishedStatusFilter; label: string }[] = [
  { value: 'published', label: 'Published' },
  { value: 'suspended', label: 'Suspended' },
  { value: 'all', label: 'All' },
];

/** The filters of a list as the page keeps them in its address (`?status=&q=`). */
export interface ListFilters<S extends string> {
  status: S;
  q: string;
}

/**
 * Reads a list's filters from the address: an unknown or missing status is the default (All: pending requests
 * come first anyway), the search text as typed.
 */
export function parseListFilters<S extends string>(
  params: URLSearchParams,
  allowed: readonly { value: S }[],
  fallback: S,
): ListFilters<S> {
  const status = params.get('status');
  const known = allowed.find((f) => f.value === status)?.value;
  return { status: known ?? fallback, q: params.get('q') ?? '' };
}

/** The address parameters of a list's filters: the default status and a blank search are left out. */
export function listFilterParams<S extends string>(filters: ListFilters<S>, fallback: S): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.status !== fallback) params.status = filters.status;
  if (filters.q.trim() !== '') params.q = filters.q;
  return params;
}

/** The longest reason the server accepts. */
export const MAX_REASON = 2000;

/** What is wrong with a reason (reject, suspend), or undefined. */
export function reasonError(value: string): string | undefined {
  const reason = value.trim();
  if (reason === '') return 'Enter the reason: the vendor reads it in the email.';
  if (reason.length > MAX_REASON) return `The reason must be at most ${MAX_REASON} characters.`;
  return undefined;
}

/** One row of "App details": a label and its value (lines for lists), or undefined when not set. */
export interface DetailRow {
  field: keyof AppSnapshot;
  label: string;
  value: string | string[] | undefined;
  /** A link (URLs), to open in a new tab. */
  link: boolean;
}

/** The public keys of a Private Key JWT app: its JWKS URL or its JWKS (as JSON). */
function keyRows(app: AppSnapshot): DetailRow[] {
  const jwks = app.jwks === undefined ? undefined : JSON.stringify(app.jwks, null, 2);
  return [
    { field: 'jwksUri', label: 'JWKS URL', value: app.jwksUri, link: false },
    { field: 'jwks', label: 'JWKS', value: jwks, link: false },
  ];
}

/** Every field of an app snapshot, in the App form's order and words. */
export function snapshotRows(app: AppSnapshot): DetailRow[] {
  const url = (field: keyof AppSnapshot, label: string): DetailRow => ({
    field,
    label,
    value: app[field] as string | undefined,
    link: true,
  });
  return [
    { field: 'name', label: 'Application Name', value: app.name, link: false },
    { field: 'clientId', label: 'Client ID', value: app.clientId, link: false },
    { field: 'oauthType', label: 'Client OAuth Type', value: OAUTH_TYPE_LABELS[app.oauthType], link: false },
    ...(app.oauthType === 'private_key_jwt' ? keyRows(app) : []),
    { field: 'redirectUris', label: 'Redirect URL', value: app.redirectUris, link: false },
    { field: 'launchUrl', label: 'Launch URL', value: app.launchUrl, link: false },
    url('logoUrl', 'Logo URL'),
    { field: 'description', label: 'Description', value: app.description, link: false },
    { field: 'organizationName', label: 'Organization/Company Name', value: app.organizationName, link: false },
    url('organizationUrl', 'Organization/Company Website URL'),
    url('privacyPolicyUrl', 'Privacy Policy URL'),
    url('securityPolicyUrl', 'Security Policy URL'),
    url('termsOfServiceUrl', 'Terms of Service URL'),
  ];
}

/** Only http(s) addresses become links (a javascript: URL in an app field must never run). */
export function isSafeLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The attestation as question and answer ("Yes"/"No"), in order. */
export function attestationRows(
  attestation: PrivacyAttestation,
): { key: keyof PrivacyAttestation; question: string; answer: 'Yes' | 'No' | 'Not answered' }[] {
  return ATTESTATION_QUESTIONS.map((q) => {
    const value = attestation[q.key] as string | undefined;
    return {
      key: q.key,
      question: q.question,
      answer: value === 'yes' ? 'Yes' : value === 'no' ? 'No' : 'Not answered',
    };
  });
}

/** A line of History: what happened to which version, and who did it. */
export function historyText(entry: HistoryEntry): string {
  switch (entry.type) {
    case 'submitted':
      return `Version ${entry.version} sent by ${entry.by}`;
    case 'updated':
      return `Updated to version ${entry.version} by ${entry.by}`;
    case 'approved':
      return `Version ${entry.version} approved by ${entry.by}`;
    case 'rejected':
      return `Version ${entry.version} rejected by ${entry.by}`;
    case 'withdrawn':
      return `Withdrawn by ${entry.by}`;
  }
}

/** The color of a History entry's bullet. */
export function historyColor(entry: HistoryEntry): string {
  return entry.type === 'approved'
    ? 'teal'
    : entry.type === 'rejected'
      ? 'red'
      : entry.type === 'withdrawn'
        ? 'gray'
        : 'blue';
}
