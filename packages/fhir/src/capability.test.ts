import type { CapabilityStatementRestResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { buildCapabilityStatement } from './capability.ts';
import { DIRECTORY_RESOURCE_TYPES, PATIENT_ACCESS_RESOURCE_TYPES } from './profiles.ts';
import { SearchRegistry } from './search/registry.ts';

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';

const patientAccess = buildCapabilityStatement({
  baseUrl: 'https://plan.example/fhir',
  base: 'patientAccess',
  date: '2024-06-01',
  software: { name: 'Plan API', version: '1.2.3' },
  security: {
    authorize: 'https://plan.example/auth/authorize',
    token: '/auth/token',
    revoke: '/auth/revoke',
    introspect: '/auth/introspect',
    manage: 'https://plan.example/portal/apps',
  },
});

function resource(type: string, statement = patientAccess): CapabilityStatementRestResource {
  const found = statement.rest?.[0]?.resource?.find((r) => r.type === type);
  if (!found) throw new Error(`${type} is not in the statement`);
  return found;
}

describe('buildCapabilityStatement', () => {
  it('describes an active R4 JSON server instance at the base URL', () => {
    expect(patientAccess).toMatchObject({
      resourceType: 'CapabilityStatement',
      status: 'active',
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['json', 'application/fhir+json'],
      date: '2024-06-01',
      software: { name: 'Plan API', version: '1.2.3' },
      implementation: { url: 'https://plan.example/fhir' },
      instantiates: [
        'http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server',
        'http://hl7.org/fhir/us/carin-bb/CapabilityStatement/c4bb',
      ],
    });
    expect(patientAccess.rest?.[0]?.mode).toBe('server');
  });

  it('advertises SMART on FHIR with absolute oauth-uris, keeping absolute ones verbatim', () => {
    const security = patientAccess.rest?.[0]?.security;
    expect(security?.cors).toBe(true);
    expect(security?.service?.[0]?.coding?.[0]).toEqual({
      system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
      code: 'SMART-on-FHIR',
      display: 'SMART-on-FHIR',
    });
    const uris = security?.extension?.find((e) => e.url === OAUTH_URIS)?.extension;
    expect(uris).toEqual([
      { url: 'authorize', valueUri: 'https://plan.example/auth/authorize' },
      { url: 'token', valueUri: 'https://plan.example/auth/token' },
      { url: 'revoke', valueUri: 'https://plan.example/auth/revoke' },
      { url: 'introspect', valueUri: 'https://plan.example/auth/introspect' },
      { url: 'manage', valueUri: 'https://plan.example/portal/apps' },
    ]);
  });

  it('lists every Patient Access type with its profiles, searches, includes and revincludes', () => {
    const types = patientAccess.rest?.[0]?.resource?.map((r) => r.type);
    expect(types).toEqual([...PATIENT_ACCESS_RESOURCE_TYPES]);
    const eob = resource('ExplanationOfBenefit');
    expect(eob.supportedProfile).toHaveLength(5);
    expect(eob.searchInclude).toContain('ExplanationOfBenefit:*');
    expect(eob.searchRevInclude).toEqual(['Provenance:target']);
    expect(eob.searchParam).toContainEqual({
      name: 'service-date',
      type: 'date',
      definition: 'http://hl7.org/fhir/us/carin-bb/SearchParameter/explanationofbenefit-service-date',
      documentation: expect.any(String) as string,
    });
    expect(eob.searchParam?.map((p) => p.name)).toEqual(expect.arrayContaining(['_id', '_lastUpdated', 'patient']));
    expect(eob.interaction?.map((i) => i.code)).toEqual(['read', 'vread', 'search-type', 'history-instance']);
    expect(eob).toMatchObject({ versioning: 'versioned', readHistory: true, conditionalCreate: false });
    expect(resource('Patient').operation).toEqual([
      { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
    ]);
  });

  it('lists a type-specific _id once, with its US Core definition', () => {
    const ids = resource('Patient').searchParam?.filter((p) => p.name === '_id');
    expect(ids).toEqual([
      {
        name: '_id',
        type: 'token',
        definition: 'http://hl7.org/fhir/us/core/SearchParameter/us-core-patient-id',
        documentation: expect.any(String) as string,
      },
    ]);
  });

  it('describes the open Provider Directory without security, instantiating Plan-Net', () => {
    const directory = buildCapabilityStatement({ baseUrl: 'https://plan.example/directory/fhir', base: 'directory' });
    expect(directory.rest?.[0]?.security).toBeUndefined();
    expect(directory.instantiates).toEqual([
      'http://hl7.org/fhir/us/davinci-pdex-plan-net/CapabilityStatement/plan-net',
    ]);
    expect(directory.rest?.[0]?.resource?.map((r) => r.type)).toEqual([...DIRECTORY_RESOURCE_TYPES]);
    const org = resource('Organization', directory);
    expect(org.supportedProfile).toContain(
      'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-Network',
    );
    expect(org.searchRevInclude).toContain('PractitionerRole:network');
    expect(resource('Location', directory).searchParam?.find((p) => p.name === 'near')?.type).toBe('special');
  });

  it('follows explicit resources, interactions and system interactions', () => {
    const registry = new SearchRegistry([
      { code: 'name', base: ['Patient'], type: 'string', paths: ['name'] },
      { code: 'gender', base: ['Patient'], type: 'token', paths: ['gender'] },
    ]);
    const statement = buildCapabilityStatement({
      baseUrl: 'http://127.0.0.1:4010/fhir',
      registry,
      writable: true,
      systemInteractions: ['transaction', 'batch'],
      resources: [{ type: 'Patient', searchParams: ['gender'], profiles: ['http://example.org/p'] }, 'Observation'],
    });
    const rest = statement.rest?.[0];
    expect(rest?.interaction).toEqual([{ code: 'transaction' }, { code: 'batch' }]);
    const patient = resource('Patient', statement);
    expect(patient.searchParam).toEqual([{ name: 'gender', type: 'token' }]);
    expect(patient.interaction?.map((i) => i.code)).toEqual(
      expect.arrayContaining(['create', 'update', 'delete', 'read', 'search-type']),
    );
    expect(patient.conditionalCreate).toBe(true);
    expect(resource('Observation', statement).searchParam).toEqual([]);
    expect(statement.instantiates).toBeUndefined();
  });
});
