/**
 * Scopes in plain words for the consent screen: what a member is agreeing to, one line per permission (never
 * two lines that say the same).
 */
import type { InteractionDetails } from './types.ts';
import { grantableScopes, isContextScope, parseResourceScope } from './scopes.ts';
import type { GrantOptions, ResourceScope } from './scopes.ts';

const CONTEXT_WORDS: Record<string, string> = {
  openid: 'Confirm who you are when you sign in to the app',
  fhirUser: 'Know which member record is yours',
  profile: 'Know which member record is yours',
  offline_access: 'Keep access to your data when you are not using the app, until you revoke it',
  launch: 'Open with the member record that was already selected',
  'launch/patient': 'Know which member record you chose',
};

const TYPE_WORDS: Record<string, string> = {
  AllergyIntolerance: 'your allergies',
  CarePlan: 'your care plans',
  CareTeam: 'your care teams',
  Condition: 'your conditions and diagnoses',
  Coverage: 'your insurance coverage',
  Device: 'your medical devices',
  DiagnosticReport: 'your diagnostic reports',
  DocumentReference: 'your clinical documents',
  Encounter: 'your visits',
  ExplanationOfBenefit: 'your claims and explanations of benefit',
  Goal: 'your health goals',
  Immunization: 'your immunizations',
  Location: 'the places where you received care',
  Medication: 'the medications in your records',
  MedicationDispense: 'the medications dispensed to you',
  MedicationRequest: 'your prescriptions',
  Observation: 'your lab results, vital signs and other observations',
  Organization: 'the organizations in your records',
  Patient: 'your name, birth date and contact details',
  Practitioner: 'the clinicians in your records',
  PractitionerRole: 'the roles of the clinicians in your records',
  Procedure: 'your procedures',
  Provenance: 'where your records came from',
  RelatedPerson: 'the people related to you in your records',
  ServiceRequest: 'your orders and referrals',
  Specimen: 'your specimens',
};

/** A resource type in plain words ("your prescriptions"); unknown types are spelled out ("your care plan"). */
export function describeType(type: string): string {
  return TYPE_WORDS[type] ?? `your ${type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} records`;
}

/** "See" for read and search, "Open" for read only, "Search" for search only. */
function verb(permissions: ReadonlySet<string>): string {
  if (permissions.has('r') && permissions.has('s')) return 'See';
  return permissions.has('s') ? 'Search' : 'Open';
}

function describeFilter(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const [name = '', value = ''] = pair.split('=');
      const code = decodeURIComponent(value).split('|').pop() ?? value;
      return `${name} ${code}`;
    })
    .join(', ');
}

/** The permissions a granted resource scope gives: v1 `read` is read and search. */
function permissionsOf(parsed: ResourceScope): string[] {
  return parsed.version === 1 ? ['r', 's'] : [...parsed.permissions];
}

/** One type's line: an unfiltered scope covers the filtered ones; otherwise each filter is named. */
function describeResources(type: string, scopes: readonly ResourceScope[]): string {
  const unfiltered = scopes.filter((parsed) => parsed.query === undefined);
  const shown = unfiltered.length > 0 ? unfiltered : scopes;
  const permissions = new Set(shown.flatMap(permissionsOf));
  const filters = unfiltered.length > 0 ? [] : [...new Set(shown.map((parsed) => describeFilter(parsed.query ?? '')))];
  return `${verb(permissions)} ${describeType(type)}${filters.length ? ` (only ${filters.join(' or ')})` : ''}`;
}

/** Context scopes that say the same thing to a member share one line. */
const IDENTITY_SCOPES: ReadonlySet<string> = new Set(['openid', 'fhirUser', 'profile', 'launch/patient']);

function describeContext(scopes: readonly string[]): string {
  const [first = ''] = scopes;
  if (!IDENTITY_SCOPES.has(first)) return CONTEXT_WORDS[first] ?? first;
  const record = scopes.some((scope) => scope !== 'openid');
  if (!scopes.includes('openid')) return 'Know which member record is yours';
  return record ? 'Confirm who you are and know which member record is yours' : (CONTEXT_WORDS.openid ?? first);
}

/**
 * The permissions the request can be granted, as the consent screen lists them, each line once: context scopes
 * that mean the same to a member (openid, fhirUser, profile, launch/patient) share a line; each resource type has
 * one line whatever forms asked for it (v1 and v2, `patient/` and `user/`, which both read the member's own
 * record, a wildcard and the type itself), naming the filters of granular scopes; unsupported scopes are left out.
 * `scopes` are what a line grants: keeping the line keeps them.
 */
export function describeRequested(
  requested: readonly string[],
  resourceTypes: readonly string[],
  options: GrantOptions,
): InteractionDetails['requested'] {
  const context = new Map<string, string[]>();
  const resources = new Map<string, { scopes: string[]; parsed: ResourceScope[] }>();
  for (const scope of grantableScopes(requested, resourceTypes, options)) {
    if (isContextScope(scope)) {
      const key = IDENTITY_SCOPES.has(scope) ? 'identity' : scope;
      context.set(key, [...(context.get(key) ?? []), scope]);
      continue;
    }
    const parsed = parseResourceScope(scope, resourceTypes);
    if (!parsed) continue;
    const entry = resources.get(parsed.type) ?? { scopes: [], parsed: [] };
    entry.scopes.push(scope);
    entry.parsed.push(parsed);
    resources.set(parsed.type, entry);
  }
  return [
    ...[...context.values()].map((scopes) => ({ scopes, description: describeContext(scopes) })),
    ...[...resources].map(([type, entry]) => ({
      scopes: entry.scopes,
      description: describeResources(type, entry.parsed),
      resourceType: type,
    })),
  ];
}
