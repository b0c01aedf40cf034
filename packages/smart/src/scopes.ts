/**
 * SMART App Launch scopes: which requested scopes this server grants (patient- and user-level reads, v1 and v2,
 * granular v2 filters; wildcards as the list of supported types; write permissions narrowed away), and what a
 * granted set allows on the FHIR API. Anything else is dropped, never granted.
 *
 * `user/` scopes (CARIN BB apps ask for them) are granted as asked and allow exactly what the same `patient/`
 * scope allows: the user is a member whose account is bound to one Patient, so "what the user may see" is that
 * member's own record, under the same compartment rules.
 */

/** Non-resource scopes the server knows (oidc-provider treats them as OpenID scopes). */
export const CONTEXT_SCOPES = ['openid', 'fhirUser', 'profile', 'offline_access', 'launch', 'launch/patient'] as const;

const CONTEXT_SCOPE_SET: ReadonlySet<string> = new Set(CONTEXT_SCOPES);

/** The level of a resource scope: `patient/` or `user/` (the same data for a member: their own record). */
export type ScopeLevel = 'patient' | 'user';

/** A parsed `patient/<Type>.<permissions>[?query]` (or `user/...`) scope. */
export interface ResourceScope {
  scope: string;
  level: ScopeLevel;
  /** A resource type, or `*` for every supported type. */
  type: string;
  version: 1 | 2;
  /** v1 `read` (as requested: also `write`, `*`), v2 a subsequence of `cruds` (granted: `r`, `s` or `rs`). */
  permissions: string;
  /** v2 granular filter (`category=...`), as a query string without `?`. */
  query?: string;
}

/**
 * The Patient Access types supported by default: the seed's scope list (docs "API permissions and scopes") plus
 * Patient. Compositions pass it (or a configured subset of the Patient Access types) as `resourceTypes`.
 */
export const DEFAULT_SUPPORTED_TYPES: readonly string[] = [
  'Patient',
  'CareTeam',
  'Coverage',
  'ExplanationOfBenefit',
  'Encounter',
  'DiagnosticReport',
  'MedicationRequest',
  'Goal',
  'Condition',
  'CarePlan',
  'Procedure',
  'DocumentReference',
  'AllergyIntolerance',
  'Immunization',
  'Provenance',
  'Observation',
  'Device',
  'Practitioner',
  'Organization',
];

/** A requested `patient/` or `user/` scope in any permission form, write forms included (narrowed or dropped). */
const REQUEST_V1 = /^(patient|user)\/([A-Z][A-Za-z]*|\*)\.(read|write|\*)$/;
const REQUEST_V2 = /^(patient|user)\/([A-Z][A-Za-z]*|\*)\.(c?r?u?d?s?)(?:\?(.+))?$/;
/** A granted (read-only) permission: v1 `read`, v2 `r`, `s` or `rs`. */
const GRANTED_V2 = /^r?s?$/;
const QUERY_NAME = /^[a-z][a-z0-9-]*(?::[a-z-]+)?$/;

/** Whether `scope` is one of the non-resource scopes the server grants. */
export function isContextScope(scope: string): boolean {
  return CONTEXT_SCOPE_SET.has(scope);
}

function validQuery(query: string): boolean {
  const pairs = query.split('&');
  return pairs.every((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) return false;
    return QUERY_NAME.test(pair.slice(0, eq));
  });
}

/** Parses any requested `patient/` or `user/` scope of a supported type (or `*`), write forms included. */
function parseRequested(scope: string, resourceTypes: readonly string[]): ResourceScope | undefined {
  const v1 = REQUEST_V1.exec(scope);
  if (v1) {
    const [, level = '', type = '', permissions = ''] = v1;
    if (type !== '*' && !resourceTypes.includes(type)) return undefined;
    return { scope, level: level as ScopeLevel, type, version: 1, permissions };
  }
  const v2 = REQUEST_V2.exec(scope);
  if (!v2) return undefined;
  const [, level = '', type = '', permissions = '', query] = v2;
  if (permissions === '') return undefined;
  if (type !== '*' && !resourceTypes.includes(type)) return undefined;
  if (query !== undefined && (type === '*' || !validQuery(query))) return undefined;
  const parsed: ResourceScope = { scope, level: level as ScopeLevel, type, version: 2, permissions };
  return query === undefined ? parsed : { ...parsed, query };
}

/**
 * Parses a patient resource scope as it can be granted: read access only (v1 `read`, v2 `r`, `s` or `rs`, with a
 * granular filter on a named type); undefined for anything else, write forms (`.write`, `.*`, `.cruds`...) and
 * types the FHIR API does not serve included. A wildcard parses (tokens issued before wildcards were expanded).
 */
export function parseResourceScope(scope: string, resourceTypes: readonly string[]): ResourceScope | undefined {
  const parsed = parseRequested(scope, resourceTypes);
  if (!parsed) return undefined;
  const readOnly = parsed.version === 1 ? parsed.permissions === 'read' : GRANTED_V2.test(parsed.permissions);
  return readOnly ? parsed : undefined;
}

/** Splits a space-delimited scope string, dropping empty items and duplicates (order kept). */
export function splitScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter((item) => item.length > 0))];
}

/** The kind of authorization a scope is granted in. */
export interface GrantOptions {
  /** Whether the request carries a `launch` parameter (an EHR launch): only then is the `launch` scope granted. */
  ehrLaunch: boolean;
}

/**
 * What one requested scope is granted as: itself; narrower (read and search only: v1 `.*` as `.read`, v2
 * `.cruds` as `.rs`; a wildcard as one scope per supported type); or nothing (write-only, unknown or unsupported
 * scopes, `launch` outside an EHR launch).
 */
export function grantsOf(scope: string, resourceTypes: readonly string[], options: GrantOptions): string[] {
  if (isContextScope(scope)) return scope === 'launch' && !options.ehrLaunch ? [] : [scope];
  const parsed = parseRequested(scope, resourceTypes);
  if (!parsed) return [];
  let permissions: string;
  if (parsed.version === 1) {
    if (parsed.permissions === 'write') return [];
    permissions = 'read';
  } else {
    permissions = parsed.permissions.replace(/[cud]/g, '');
    if (permissions === '') return [];
  }
  const suffix = parsed.query === undefined ? '' : `?${parsed.query}`;
  const types = parsed.type === '*' ? resourceTypes : [parsed.type];
  return types.map((type) => `${parsed.level}/${type}.${permissions}${suffix}`);
}

/**
 * The scopes a request is granted at most, in request order without duplicates: each requested scope as
 * grantsOf narrows it. Every granted scope set (consent, skipped consent, tokens) is a subset of this.
 */
export function grantableScopes(
  requested: readonly string[],
  resourceTypes: readonly string[],
  options: GrantOptions,
): string[] {
  return [...new Set(requested.flatMap((scope) => grantsOf(scope, resourceTypes, options)))];
}

/** The scopes of `scopes` that are grantable as they are (context scopes and read-only resource scopes). */
export function supportedScopes(scopes: readonly string[], resourceTypes: readonly string[]): string[] {
  return scopes.filter((scope) => isContextScope(scope) || parseResourceScope(scope, resourceTypes) !== undefined);
}

/** The resource scopes of `scopes` (what the FHIR API resource server accepts). */
export function resourceScopes(scopes: readonly string[], resourceTypes: readonly string[]): string[] {
  return scopes.filter((scope) => parseResourceScope(scope, resourceTypes) !== undefined);
}

/**
 * What granted scopes allow: each readable resource type with its v2 granular filters (query strings).
 * An empty filter list means every resource of the type; a wildcard reaches only the supported types.
 */
export function readableTypes(scopes: readonly string[], resourceTypes: readonly string[]): Map<string, string[]> {
  const unrestricted = new Set<string>();
  const filters = new Map<string, string[]>();
  for (const scope of scopes) {
    const parsed = parseResourceScope(scope, resourceTypes);
    if (!parsed) continue;
    const types = parsed.type === '*' ? resourceTypes : [parsed.type];
    for (const type of types) {
      if (parsed.query === undefined) unrestricted.add(type);
      else filters.set(type, [...(filters.get(type) ?? []), parsed.query]);
    }
  }
  const readable = new Map<string, string[]>();
  for (const type of resourceTypes) {
    if (unrestricted.has(type)) readable.set(type, []);
    else if (filters.has(type)) readable.set(type, [...new Set(filters.get(type))]);
  }
  return readable;
}

/**
 * The final granted set after consent: the grantable scopes of the request that the member left ticked (`kept`;
 * a kept wildcard stands for each of its types). Scopes nobody requested are ignored; a wildcard is never granted
 * as such, only as the list of the supported types.
 */
export function consentedScopes(
  requested: readonly string[],
  kept: readonly string[],
  resourceTypes: readonly string[],
  options: GrantOptions,
): string[] {
  const keptSet = new Set(grantableScopes(kept, resourceTypes, { ehrLaunch: true }));
  return grantableScopes(requested, resourceTypes, options).filter((scope) => keptSet.has(scope));
}

/**
 * The scopes advertised in discovery: the context scopes, then for each level (`patient/`, `user/`) the
 * wildcards and each type in v1 and v2 form.
 */
export function scopesSupported(resourceTypes: readonly string[]): string[] {
  return [
    ...CONTEXT_SCOPES,
    ...(['patient', 'user'] as const).flatMap((level) => [
      `${level}/*.read`,
      `${level}/*.rs`,
      ...resourceTypes.flatMap((type) => [`${level}/${type}.read`, `${level}/${type}.rs`]),
    ]),
  ];
}
