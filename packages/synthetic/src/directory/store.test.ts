import { beforeAll, describe, expect, it } from 'vitest';
import type {
  HealthcareService,
  Location,
  OrganizationAffiliation,
  Practitioner,
  PractitionerRole,
  Resource,
} from 'fhir/r4';
import { createDefaultRegistry, parseSearch } from '@plan-api/fhir';
import { createMemoryStore, type FhirStore } from '@plan-api/store';
import { generated, testTerminology } from '../testing/directory.ts';

const registry = createDefaultRegistry();

async function search(
  store: FhirStore,
  type: string,
  query: string,
): Promise<{ matches: Resource[]; included: Resource[] }> {
  const request = parseSearch(type, new URLSearchParams(query), registry, {
    defaultCount: 1000,
    maxCount: 1000,
    strict: true,
  });
  const result = await store.search(request);
  const parse = (json: string): Resource => JSON.parse(json) as Resource;
  return { matches: result.matches.map((m) => parse(m.json)), included: result.included.map((m) => parse(m.json)) };
}

describe('a generated directory in the FHIR store', () => {
  const { directory, resources } = generated('store', 2_000);
  const store = createMemoryStore({ registry });

  beforeAll(async () => {
    expect(await store.bulkLoad(directory.resources())).toBe(resources.length);
  });

  it('finds practitioner roles by NUCC specialty, with their practitioners included', async () => {
    const { matches, included } = await search(
      store,
      'PractitionerRole',
      'specialty=http://nucc.org/provider-taxonomy|207RC0000X&_include=PractitionerRole:practitioner',
    );
    expect(matches.length).toBeGreaterThan(0);
    for (const role of matches as PractitionerRole[]) expect(role.specialty?.[0]?.coding?.[0]?.code).toBe('207RC0000X');
    expect(included.filter((r) => r.resourceType === 'Practitioner').length).toBeGreaterThan(0);
  });

  it('finds locations near the plan home city, all within the distance', async () => {
    const home = testTerminology().places[0];
    const { matches } = await search(store, 'Location', `near=${home?.latitude}|${home?.longitude}|20|km`);
    expect(matches.length).toBeGreaterThan(10);
    for (const l of matches as Location[]) {
      const dLat = ((l.position?.latitude ?? 0) - (home?.latitude ?? 0)) * 111;
      expect(Math.abs(dLat)).toBeLessThanOrEqual(20);
    }
  });

  it('finds practitioner roles in a network and the network by name through a chain', async () => {
    const byNetwork = await search(store, 'PractitionerRole', 'network=Organization/network-1');
    expect(byNetwork.matches.length).toBeGreaterThan(0);
    const all = resources.filter((r) => r.resourceType === 'PractitionerRole').length;
    expect(byNetwork.matches.length).toBeLessThan(all);
    const name = directory.handle.plan.display.split(' ')[0] ?? '';
    const chained = await search(store, 'PractitionerRole', `network.name=${name}&_count=5`);
    expect(chained.matches.length).toBe(5);
  });

  it('finds insurance plans by type and coverage area, and organizations by type', async () => {
    const hmo = await search(
      store,
      'InsurancePlan',
      'type=http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/InsuranceProductTypeCS|commhmo',
    );
    expect(hmo.matches).toHaveLength(1);
    const covered = await search(store, 'InsurancePlan', 'coverage-area=Location/area-0');
    expect(covered.matches).toHaveLength(directory.counts.insurancePlans);
    const pharmacies = await search(
      store,
      'HealthcareService',
      'service-category=pharm&_include=HealthcareService:location',
    );
    expect(pharmacies.matches.length).toBeGreaterThan(0);
    expect(pharmacies.included.length).toBeGreaterThan(0);
    const payer = await search(store, 'Organization', 'type=payer');
    expect(payer.matches.map((r) => r.id)).toEqual(['payer']);
  });

  it('finds the healthcare services of a specialty in a network through their organization affiliations', async () => {
    const FAMILY_MEDICINE = '207Q00000X';
    const network = 'Organization/network-1';
    const { matches } = await search(
      store,
      'HealthcareService',
      `specialty=http://nucc.org/provider-taxonomy|${FAMILY_MEDICINE}&_has:OrganizationAffiliation:service:network=${network}`,
    );
    // The answer is exactly the services with the specialty that an affiliation in the network provides.
    const affiliations = resources.filter(
      (r): r is OrganizationAffiliation => r.resourceType === 'OrganizationAffiliation',
    );
    const inNetwork = new Set(
      affiliations
        .filter((a) => a.network?.some((n) => n.reference === network))
        .flatMap((a) => (a.healthcareService ?? []).map((h) => h.reference)),
    );
    const offering = resources
      .filter((r): r is HealthcareService => r.resourceType === 'HealthcareService')
      .filter((h) => (h.specialty ?? []).some((c) => c.coding?.some((x) => x.code === FAMILY_MEDICINE)));
    const expected = offering.filter((h) => inNetwork.has(`HealthcareService/${h.id}`)).map((h) => h.id);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.map((m) => m.id).sort()).toEqual(expected.sort());
    // The network narrows the answer: not every family medicine service is in it.
    expect(matches.length).toBeLessThan(offering.length);
    for (const service of matches as HealthcareService[]) {
      expect(service.specialty?.flatMap((c) => c.coding?.map((x) => x.code))).toContain(FAMILY_MEDICINE);
      expect(inNetwork.has(`HealthcareService/${service.id}`)).toBe(true);
    }
    // Every network the plan has answers the search for a service type its members need (pharmacies too).
    for (let n = 0; n < directory.counts.networks; n++) {
      const pharmacies = await search(
        store,
        'HealthcareService',
        `specialty=183500000X&_has:OrganizationAffiliation:service:network=Organization/network-${n}`,
      );
      expect(pharmacies.matches.length, `network-${n}`).toBeGreaterThan(0);
    }
  });

  it('finds practitioners by family name and by the specialty of their roles', async () => {
    const practitioner = resources.find((r): r is Practitioner => r.resourceType === 'Practitioner');
    const family = practitioner?.name?.[0]?.family ?? '';
    const byName = await search(store, 'Practitioner', `family=${family}`);
    expect(byName.matches.map((r) => r.id)).toContain(practitioner?.id);
    const pharmacists = await search(store, 'Practitioner', '_has:PractitionerRole:practitioner:specialty=183500000X');
    expect(pharmacists.matches.length).toBeGreaterThan(0);
  });
});
