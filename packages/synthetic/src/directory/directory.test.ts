import { describe, expect, it } from 'vitest';
import type {
  Location,
  Organization,
  OrganizationAffiliation,
  Practitioner,
  PractitionerRole,
  Resource,
} from 'fhir/r4';
import { DIRECTORY_PROFILES } from '@plan-api/fhir';
import { DEFAULT_AS_OF } from '../model.ts';
import { createValidator } from '../validate.ts';
import { createDirectory, isValidNpi, SPECIALTIES } from './index.ts';
import { byReference, generated, referencesIn, testTerminology } from '../testing/directory.ts';

const SIZE = 2_000;
const NPI = 'http://hl7.org/fhir/sid/us-npi';
const countBy = (resources: readonly Resource[], key: (r: Resource) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of resources) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
};

describe('createDirectory', () => {
  it('streams byte-identical JSON for the same seed and size, and different content for another seed', () => {
    const first = JSON.stringify(generated('acme', SIZE).resources);
    const again = createDirectory({ seed: 'acme', size: SIZE, terminology: testTerminology() });
    expect(JSON.stringify([...again.resources()])).toBe(first);
    const other = JSON.stringify(generated('globex', SIZE).resources);
    expect(other).not.toBe(first);
    const names = (json: string): string[] =>
      (JSON.parse(json) as Resource[])
        .filter((r) => r.resourceType === 'Practitioner')
        .map((r) => JSON.stringify((r as Practitioner).name));
    const otherNames = names(other);
    const shared = names(first).filter((n, i) => otherNames[i] === n);
    expect(shared.length).toBeLessThan(10);
  });

  it('emits the counts it reports, about the size asked for', () => {
    const { directory, resources } = generated('acme', SIZE);
    const c = directory.counts;
    expect(resources).toHaveLength(c.total);
    expect(Math.abs(c.total - SIZE)).toBeLessThan(SIZE * 0.02);
    const byType = countBy(resources, (r) => r.resourceType);
    expect(byType).toEqual({
      Organization: c.plan + c.networks + c.organizations,
      InsurancePlan: c.insurancePlans,
      Location: c.locations + c.areas,
      Practitioner: c.practitioners,
      PractitionerRole: c.practitionerRoles,
      HealthcareService: c.healthcareServices,
      OrganizationAffiliation: c.affiliations,
      Endpoint: c.endpoints,
    });
  });

  it('resolves every reference in the stream to a resource the stream emits', () => {
    const { resources } = generated('acme', SIZE);
    const known = byReference(resources);
    expect(known.size).toBe(resources.length);
    const dangling = resources.flatMap((r) =>
      referencesIn(r)
        .filter((ref) => !known.has(ref))
        .map((ref) => `${r.id} -> ${ref}`),
    );
    expect(dangling).toEqual([]);
  });

  it('claims a Plan-Net profile and a lastUpdated on or before asOf in every resource', () => {
    const { resources } = generated('acme', SIZE);
    const end = Date.parse(`${DEFAULT_AS_OF}T23:59:59Z`);
    for (const r of resources) {
      expect(DIRECTORY_PROFILES[r.resourceType], r.resourceType).toContain(r.meta?.profile?.[0]);
      const updated = Date.parse(r.meta?.lastUpdated ?? '');
      expect(updated).toBeLessThanOrEqual(end);
      expect(updated).toBeGreaterThan(end - 200 * 86_400_000);
      expect(r.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    }
    const networks = resources.filter((r) => r.meta?.profile?.[0]?.endsWith('plannet-Network')) as Organization[];
    expect(networks.length).toBe(generated('acme', SIZE).directory.counts.networks);
    for (const n of networks) expect(n.type?.[0]?.coding?.[0]?.code).toBe('ntwk');
  });

  it('derives lastUpdated from asOf, not from the clock', () => {
    const earlier = createDirectory({ seed: 'acme', size: 300, asOf: '2024-01-15', terminology: testTerminology() });
    for (const r of earlier.resources()) expect((r.meta?.lastUpdated ?? '').slice(0, 10) <= '2024-01-15').toBe(true);
  });

  it('gives practitioners and organizations distinct NPIs that pass the Luhn check', () => {
    const { resources } = generated('acme', SIZE);
    const npis = resources
      .filter(
        (r): r is Practitioner | Organization => r.resourceType === 'Practitioner' || r.resourceType === 'Organization',
      )
      .flatMap((r) => (r.identifier ?? []).filter((i) => i.system === NPI).map((i) => i.value ?? ''));
    const { counts } = generated('acme', SIZE).directory;
    expect(npis).toHaveLength(counts.practitioners + counts.organizations);
    expect(npis.filter((n) => !isValidNpi(n))).toEqual([]);
    expect(new Set(npis).size).toBe(npis.length);
  });

  it('places locations near their metro and gives every practitioner role an organization, location and network', () => {
    const { resources } = generated('acme', SIZE);
    const home = testTerminology().places[0];
    const locations = resources.filter((r): r is Location => r.resourceType === 'Location');
    const nearHome = locations.filter((l) => l.address?.city === home?.city && !l.id?.startsWith('area-'));
    expect(nearHome.length).toBeGreaterThan(5);
    for (const l of nearHome) {
      expect(Math.abs((l.position?.latitude ?? 0) - (home?.latitude ?? 0))).toBeLessThan(0.5);
      expect(home?.postalCodes).toContain(l.address?.postalCode ?? 'none');
    }
    const roles = resources.filter((r): r is PractitionerRole => r.resourceType === 'PractitionerRole');
    for (const role of roles) {
      expect(role.organization?.reference).toMatch(/^Organization\/org-/);
      expect(role.location?.[0]?.reference).toMatch(/^Location\/loc-/);
      expect(role.extension?.some((e) => e.url.endsWith('network-reference'))).toBe(true);
      expect(role.extension?.some((e) => e.url.endsWith('newpatients'))).toBe(true);
    }
  });

  it('puts every provider in the places it is given and only has the specialties it is given', () => {
    const place = {
      city: 'Springfield',
      state: 'IL',
      postalCodes: ['62701', '62702'],
      latitude: 39.8,
      longitude: -89.65,
    };
    const family = SPECIALTIES.filter((s) => s.code === '207Q00000X' || s.code === '183500000X');
    const small = createDirectory({
      seed: 's',
      size: 400,
      places: [place],
      specialties: family,
      terminology: testTerminology(),
    });
    const cities = new Set(
      [...small.resources()].filter((r): r is Location => r.resourceType === 'Location').map((l) => l.address?.city),
    );
    expect([...cities]).toEqual(['Springfield']);
    expect(small.handle.practitioner(() => 0.5, '183500000X').practitioner.specialty?.code).toBe('183500000X');
    expect(() => small.handle.practitioner(() => 0.5, '207RC0000X')).toThrow(/207RC0000X/);
  });

  it('at every size, every network has affiliations offering healthcare services (Plan-Net combination searches)', () => {
    for (const size of [200, 300, 1_000, SIZE]) {
      const { directory, resources } = generated('acme', size);
      const services = new Map<string, Set<string>>();
      for (const r of resources) {
        if (r.resourceType !== 'OrganizationAffiliation') continue;
        const affiliation = r as OrganizationAffiliation;
        for (const network of affiliation.network ?? []) {
          const offered = services.get(network.reference ?? '') ?? new Set<string>();
          for (const service of affiliation.healthcareService ?? []) offered.add(service.reference ?? '');
          services.set(network.reference ?? '', offered);
        }
      }
      const networks = Array.from({ length: directory.counts.networks }, (_, n) => `Organization/network-${n}`);
      expect([...services.keys()].sort(), `size ${size}`).toEqual(networks);
      for (const [network, offered] of services) expect(offered.size, `${network} at size ${size}`).toBeGreaterThan(0);
    }
  });

  it('is valid FHIR R4 with the hard requirements of the Plan-Net profiles', () => {
    const validator = createValidator();
    const problems = generated('acme', SIZE)
      .resources.slice(0, 2_000)
      .flatMap((r) => validator.validate(r).map((i) => `${r.resourceType}/${r.id} ${i.path}: ${i.message}`));
    expect(problems).toEqual([]);
  });
});
