import type { AppSnapshot } from '../production/model.ts';
import type { FieldChange } from './model.ts';

// A local diff until the vendor side's production/pre-checks.ts diffSnapshots is merged: the integrator may pass
// that one as ReviewPortalDeps.diff (or drop this file) as long as it keeps the FieldChange shape.

/** The snapshot's fields in the order reviewers read them, with their form labels. */
export const SNAPSHOT_FIELDS: readonly { field: keyof AppSnapshot & string; label: string }[] = [
  { field: 'name', label: 'App name' },
  { field: 'oauthType', label: 'OAuth type' },
  { field: 'clientId', label: 'Client ID' },
  { field: 'redirectUris', label: 'Redirect URIs' },
  { field: 'launchUrl', label: 'Launch URL' },
  { field: 'logoUrl', label: 'Logo URL' },
  { field: 'organizationName', label: 'Organization name' },
  { field: 'organizationUrl', label: 'Organization website' },
  { field: 'privacyPolicyUrl', label: 'Privacy policy URL' },
  { field: 'termsOfServiceUrl', label: 'Terms of service URL' },
  { field: 'securityPolicyUrl', label: 'Security policy URL' },
  { field: 'description', label: 'Description' },
];

function text(value: AppSnapshot[keyof AppSnapshot]): string | undefined {
  if (value === undefined) return undefined;
  const joined = Array.isArray(value) ? value.join('\n') : value;
  return joined === '' ? undefined : joined;
}

/** The fields of `requested` that differ from `published`, in form order (arrays joined with newlines). */
export function diffSnapshots(published: AppSnapshot, requested: AppSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { field, label } of SNAPSHOT_FIELDS) {
    const before = text(published[field]);
    const after = text(requested[field]);
    if (before === after) continue;
    const change: FieldChange = { field, label };
    if (before !== undefined) change.published = before;
    if (after !== undefined) change.requested = after;
    changes.push(change);
  }
  return changes;
}
