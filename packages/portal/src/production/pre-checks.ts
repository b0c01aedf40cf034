import type { AppRecord } from '../types.ts';
import type { AppSnapshot, PreCheck } from './model.ts';

/** One field that differs between the published snapshot and a requested one (arrays joined with newlines). */
export interface FieldChange {
  field: keyof AppSnapshot;
  /** The label of the field on the app form. */
  label: string;
  /** Absent when the field was not set in the published version. */
  published?: string;
  /** Absent when the field is not set in the requested version. */
  requested?: string;
}

/** The snapshot fields in the order of the app form, with the form's labels. */
export const SNAPSHOT_LABELS: readonly (readonly [keyof AppSnapshot, string])[] = [
  ['name', 'Application Name'],
  ['oauthType', 'Client OAuth Type'],
  ['jwksUri', 'JWKS URL'],
  ['jwks', 'JWKS'],
  ['clientId', 'Client ID'],
  ['redirectUris', 'Redirect URL'],
  ['launchUrl', 'Launch URL'],
  ['logoUrl', 'Logo URL'],
  ['description', 'Description'],
  ['organizationName', 'Organization/Company Name'],
  ['organizationUrl', 'Organization/Company Website URL'],
  ['privacyPolicyUrl', 'Privacy Policy URL'],
  ['securityPolicyUrl', 'Security Policy URL'],
  ['termsOfServiceUrl', 'Terms of Service URL'],
];

const OPTIONAL_SNAPSHOT_FIELDS = [
  'jwksUri',
  'jwks',
  'launchUrl',
  'logoUrl',
  'organizationName',
  'organizationUrl',
  'privacyPolicyUrl',
  'securityPolicyUrl',
  'termsOfServiceUrl',
  'description',
] as const;

/** The fields of an app that are sent for review and published (copied by name: never the secret). */
export function snapshotOf(app: AppRecord | AppSnapshot): AppSnapshot {
  const snapshot: AppSnapshot = {
    name: app.name,
    oauthType: app.oauthType,
    clientId: app.clientId,
    redirectUris: [...app.redirectUris],
  };
  for (const field of OPTIONAL_SNAPSHOT_FIELDS) {
    const value = app[field];
    if (value !== undefined) Object.assign(snapshot, { [field]: structuredClone(value) });
  }
  return snapshot;
}

function shown(snapshot: AppSnapshot, field: keyof AppSnapshot): string | undefined {
  const value = snapshot[field];
  if (Array.isArray(value)) return value.join('\n');
  return typeof value === 'object' ? JSON.stringify(value, null, 2) : value;
}

/** What changed from the published snapshot to the requested one, field by field in form order. */
export function diffSnapshots(published: AppSnapshot, requested: AppSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of SNAPSHOT_LABELS) {
    const before = shown(published, field);
    const after = shown(requested, field);
    if (before === after) continue;
    changes.push({
      field,
      label,
      ...(before !== undefined ? { published: before } : {}),
      ...(after !== undefined ? { requested: after } : {}),
    });
  }
  return changes;
}

/** Whether two snapshots have the same fields (what a reviewer would see as "no changes"). */
export function sameSnapshot(a: AppSnapshot, b: AppSnapshot): boolean {
  return diffSnapshots(a, b).length === 0;
}

/** localhost (and its subdomains), 127.0.0.0/8 and [::1]: hosts that exist only on the member's own device. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

function parse(value: string): URL | undefined {
  return URL.canParse(value) ? new URL(value) : undefined;
}

type Check = Omit<PreCheck, 'passed' | 'message'>;

const passed = (check: Check, message: string): PreCheck => ({ ...check, passed: true, message });
const failed = (check: Check, message: string): PreCheck => ({ ...check, passed: false, message });

/** A required field: blocking when missing. */
function required(id: string, field: keyof AppSnapshot, label: string, value: string | undefined, why: string) {
  const check: Check = { id, field, severity: 'blocking' };
  return value === undefined || value.trim() === ''
    ? failed(check, `${label} is missing: enter it on the app form (${why}).`)
    : passed(check, `${label} is set.`);
}

/** A URL members' browsers open in production: https, and not a host that exists only on one machine. */
function publicUrl(id: string, field: keyof AppSnapshot, label: string, value: string | undefined): PreCheck[] {
  if (value === undefined) return [];
  const url = parse(value);
  const check: Check = { id, field, severity: 'blocking' };
  if (url !== undefined && isLoopbackHost(url.hostname)) {
    return [
      failed(
        check,
        `${label} points to ${url.hostname}, which exists only on your own computer; use the public https address members can reach.`,
      ),
    ];
  }
  return [];
}

function redirectChecks(uris: readonly string[]): PreCheck[] {
  if (uris.length === 0) {
    return [
      failed(
        { id: 'redirect-uris', field: 'redirectUris', severity: 'blocking' },
        'No redirect URL is registered: add the exact https URL your app receives the authorization code at.',
      ),
    ];
  }
  return uris.map((uri, index) => {
    const field = `redirectUris.${index}`;
    const url = parse(uri);
    if (url !== undefined && isLoopbackHost(url.hostname)) {
      return failed(
        { id: 'redirect-https', field, severity: 'advisory' },
        `${uri} is a native app loopback redirect (RFC 8252): allowed, but only an app running on the member's own device can receive it. Use an https redirect URL for a web app.`,
      );
    }
    const check: Check = { id: 'redirect-https', field, severity: 'blocking' };
    return url?.protocol === 'https:'
      ? passed(check, `${uri} uses https.`)
      : failed(check, `${uri} must use https in production; change it to the https address of your app.`);
  });
}

/** The JWKS URL of a "private_key_jwt" app: the production server fetches it, so https on a public host. */
function jwksUriChecks(jwksUri: string | undefined): PreCheck[] {
  if (jwksUri === undefined) return [];
  const check: Check = { id: 'jwks-uri-https', field: 'jwksUri', severity: 'blocking' };
  const https =
    parse(jwksUri)?.protocol === 'https:'
      ? passed(check, 'The JWKS URL uses https.')
      : failed(check, `The JWKS URL ${jwksUri} must use https in production; publish your public keys over https.`);
  return [https, ...publicUrl('jwks-uri-public', 'jwksUri', 'The JWKS URL', jwksUri)];
}

function launchChecks(launchUrl: string | undefined): PreCheck[] {
  const present = required(
    'launch-url',
    'launchUrl',
    'The launch URL',
    launchUrl,
    'the page the plan opens to launch your app',
  );
  if (launchUrl === undefined) return [present];
  const url = parse(launchUrl);
  const check: Check = { id: 'launch-https', field: 'launchUrl', severity: 'blocking' };
  const https =
    url?.protocol === 'https:'
      ? passed(check, 'The launch URL uses https.')
      : failed(
          check,
          `The launch URL ${launchUrl} must use https in production (also on localhost); change it to https.`,
        );
  return [present, https, ...publicUrl('launch-public', 'launchUrl', 'The launch URL', launchUrl)];
}

/**
 * The automatic pre-checks of an app before it goes to production: the vendor sees them before sending, the
 * reviewers on the request page. Blocking checks stop a request (each names the field at fault and what to
 * fix); advisory ones only warn. Redirect URLs must use https, except loopback redirects of native apps
 * (RFC 8252), which are advisory; the launch URL must use https even on loopback; no other URL may point to
 * localhost or 127.x.
 */
export function preCheckApp(app: AppSnapshot): PreCheck[] {
  const checks: PreCheck[] = [
    required('name', 'name', 'The application name', app.name, 'members see it when they connect the app'),
    ...redirectChecks(app.redirectUris),
    ...jwksUriChecks(app.jwksUri),
    ...launchChecks(app.launchUrl),
    required(
      'privacy-policy',
      'privacyPolicyUrl',
      'The privacy policy URL',
      app.privacyPolicyUrl,
      'members read it before they connect the app',
    ),
    ...publicUrl('privacy-policy-public', 'privacyPolicyUrl', 'The privacy policy URL', app.privacyPolicyUrl),
    required(
      'terms-of-service',
      'termsOfServiceUrl',
      'The terms of service URL',
      app.termsOfServiceUrl,
      'members read them before they connect the app',
    ),
    ...publicUrl('terms-of-service-public', 'termsOfServiceUrl', 'The terms of service URL', app.termsOfServiceUrl),
    required(
      'security-policy',
      'securityPolicyUrl',
      'The security policy URL',
      app.securityPolicyUrl,
      "how you protect members' data and how to report a vulnerability",
    ),
    ...publicUrl('security-policy-public', 'securityPolicyUrl', 'The security policy URL', app.securityPolicyUrl),
    required(
      'organization',
      'organizationName',
      'The organization/company name',
      app.organizationName,
      'members see who publishes the app',
    ),
    required(
      'description',
      'description',
      'The description',
      app.description,
      'members read what the app does with their data',
    ),
    required('logo', 'logoUrl', 'The logo URL', app.logoUrl, 'members recognize the app by it'),
    ...publicUrl('logo-public', 'logoUrl', 'The logo URL', app.logoUrl),
    ...publicUrl('organization-url-public', 'organizationUrl', 'The organization website URL', app.organizationUrl),
  ];
  checks.push(
    app.organizationUrl === undefined
      ? failed(
          { id: 'organization-url', field: 'organizationUrl', severity: 'advisory' },
          'No organization website: members and reviewers trust an app more when they can see who makes it.',
        )
      : passed(
          { id: 'organization-url', field: 'organizationUrl', severity: 'advisory' },
          'The organization website is set.',
        ),
  );
  if (app.description !== undefined && app.description.trim() !== '') {
    const check: Check = { id: 'description-length', field: 'description', severity: 'advisory' };
    const length = app.description.trim().length;
    checks.push(
      length < 40
        ? failed(
            check,
            `The description has ${length} characters: say in a sentence or two what the app does with members' data (40 characters or more).`,
          )
        : passed(check, 'The description says what the app does.'),
    );
  }
  if (app.logoUrl !== undefined) {
    const check: Check = { id: 'logo-https', field: 'logoUrl', severity: 'advisory' };
    checks.push(
      parse(app.logoUrl)?.protocol === 'https:'
        ? passed(check, 'The logo is served over https.')
        : failed(check, 'The logo is not served over https: some browsers will not show it on the consent page.'),
    );
  }
  return checks;
}
