import type { HealthcareService, InsurancePlan, Location, Organization, PractitionerRole } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from './default-registry.ts';
import { extractIndex } from './extract.ts';
import type { IndexValue } from './types.ts';

const registry = createDefaultRegistry();
const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/';
const refs = (values: IndexValue[] | undefined): (string | undefined)[] =>
  (values ?? []).map((v) => (v.kind === 'reference' ? v.reference : `not a reference: ${v.kind}`));

describe('extractIndex on Plan-Net resources', () => {
  it('indexes a PractitionerRole network from the network-reference extension', () => {
    const role: PractitionerRole = {
      resourceType: 'PractitionerRole',
      id: 'role1',
      meta: { profile: [`${PLAN_NET}plannet-PractitionerRole`], lastUpdated: '2024-01-01T00:00:00Z' },
      extension: [
        { url: `${PLAN_NET}network-reference`, valueReference: { reference: 'Organization/net-ppo' } },
        { url: `${PLAN_NET}network-reference`, valueReference: { reference: 'Organization/net-hmo' } },
        { url: `${PLAN_NET}newpatients`, extension: [{ url: 'acceptingPatients', valueCodeableConcept: {} }] },
      ],
      active: true,
      practitioner: { reference: 'Practitioner/dr1', display: 'Dr. One' },
      organization: { reference: 'Organization/clinic' },
      location: [{ reference: 'Location/loc1' }, { reference: 'Location/loc2' }],
      healthcareService: [{ reference: 'HealthcareService/hs1' }],
      endpoint: [{ reference: 'Endpoint/ep1' }],
      code: [
        { coding: [{ system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/ProviderRoleCS', code: 'ph' }] },
      ],
      specialty: [
        { coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '207Q00000X', display: 'Family Medicine' }] },
      ],
    };
    const index = extractIndex(role, registry);
    expect(refs(index['network'])).toEqual(['Organization/net-ppo', 'Organization/net-hmo']);
    expect(refs(index['practitioner'])).toEqual(['Practitioner/dr1']);
    expect(refs(index['organization'])).toEqual(['Organization/clinic']);
    expect(refs(index['location'])).toEqual(['Location/loc1', 'Location/loc2']);
    expect(refs(index['service'])).toEqual(['HealthcareService/hs1']);
    expect(refs(index['endpoint'])).toEqual(['Endpoint/ep1']);
    expect(index['role']).toEqual([
      { kind: 'token', system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/ProviderRoleCS', code: 'ph' },
    ]);
    expect(index['specialty']).toEqual([
      { kind: 'token', system: 'http://nucc.org/provider-taxonomy', code: '207Q00000X', text: 'family medicine' },
    ]);
  });

  it('indexes a Location position for near, and each address part as strings', () => {
    const location: Location = {
      resourceType: 'Location',
      id: 'loc1',
      name: 'Main Street Clinic',
      alias: ['MSC'],
      position: { latitude: 42.3601, longitude: -71.0589 },
      address: { line: ['1 Main St', 'Suite 200'], city: 'Boston', state: 'MA', postalCode: '02108' },
      managingOrganization: { reference: 'Organization/clinic' },
      partOf: { reference: 'Location/campus' },
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'OUTPHARM' }] }],
    };
    const index = extractIndex(location, registry);
    expect(index['near']).toEqual([{ kind: 'position', latitude: 42.3601, longitude: -71.0589 }]);
    expect(index['address-city']).toEqual([{ kind: 'string', normalized: 'boston', exact: 'Boston' }]);
    expect(index['address-postalcode']).toEqual([{ kind: 'string', normalized: '02108', exact: '02108' }]);
    expect(index['address']?.map((v) => (v.kind === 'string' ? v.exact : ''))).toEqual([
      '1 Main St',
      'Suite 200',
      'Boston',
      'MA',
      '02108',
      '1 Main St Suite 200 Boston MA 02108',
    ]);
    expect(index['name']?.map((v) => (v.kind === 'string' ? v.normalized : ''))).toEqual(['main street clinic', 'msc']);
    expect(refs(index['organization'])).toEqual(['Organization/clinic']);
    expect(refs(index['partof'])).toEqual(['Location/campus']);
  });

  it('indexes an Organization coverage area from the location-reference extension and its aliases as names', () => {
    const network: Organization = {
      resourceType: 'Organization',
      id: 'net-ppo',
      meta: { profile: [`${PLAN_NET}plannet-Network`] },
      name: 'Acme PPO Network',
      alias: ['Acme PPO'],
      partOf: { reference: 'Organization/acme' },
      type: [
        { coding: [{ system: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/OrgTypeCS', code: 'ntwk' }] },
      ],
      extension: [{ url: `${PLAN_NET}location-reference`, valueReference: { reference: 'Location/state-ma' } }],
    };
    const index = extractIndex(network, registry);
    expect(refs(index['coverage-area'])).toEqual(['Location/state-ma']);
    expect(refs(index['partof'])).toEqual(['Organization/acme']);
    expect(index['name']?.map((v) => (v.kind === 'string' ? v.normalized : ''))).toEqual([
      'acme ppo network',
      'acme ppo',
    ]);
    expect(index['_profile']).toEqual([{ kind: 'uri', value: `${PLAN_NET}plannet-Network` }]);
  });

  it('indexes HealthcareService providedBy as organization and category as service-category', () => {
    const service: HealthcareService = {
      resourceType: 'HealthcareService',
      providedBy: { reference: 'Organization/clinic' },
      coverageArea: [{ reference: 'Location/state-ma' }],
      category: [{ coding: [{ system: 'http://example.org/cat', code: 'prov' }] }],
      type: [{ text: 'Urgent care' }],
      name: 'Walk-in care',
    };
    const index = extractIndex(service, registry);
    expect(refs(index['organization'])).toEqual(['Organization/clinic']);
    expect(refs(index['coverage-area'])).toEqual(['Location/state-ma']);
    expect(index['service-category']).toEqual([{ kind: 'token', system: 'http://example.org/cat', code: 'prov' }]);
    expect(index['service-type']).toEqual([{ kind: 'token', text: 'urgent care' }]);
  });

  it('indexes InsurancePlan coverage areas of the product and of its plans, and the plan types', () => {
    const plan: InsurancePlan = {
      resourceType: 'InsurancePlan',
      ownedBy: { reference: 'Organization/acme' },
      administeredBy: { reference: 'Organization/acme-admin' },
      coverageArea: [{ reference: 'Location/state-ma' }],
      plan: [
        {
          type: { coding: [{ code: 'gold' }] },
          coverageArea: [{ reference: 'Location/county-suffolk' }],
        },
      ],
    };
    const index = extractIndex(plan, registry);
    expect(refs(index['coverage-area'])).toEqual(['Location/state-ma', 'Location/county-suffolk']);
    expect(refs(index['owned-by'])).toEqual(['Organization/acme']);
    expect(refs(index['administered-by'])).toEqual(['Organization/acme-admin']);
    expect(index['plan-type']).toEqual([{ kind: 'token', code: 'gold' }]);
  });
});
