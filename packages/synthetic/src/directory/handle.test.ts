import { describe, expect, it } from 'vitest';
import type { HealthcareService, Location, Practitioner, PractitionerRole } from 'fhir/r4';
import { Rng } from '../rng.ts';
import { SPECIALTIES_USED } from '../timeline/specialties.ts';
import { ORG_KIND_CODES, ORG_KINDS } from './codes.ts';
import { createDirectory, SPECIALTIES } from './index.ts';
import { byReference, generated, testTerminology } from '../testing/directory.ts';

const SIZE = 2_000;

function picker(seed: string): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

describe('directory handle', () => {
  const { directory, resources } = generated('handle', SIZE);
  const known = byReference(resources);
  const roles = resources.filter((r): r is PractitionerRole => r.resourceType === 'PractitionerRole');

  it('knows every specialty the member timelines ask for', () => {
    const codes = new Set(SPECIALTIES.map((s) => s.code));
    expect(SPECIALTIES_USED.filter((c) => !codes.has(c))).toEqual([]);
  });

  it('hands out a practitioner of the asked specialty, with a role at the organization and location it returns', () => {
    const pick = picker('p');
    for (const code of SPECIALTIES_USED) {
      for (let k = 0; k < 5; k++) {
        const found = directory.handle.practitioner(pick, code);
        expect(found.practitioner.specialty?.code).toBe(code);
        const practitioner = known.get(found.practitioner.reference) as Practitioner | undefined;
        expect(practitioner, found.practitioner.reference).toBeDefined();
        expect(practitioner?.qualification?.[0]?.code.coding?.[0]?.code).toBe(code);
        expect(practitioner?.name?.[0]?.text).toBe(found.practitioner.display);
        expect(practitioner?.identifier?.[0]?.value).toBe(found.practitioner.npi);
        const role = roles.find(
          (r) =>
            r.practitioner?.reference === found.practitioner.reference &&
            r.organization?.reference === found.organization.reference &&
            r.location?.[0]?.reference === found.location.reference,
        );
        expect(role, `${code} role`).toBeDefined();
        expect(role?.specialty?.[0]?.coding?.[0]?.code).toBe(code);
        const location = known.get(found.location.reference) as Location | undefined;
        expect(location?.managingOrganization?.reference).toBe(found.organization.reference);
        expect(location?.name).toBe(found.location.display);
      }
    }
  });

  it('hands out any practitioner when no specialty is asked for', () => {
    const found = directory.handle.practitioner(picker('any'));
    expect(known.has(found.practitioner.reference)).toBe(true);
    expect(known.has(found.organization.reference)).toBe(true);
  });

  it('refuses a specialty it has no practitioners of', () => {
    expect(() => directory.handle.practitioner(picker('x'), '390200000X')).toThrow(/390200000X/);
  });

  it('hands out a facility of each kind with one of its locations', () => {
    const pick = picker('f');
    const services = resources.filter((r): r is HealthcareService => r.resourceType === 'HealthcareService');
    for (const kind of ORG_KINDS) {
      for (let k = 0; k < 10; k++) {
        const { organization, location } = directory.handle.facility(pick, kind);
        expect(known.has(organization.reference)).toBe(true);
        expect(organization.specialty?.code).toBe(ORG_KIND_CODES[kind].taxonomy);
        const site = known.get(location.reference) as Location | undefined;
        expect(site?.managingOrganization?.reference).toBe(organization.reference);
        expect(site?.type?.[0]?.coding?.[0]?.code).toBe(ORG_KIND_CODES[kind].locationType[1]);
        const service = services.find((s) => s.providedBy?.reference === organization.reference);
        if (service) expect(service.specialty?.[0]?.coding?.[0]?.code).toBe(ORG_KIND_CODES[kind].taxonomy);
      }
    }
  });

  it('names the plan and its insurance plans as the stream does', () => {
    const plan = known.get(directory.handle.plan.reference);
    expect(plan && 'name' in plan ? plan.name : undefined).toBe(directory.handle.plan.display);
    expect(directory.handle.insurancePlans).toHaveLength(directory.counts.insurancePlans);
    for (const ref of directory.handle.insurancePlans) {
      const ip = known.get(ref.reference);
      expect(ip && 'name' in ip ? ip.name : undefined).toBe(ref.display);
    }
  });

  it('finds every specialty in the smallest directory, where practitioners are fewer than pattern slots', () => {
    const tiny = createDirectory({ seed: 'tiny', size: 200, terminology: testTerminology() });
    const stream = byReference([...tiny.resources()]);
    const pick = picker('tiny');
    for (const code of SPECIALTIES_USED) {
      for (let k = 0; k < 20; k++) {
        const found = tiny.handle.practitioner(pick, code);
        const practitioner = stream.get(found.practitioner.reference) as Practitioner | undefined;
        expect(practitioner?.qualification?.[0]?.code.coding?.[0]?.code, code).toBe(code);
        expect(stream.has(found.location.reference)).toBe(true);
      }
    }
  });

  it('finds practitioners across a million-resource directory without generating it', () => {
    const big = createDirectory({ seed: 'big', size: 1_000_000, terminology: testTerminology() });
    const started = performance.now();
    const ids = new Set<number>();
    const pick = picker('big');
    for (let k = 0; k < 200; k++) {
      const found = big.handle.practitioner(pick, '207RC0000X');
      expect(found.practitioner.specialty?.code).toBe('207RC0000X');
      ids.add(Number(found.practitioner.reference.split('-')[1]));
    }
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(Math.max(...ids)).toBeGreaterThan(100_000);
    expect(Math.max(...ids)).toBeLessThan(big.counts.practitioners);
  });
});
