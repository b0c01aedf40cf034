// A small hand-written registry for the search parsing and matching tests, independent of the real
// definitions so those tests say what the parser does, not what the definitions contain.
import { SearchRegistry } from '../search/registry.ts';
import type { SearchParamDef } from '../search/types.ts';

function def(
  code: string,
  base: string[],
  type: SearchParamDef['type'],
  paths: string[],
  targets?: string[],
): SearchParamDef {
  return targets ? { code, base, type, paths, targets } : { code, base, type, paths };
}

/** The parameter definitions of the fixture registry. */
export const FIXTURE_DEFS: SearchParamDef[] = [
  def('_id', ['Resource'], 'token', ['id']),
  def('_lastUpdated', ['Resource'], 'date', ['meta.lastUpdated']),
  def('name', ['Patient', 'Practitioner', 'Organization', 'Location', 'Group'], 'string', ['name']),
  def('family', ['Patient', 'Practitioner'], 'string', ['name.family']),
  def('birthdate', ['Patient'], 'date', ['birthDate']),
  def('gender', ['Patient'], 'token', ['gender']),
  def('identifier', ['Patient', 'Organization'], 'token', ['identifier']),
  def('organization', ['Patient'], 'reference', ['managingOrganization'], ['Organization']),
  def(
    'general-practitioner',
    ['Patient'],
    'reference',
    ['generalPractitioner'],
    ['Organization', 'Practitioner', 'PractitionerRole'],
  ),
  def('code', ['Observation'], 'token', ['code']),
  def('category', ['Observation'], 'token', ['category']),
  def('status', ['Observation'], 'token', ['status']),
  def('date', ['Observation'], 'date', ['effectiveDateTime', 'effectivePeriod']),
  def('patient', ['Observation'], 'reference', ['subject'], ['Patient']),
  def('subject', ['Observation'], 'reference', ['subject'], ['Patient', 'Group', 'Device', 'Location']),
  def('performer', ['Observation'], 'reference', ['performer'], ['Practitioner', 'Organization', 'PractitionerRole']),
  def('focus', ['Observation'], 'reference', ['focus']),
  def('value-quantity', ['Observation'], 'quantity', ['valueQuantity']),
  def('partof', ['Organization'], 'reference', ['partOf'], ['Organization']),
  def('type', ['Organization'], 'token', ['type']),
  def('practitioner', ['PractitionerRole'], 'reference', ['practitioner'], ['Practitioner']),
  def('organization', ['PractitionerRole', 'Location'], 'reference', ['organization'], ['Organization']),
  def('location', ['PractitionerRole'], 'reference', ['location'], ['Location']),
  def('network', ['PractitionerRole'], 'reference', ['extension(network).valueReference'], ['Organization']),
  def('specialty', ['PractitionerRole'], 'token', ['specialty']),
  def('near', ['Location'], 'special', ['position']),
  def('address-city', ['Location'], 'string', ['address.city']),
  def('probability', ['RiskAssessment'], 'number', ['prediction.probabilityDecimal']),
  def('url', ['Questionnaire'], 'uri', ['url']),
  def('_text', ['Questionnaire'], 'special', ['text']),
  def('target', ['Provenance'], 'reference', ['target'], ['Resource']),
];

/** A registry over FIXTURE_DEFS (Device is known only as a reference target, not as a type). */
export function fixtureRegistry(): SearchRegistry {
  return new SearchRegistry(FIXTURE_DEFS);
}

/** The parameter `code` of `type` in the fixture registry; throws when absent so tests fail loudly. */
export function param(type: string, code: string): SearchParamDef {
  const found = fixtureRegistry().get(type, code);
  if (!found) throw new Error(`fixture has no ${type}.${code}`);
  return found;
}
