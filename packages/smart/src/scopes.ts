/**
 * SMART App Launch scopes: which requested scopes this server grants (patient-context reads, v1 and v2,
 * granular v2 filters), and what a granted set allows on the FHIR API. Anything else is dropped, never granted.
 */

/** Non-resource scopes the server knows (oidc-provider treats them as OpenID scopes). */
export const CONTEXT_SCOPES = ['openid', 'fhirUser', 'profile', 'offline_access', 'launch', 'launch/patient'] as const;

const CONTEXT_SCOPE_SET: ReadonlySet<string> = new Set(CONTEXT_SCOPES);

/** A parsed `patient/<Type>.<permissions>[?query]` scope. */
export interface ResourceScope {
  scope: string;
  /** A resource type, or `*` for every supported type. */
  type: string;
  version: 1 | 2;
  /** v1 `read`/`*`, v2 a subsequence of `cruds` that includes `r` or `s`. */
  permissions: string;
  /** v2 granular filter (`category=...`), as a query string without `?`. */
  query?: string;
}

const V1 = /^patient\/([A-Z][A-Za-z]*|\*)\.(read|write|\*)$/;
const V2 = /^patient\/([A-Z][A-Za-z]*|\*)\.(c?r?u?d?s?)(?:\?(.+))?$/;
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

/**
 * Parses a patient resource scope this server can grant (read access only: v1 `.write` and v2 scopes without
 * `r` or `s` are refused); undefined for anything else, including types the FHIR API does not serve.
 */
export function parseResourceScope(scope: string, resourceTypes: readonly string[]): ResourceScope | undefined {
  const v1 = V1.exec(scope);
  if (v1) {
    const [, type = '', permissions = ''] = v1;
    if (permissions === 'write') return undefined;
    if (type !== '*' && !resourceTypes.includes(type)) return undefined;
    return { scope, type, version: 1, permissions };
  }
  const v2 = V2.exec(scope);
  if (!v2) return undefined;
  const [, type = '', permissions = '', query] = v2;
  if (!permissions.includes('r') && !permissions.includes('s')) return undefined;
  if (type !== '*' && !resourceTypes.includes(type)) return undefined;
  if (query !== undefined && (type === '*' || !validQuery(query))) return undefined;
  return query === undefined
    ? { scope, type, version: 2, permissions }
    : { scope, type, version: 2, permissions, query };
}

/** Splits a space-delimited scope string, dropping empty items and duplicates (order kept). */
export function splitScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter((item) => item.length > 0))];
}

/** The scopes of `requested` this server grants, in request order. */
export function supportedScopes(requested: readonly string[], resourceTypes: readonly string[]): string[] {
  return requested.filter((scope) => isContextScope(scope) || parseResourceScope(scope, resourceTypes) !== undefined);
}

/** The resource scopes of `requested` (what the FHIR API resource server accepts). */
export function resourceScopes(requested: readonly string[], resourceTypes: readonly string[]): string[] {
  return requested.filter((scope) => parseResourceScope(scope, resourceTypes) !== undefined);
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

/** The scope a wildcard resource scope stands for on one type (`patient/*.rs` on Observation: `patient/Observation.rs`). */
export function expandWildcard(parsed: ResourceScope, type: string): string {
  return `patient/${type}.${parsed.permissions}`;
}

/**
 * The final granted set after consent: `kept` are the scopes the member left ticked (wildcards may arrive expanded
 * per type). Scopes nobody requested are ignored; a wildcard whose every type was kept stays the wildcard.
 */
export function consentedScopes(
  requested: readonly string[],
  kept: readonly string[],
  resourceTypes: readonly string[],
): string[] {
  const keptSet = new Set(kept);
  const granted: string[] = [];
  for (const scope of supportedScopes(requested, resourceTypes)) {
    const parsed = parseResourceScope(scope, resourceTypes);
    if (!parsed || parsed.type !== '*') {
      if (keptSet.has(scope)) granted.push(scope);
      continue;
    }
    if (keptSet.has(scope)) {
      granted.push(scope);
      continue;
    }
    const expanded = resourceTypes.map((type) => expandWildcard(parsed, type));
    const keptTypes = expanded.filter((item) => keptSet.has(item));
    if (keptTypes.length === expanded.length) granted.push(scope);
    else granted.push(...keptTypes);
  }
  return [...new Set(granted)];
}

/** The scopes advertised in discovery: the context scopes, wildcards, and each type in v1 and v2 form. */
export function scopesSupported(resourceTypes: readonly string[]): string[] {
  return [
    ...CONTEXT_SCOPES,
    'patient/*.read',
    'patient/*.rs',
    ...resourceTypes.flatMap((type) => [`patient/${type}.read`, `patient/${type}.rs`]),
  ];
}
