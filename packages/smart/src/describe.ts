/**
 * Scopes in plain words for the consent screen: what a member is agreeing to, one line per permission.
 */
import type { InteractionDetails } from './types.ts';
import { expandWildcard, isContextScope, parseResourceScope, supportedScopes } from './scopes.ts';
import type { ResourceScope } from './scopes.ts';

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

function verb(parsed: ResourceScope): string {
  if (parsed.version === 1) return 'See';
  const read = parsed.permissions.includes('r');
  const search = parsed.permissions.includes('s');
  if (read && search) return 'See';
  return search ? 'Search' : 'Open';
}

function describeFilter(query: string): string {
  const parts = query.split('&').map((pair) => {
    const [name = '', value = ''] = pair.split('=');
    const code = decodeURIComponent(value).split('|').pop() ?? value;
    return `${name} ${code}`;
  });
  return ` (only ${parts.join(', ')})`;
}

function describeResource(parsed: ResourceScope, type: string): string {
  const filter = parsed.query === undefined ? '' : describeFilter(parsed.query);
  return `${verb(parsed)} ${describeType(type)}${filter}`;
}

/**
 * The requested permissions as the consent screen lists them: unsupported scopes are left out, context scopes
 * get a sentence, and a wildcard becomes one line per supported type (its `scope` is the per-type scope, which
 * the consent step accepts in place of the wildcard).
 */
export function describeRequested(
  requested: readonly string[],
  resourceTypes: readonly string[],
): InteractionDetails['requested'] {
  const lines: InteractionDetails['requested'] = [];
  for (const scope of supportedScopes(requested, resourceTypes)) {
    if (isContextScope(scope)) {
      lines.push({ scope, description: CONTEXT_WORDS[scope] ?? scope });
      continue;
    }
    const parsed = parseResourceScope(scope, resourceTypes);
    if (!parsed) continue;
    if (parsed.type !== '*') {
      lines.push({ scope, description: describeResource(parsed, parsed.type), resourceType: parsed.type });
      continue;
    }
    for (const type of resourceTypes) {
      lines.push({
        scope: expandWildcard(parsed, type),
        description: describeResource(parsed, type),
        resourceType: type,
      });
    }
  }
  return lines;
}
