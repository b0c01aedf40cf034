import { describe, expect, it } from 'vitest';
import { DIRECTORY_RESOURCE_TYPES, PATIENT_ACCESS_RESOURCE_TYPES } from '../profiles.ts';
import { createDefaultRegistry, DEFAULT_SEARCH_PARAMS } from './default-registry.ts';
import { compilePath } from './path.ts';
import type { SearchParamType } from './types.ts';

const registry = createDefaultRegistry();

// [resource type, parameter, type]: the parameters CONFORMANCE.md lists for both APIs.
const PATIENT_ACCESS: [string, string, SearchParamType][] = [
  ['ExplanationOfBenefit', 'patient', 'reference'],
  ['ExplanationOfBenefit', '_id', 'token'],
  ['ExplanationOfBenefit', '_lastUpdated', 'date'],
  ['ExplanationOfBenefit', 'type', 'token'],
  ['ExplanationOfBenefit', 'identifier', 'token'],
  ['ExplanationOfBenefit', 'service-date', 'date'],
  ['ExplanationOfBenefit', 'service-start-date', 'date'],
  ['ExplanationOfBenefit', 'billable-period-start', 'date'],
  ['ExplanationOfBenefit', 'provider', 'reference'],
  ['ExplanationOfBenefit', 'care-team', 'reference'],
  ['ExplanationOfBenefit', 'coverage', 'reference'],
  ['ExplanationOfBenefit', 'insurer', 'reference'],
  ['ExplanationOfBenefit', 'payee', 'reference'],
  ['ExplanationOfBenefit', 'created', 'date'],
  ['ExplanationOfBenefit', 'status', 'token'],
  ['Coverage', 'patient', 'reference'],
  ['Coverage', '_id', 'token'],
  ['Coverage', 'payor', 'reference'],
  ['Coverage', 'beneficiary', 'reference'],
  ['Coverage', 'subscriber', 'reference'],
  ['Coverage', 'identifier', 'token'],
  ['Coverage', 'status', 'token'],
  ['Coverage', 'type', 'token'],
  ['Observation', 'patient', 'reference'],
  ['Observation', 'category', 'token'],
  ['Observation', 'code', 'token'],
  ['Observation', 'date', 'date'],
  ['Observation', 'status', 'token'],
  ['MedicationRequest', 'patient', 'reference'],
  ['MedicationRequest', 'intent', 'token'],
  ['MedicationRequest', 'status', 'token'],
  ['MedicationRequest', 'encounter', 'reference'],
  ['MedicationRequest', 'authoredon', 'date'],
  ['Encounter', 'date', 'date'],
  ['Encounter', 'patient', 'reference'],
  ['Condition', 'patient', 'reference'],
  ['Condition', 'category', 'token'],
  ['Condition', 'asserted-date', 'date'],
  ['DocumentReference', 'patient', 'reference'],
  ['DocumentReference', 'type', 'token'],
  ['DocumentReference', 'category', 'token'],
  ['DocumentReference', 'date', 'date'],
  ['DocumentReference', 'period', 'date'],
  ['CareTeam', 'patient', 'reference'],
  ['CareTeam', 'status', 'token'],
  ['CareTeam', 'role', 'token'],
  ['Patient', 'name', 'string'],
  ['Patient', 'birthdate', 'date'],
  ['Patient', 'death-date', 'date'],
  ['Patient', 'gender', 'token'],
  ['Patient', 'identifier', 'token'],
  ['Provenance', 'target', 'reference'],
  ['Goal', 'target-date', 'date'],
  ['Immunization', 'date', 'date'],
  ['Procedure', 'date', 'date'],
  ['MedicationDispense', 'type', 'token'],
  ['QuestionnaireResponse', 'questionnaire', 'reference'],
  ['RelatedPerson', 'patient', 'reference'],
  ['ServiceRequest', 'authored', 'date'],
  ['Specimen', 'patient', 'reference'],
];

const DIRECTORY: [string, string, SearchParamType][] = [
  ...['name', 'address'].map((c): [string, string, SearchParamType] => ['Organization', c, 'string']),
  ['Organization', 'partof', 'reference'],
  ['Organization', 'type', 'token'],
  ['Organization', 'endpoint', 'reference'],
  ['Organization', 'coverage-area', 'reference'],
  ...['name', 'family', 'given'].map((c): [string, string, SearchParamType] => ['Practitioner', c, 'string']),
  ...['practitioner', 'organization', 'location', 'service', 'network', 'endpoint'].map(
    (c): [string, string, SearchParamType] => ['PractitionerRole', c, 'reference'],
  ),
  ['PractitionerRole', 'role', 'token'],
  ['PractitionerRole', 'specialty', 'token'],
  ...['address', 'address-city', 'address-state', 'address-postalcode'].map((c): [string, string, SearchParamType] => [
    'Location',
    c,
    'string',
  ]),
  ['Location', 'partof', 'reference'],
  ['Location', 'organization', 'reference'],
  ['Location', 'endpoint', 'reference'],
  ['Location', 'type', 'token'],
  ['Location', 'near', 'special'],
  ['HealthcareService', 'name', 'string'],
  ...['location', 'coverage-area', 'organization', 'endpoint'].map((c): [string, string, SearchParamType] => [
    'HealthcareService',
    c,
    'reference',
  ]),
  ...['service-category', 'service-type', 'specialty'].map((c): [string, string, SearchParamType] => [
    'HealthcareService',
    c,
    'token',
  ]),
  ...['primary-organization', 'participating-organization', 'location', 'service', 'network', 'endpoint'].map(
    (c): [string, string, SearchParamType] => ['OrganizationAffiliation', c, 'reference'],
  ),
  ['OrganizationAffiliation', 'role', 'token'],
  ['OrganizationAffiliation', 'specialty', 'token'],
  ['InsurancePlan', 'name', 'string'],
  ...['administered-by', 'owned-by', 'coverage-area'].map((c): [string, string, SearchParamType] => [
    'InsurancePlan',
    c,
    'reference',
  ]),
  ...['plan-type', 'identifier', 'type'].map((c): [string, string, SearchParamType] => ['InsurancePlan', c, 'token']),
  ['Endpoint', 'organization', 'reference'],
];

describe('the default search-parameter registry', () => {
  it.each([...PATIENT_ACCESS, ...DIRECTORY])('%s has %s as a %s parameter', (type, code, paramType) => {
    expect(registry.get(type, code)?.type).toBe(paramType);
  });

  it('gives every Provider Directory type _id and _lastUpdated', () => {
    for (const type of DIRECTORY_RESOURCE_TYPES) {
      expect(registry.get(type, '_id')?.type).toBe('token');
      expect(registry.get(type, '_lastUpdated')?.type).toBe('date');
    }
  });

  it('knows every resource type of both APIs as a type of its own', () => {
    for (const type of [...PATIENT_ACCESS_RESOURCE_TYPES, ...DIRECTORY_RESOURCE_TYPES]) {
      expect(registry.hasType(type), type).toBe(true);
    }
  });

  it('gives every reference parameter its target types', () => {
    const refs = DEFAULT_SEARCH_PARAMS.filter((d) => d.type === 'reference');
    expect(refs.length).toBeGreaterThan(50);
    for (const def of refs) expect(def.targets?.length, `${def.base.join()}.${def.code}`).toBeGreaterThan(0);
  });

  it('defines each parameter code once per resource type', () => {
    const seen = new Set<string>();
    for (const def of DEFAULT_SEARCH_PARAMS) {
      for (const base of def.base) {
        const key = `${base}.${def.code}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it('gives every parameter a canonical definition from R4, US Core, CARIN BB or Plan-Net, and documentation', () => {
    const prefixes = [
      'http://hl7.org/fhir/SearchParameter/',
      'http://hl7.org/fhir/us/core/SearchParameter/us-core-',
      'http://hl7.org/fhir/us/carin-bb/SearchParameter/',
      'http://hl7.org/fhir/us/davinci-pdex-plan-net/SearchParameter/',
    ];
    for (const def of DEFAULT_SEARCH_PARAMS) {
      expect(
        prefixes.some((p) => def.definition?.startsWith(p)),
        `${def.code}: ${def.definition}`,
      ).toBe(true);
      expect(def.documentation?.length ?? 0).toBeGreaterThan(3);
    }
  });

  it('has only paths that compile', () => {
    for (const def of DEFAULT_SEARCH_PARAMS)
      for (const path of def.paths) expect(() => compilePath(path)).not.toThrow();
  });

  it('uses the IG expressions for the parameters that are easy to get wrong', () => {
    expect(registry.get('PractitionerRole', 'network')?.paths).toEqual([
      'extension(http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/network-reference).valueReference',
    ]);
    expect(registry.get('Organization', 'coverage-area')?.paths).toEqual([
      'extension(http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/location-reference).valueReference',
    ]);
    expect(registry.get('Location', 'organization')?.paths).toEqual(['managingOrganization']);
    expect(registry.get('Coverage', 'patient')?.paths).toEqual(['beneficiary']);
    expect(registry.get('HealthcareService', 'organization')?.paths).toEqual(['providedBy']);
    expect(registry.get('ExplanationOfBenefit', 'service-date')?.definition).toBe(
      'http://hl7.org/fhir/us/carin-bb/SearchParameter/explanationofbenefit-service-date',
    );
    expect(registry.get('Observation', 'category')?.definition).toBe(
      'http://hl7.org/fhir/us/core/SearchParameter/us-core-observation-category',
    );
  });
});
