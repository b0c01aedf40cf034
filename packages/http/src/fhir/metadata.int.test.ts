import type { CapabilityStatement } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirFetch, jsonInit, startTestServer } from '../testing/fhir.ts';
import type { Json, TestServer } from '../testing/fhir.ts';

describe('GET metadata', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ resourceTypes: ['Patient', 'Observation', 'Organization'] });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers a CapabilityStatement for FHIR 4.0.1 in JSON listing the served resources and their search parameters', async () => {
    const res = await fhirFetch(`${server.url}/metadata`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    const cs = res.body;
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.kind).toBe('instance');
    expect(cs.format).toEqual(expect.arrayContaining(['json']));
    expect(cs.rest[0].mode).toBe('server');
    const types = cs.rest[0].resource.map((r: Json) => r.type).sort();
    expect(types).toEqual(['Observation', 'Organization', 'Patient']);
    const observation = cs.rest[0].resource.find((r: Json) => r.type === 'Observation');
    const params = observation.searchParam.map((p: Json) => p.name);
    expect(params).toEqual(expect.arrayContaining(['patient', 'code', 'date', 'category']));
    expect(observation.searchParam.find((p: Json) => p.name === 'date').type).toBe('date');
  });

  it('serves only the configured resource types', async () => {
    const res = await fhirFetch(`${server.url}/Practitioner/prac1`);
    expect(res.status).toBe(404);
    expect(res.body.issue[0].diagnostics).toContain('Unknown resource type');
  });

  it('a POST to metadata answers 405', async () => {
    const res = await fhirFetch(`${server.url}/metadata`, jsonInit('POST', {}));
    expect(res.status).toBe(405);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });
});

describe('a FHIR base with a configured public URL and CapabilityStatement', () => {
  const publicUrl = 'https://plan.example/fhir';
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      baseUrl: publicUrl,
      capabilityStatement: (baseUrl): CapabilityStatement => ({
        resourceType: 'CapabilityStatement',
        status: 'active',
        date: '2024-01-01',
        kind: 'instance',
        fhirVersion: '4.0.1',
        format: ['json'],
        implementation: { description: 'test', url: baseUrl },
      }),
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('metadata answers the statement built for the public base URL', async () => {
    const res = await fhirFetch(`${server.url}/metadata`);
    expect(res.body.implementation.url).toBe(publicUrl);
  });

  it('fullUrl, links and Location use the public base URL', async () => {
    const search = await fhirFetch(`${server.url}/Patient?_id=pat1`);
    expect(search.body.entry[0].fullUrl).toBe(`${publicUrl}/Patient/pat1`);
    expect(search.body.link[0].url.startsWith(`${publicUrl}/Patient?`)).toBe(true);
    const created = await fhirFetch(`${server.url}/Patient`, jsonInit('POST', { resourceType: 'Patient' }));
    expect(created.headers.get('location')).toMatch(new RegExp(`^${publicUrl}/Patient/[^/]+/_history/1$`));
  });
});

describe('GET metadata of the two read-only bases', () => {
  let directory: TestServer;
  let patientAccess: TestServer;
  beforeAll(async () => {
    directory = await startTestServer({ base: 'directory', readOnly: true });
    patientAccess = await startTestServer({
      base: 'patientAccess',
      readOnly: true,
      security: { authorize: '/auth/authorize', token: '/auth/token', revoke: '/auth/revoke', introspect: '/auth/in' },
    });
  });
  afterAll(async () => {
    await directory.stop();
    await patientAccess.stop();
  });

  it('the directory statement lists the Plan-Net types with their profiles and includes, and no writes', async () => {
    const cs = (await fhirFetch(`${directory.url}/metadata`)).body;
    const types = cs.rest[0].resource.map((r: Json) => r.type).sort();
    expect(types).toEqual([
      'Endpoint',
      'HealthcareService',
      'InsurancePlan',
      'Location',
      'Organization',
      'OrganizationAffiliation',
      'Practitioner',
      'PractitionerRole',
    ]);
    const role = cs.rest[0].resource.find((r: Json) => r.type === 'PractitionerRole');
    expect(role.supportedProfile).toContain(
      'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-PractitionerRole',
    );
    expect(role.searchInclude).toContain('PractitionerRole:practitioner');
    expect(role.interaction.map((i: Json) => i.code)).not.toContain('create');
    expect(cs.instantiates.join(' ')).toContain('davinci-pdex-plan-net');
    expect(cs.rest[0].security).toBeUndefined();
  });

  it('the Patient Access statement carries the SMART oauth-uris with absolute URLs and the CARIN BB profiles', async () => {
    const cs = (await fhirFetch(`${patientAccess.url}/metadata`)).body;
    const oauth = cs.rest[0].security.extension.find((e: Json) => e.url.endsWith('oauth-uris'));
    const token = oauth.extension.find((e: Json) => e.url === 'token').valueUri;
    expect(token).toBe(new URL('/auth/token', patientAccess.url).href);
    const eob = cs.rest[0].resource.find((r: Json) => r.type === 'ExplanationOfBenefit');
    expect(eob.supportedProfile.join(' ')).toContain('C4BB-ExplanationOfBenefit-Pharmacy');
    expect(eob.searchInclude).toContain('ExplanationOfBenefit:insurer');
    const observation = cs.rest[0].resource.find((r: Json) => r.type === 'Observation');
    expect(observation.searchRevInclude).toContain('Provenance:target');
  });
});
