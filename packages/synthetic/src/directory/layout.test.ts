import { describe, expect, it } from 'vitest';
import { ORG_KINDS } from './codes.ts';
import { BLOCK, directoryCounts, Layout, MIN_SIZE } from './layout.ts';
import { selectMetros, type Place } from './places.ts';
import { SPECIALTIES, SPECIALTY_CYCLE_LENGTH, specialtyCycle } from './specialties.ts';

const place = (city: string, latitude: number, longitude: number): Place => ({
  city,
  state: 'OH',
  postalCodes: ['43201'],
  latitude,
  longitude,
});

describe('directory counts', () => {
  it('keep the total within 2% of the size asked for, from a few hundred to a million', () => {
    for (const size of [500, 2_000, 50_000, 1_000_000]) {
      const counts = directoryCounts(size, 60);
      expect(Math.abs(counts.total - size) / size).toBeLessThan(0.02);
    }
  });

  it('follow the Plan-Net proportions: practitioners ~35%, roles ~40%, locations ~8%, organizations ~6%', () => {
    const c = directoryCounts(100_000, 60);
    expect(c.practitioners).toBe(35_000);
    expect(c.practitionerRoles).toBe(41_000);
    expect(c.locations + c.areas).toBe(8_000);
    expect(c.organizations).toBe(6_000);
    expect(c.healthcareServices).toBe(4_000);
    expect(c.affiliations).toBe(3_000);
    expect(c.endpoints).toBe(3_000);
    expect(c.networks).toBe(4);
    expect(c.insurancePlans).toBe(6);
  });

  it('never drop below one of each kind, one full block of organizations and every specialty', () => {
    const c = directoryCounts(1, 60, SPECIALTIES.length);
    expect(c.total).toBeGreaterThanOrEqual(MIN_SIZE);
    expect(c.organizations).toBeGreaterThanOrEqual(BLOCK);
    expect(c.practitioners).toBeGreaterThanOrEqual(SPECIALTIES.length);
    for (const [kind, n] of Object.entries(c)) expect(n, kind).toBeGreaterThanOrEqual(1);
    expect(c.networks).toBeGreaterThanOrEqual(2);
    expect(c.insurancePlans).toBeGreaterThanOrEqual(3);
  });

  it('never have more service areas than places', () => {
    expect(directoryCounts(1_000_000, 7).areas).toBe(7);
  });
});

describe('layout', () => {
  const layout = new Layout(directoryCounts(10_000, 60));

  it('finds the n-th organization of each kind, and they are all of that kind and distinct', () => {
    for (const kind of ORG_KINDS) {
      const count = layout.countOfKind(kind);
      const orgs = new Set<number>();
      for (let n = 0; n < count; n++) {
        const org = layout.nthOfKind(kind, n);
        expect(layout.orgKind(org)).toBe(kind);
        expect(org).toBeLessThan(layout.counts.organizations);
        orgs.add(org);
      }
      expect(orgs.size).toBe(count);
    }
    const total = ORG_KINDS.reduce((sum, k) => sum + layout.countOfKind(k), 0);
    expect(total).toBe(layout.counts.organizations);
  });

  it('puts an organization of the asked kind in the same metro as the block, even past a partial last block', () => {
    const partial = new Layout({ ...directoryCounts(10_000, 60), organizations: 604 });
    for (const block of [0, 5, partial.blocks - 1]) {
      for (const kind of ORG_KINDS) {
        const org = partial.orgInBlock(block, kind, 3);
        expect(partial.orgKind(org)).toBe(kind);
        expect(org).toBeLessThan(604);
        expect(partial.orgMetro(org)).toBe(block % partial.counts.areas);
      }
    }
  });

  it('gives every organization at least one location and maps locations back to their organization', () => {
    let total = 0;
    for (let org = 0; org < layout.counts.organizations; org++) {
      const n = layout.locationCount(org);
      expect(n).toBeGreaterThanOrEqual(1);
      for (let t = 0; t < n; t++) expect(layout.locationOrg(layout.locationOf(org, t))).toBe(org);
      total += n;
    }
    expect(total).toBe(layout.counts.locations);
  });
});

describe('specialty cycle', () => {
  it('has every specialty in its first slots and the rest by weight', () => {
    const cycle = specialtyCycle(SPECIALTIES);
    expect(cycle).toHaveLength(SPECIALTY_CYCLE_LENGTH);
    expect(cycle.slice(0, SPECIALTIES.length)).toEqual(SPECIALTIES);
    const family = cycle.filter((s) => s.code === '207Q00000X').length;
    const dermatology = cycle.filter((s) => s.code === '207N00000X').length;
    expect(family).toBeGreaterThan(dermatology * 5);
  });
});

describe('metros', () => {
  it('start at the home place and add the nearest places first', () => {
    const places = [place('Home', 40, -83), place('Far', 30, -100), place('Near', 40.1, -83.1), place('Mid', 41, -81)];
    expect(selectMetros(places, 3).map((p) => p.city)).toEqual(['Home', 'Near', 'Mid']);
  });
});
