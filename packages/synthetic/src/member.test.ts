import type { Coverage, ExplanationOfBenefit, MedicationRequest, Resource } from 'fhir/r4';
import { C4BB_EOB_PROFILES } from '@plan-api/fhir';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDirectory } from './directory/index.ts';
import { memberPatientId } from './ids.ts';
import { generateMember, generateMembers, memberSeed, type GeneratedMember } from './member.ts';
import { DEFAULT_AS_OF, SCENARIOS, type DirectoryHandle } from './model.ts';
import type { Terminology } from './terminology.ts';
import { testTerminology } from './testing/terminology.ts';

let directory: DirectoryHandle;
let terminology: Terminology;
const members = new Map<string, GeneratedMember>();

beforeAll(() => {
  directory = createDirectory({ seed: 'member-test', size: 800, terminology: testTerminology() }).handle;
  terminology = testTerminology();
  for (const scenario of SCENARIOS) {
    for (let i = 0; i < 3; i++) {
      members.set(`${scenario}-${i}`, generateMember({ seed: `m-${scenario}-${i}`, scenario, directory, terminology }));
    }
  }
});

const all = (): GeneratedMember[] => [...members.values()];
const ofType = <T extends Resource>(m: GeneratedMember, type: T['resourceType']): T[] =>
  m.resources.filter((r): r is T => r.resourceType === type);

describe('generateMember', () => {
  it('puts the Patient first, then Coverage, then the EOBs, then clinical data', () => {
    for (const member of all()) {
      const types = member.resources.map((r) => r.resourceType);
      expect(types[0]).toBe('Patient');
      const firstOther = types.findIndex((t) => !['Patient', 'Coverage', 'ExplanationOfBenefit'].includes(t));
      const lastClaim = types.findLastIndex((t) => t === 'Coverage' || t === 'ExplanationOfBenefit');
      expect(types[1]).toBe('Coverage');
      expect(firstOther).toBeGreaterThan(lastClaim);
    }
  });

  it('uses memberPatientId(seed) for the Patient and keeps every other id under it', () => {
    const member = members.get('healthy-0') as GeneratedMember;
    expect(member.patientId).toBe(memberPatientId('m-healthy-0'));
    expect(member.resources[0]?.id).toBe(member.patientId);
    for (const r of member.resources.slice(1))
      expect(r.id).toMatch(new RegExp(`^${member.patientId}-[a-z0-9]+-\\d+$`, 'i'));
  });

  it('renders the scenario it was asked for', () => {
    for (const [key, member] of members) expect(key.startsWith(member.timeline.scenario)).toBe(true);
  });

  it('makes every EOB insurer the payor of its focal Coverage', () => {
    for (const member of all()) {
      const coverages = new Map(ofType<Coverage>(member, 'Coverage').map((c) => [`Coverage/${c.id}`, c]));
      for (const eob of ofType<ExplanationOfBenefit>(member, 'ExplanationOfBenefit')) {
        const focal = eob.insurance.find((i) => i.focal);
        const coverage = coverages.get(focal?.coverage.reference ?? '');
        expect(coverage?.payor[0]?.reference).toBe(eob.insurer.reference);
        expect(eob.outcome).toBe('complete');
      }
    }
  });

  it('produces every CARIN BB EOB kind across the scenarios', () => {
    const claimed = new Set(
      all().flatMap((m) =>
        ofType<ExplanationOfBenefit>(m, 'ExplanationOfBenefit').flatMap((e) => e.meta?.profile ?? []),
      ),
    );
    expect([...claimed].sort()).toEqual([...C4BB_EOB_PROFILES].sort());
  });

  it('gives a diabetic type 2 diabetes, HbA1c results and metformin fills on pharmacy claims', () => {
    for (let i = 0; i < 3; i++) {
      const member = members.get(`diabetes-${i}`) as GeneratedMember;
      const text = JSON.stringify(member.resources);
      expect(member.timeline.conditions.some((c) => c.icd10.code.startsWith('E11'))).toBe(true);
      expect(text).toContain('"code":"4548-4"');
      const pharmacy = ofType<ExplanationOfBenefit>(member, 'ExplanationOfBenefit').filter((e) =>
        e.type.coding?.some((c) => c.code === 'pharmacy'),
      );
      expect(JSON.stringify(pharmacy).toLowerCase()).toContain('metformin');
      // The prescription names the drug inline or through a Medication resource.
      const orders = member.resources.filter(
        (r) => r.resourceType === 'MedicationRequest' || r.resourceType === 'Medication',
      );
      expect(ofType<MedicationRequest>(member, 'MedicationRequest').length).toBeGreaterThan(0);
      expect(JSON.stringify(orders).toLowerCase()).toContain('metformin');
    }
  });

  it('never stamps meta.lastUpdated after the record ends', () => {
    for (const member of all()) {
      for (const r of member.resources) expect((r.meta?.lastUpdated ?? '').slice(0, 10) <= DEFAULT_AS_OF).toBe(true);
    }
  });
});

describe('generateMembers', () => {
  it('yields count members seeded from (seed, i), lazily', () => {
    const iterator = generateMembers({ count: 4, seed: 'lazy', directory, terminology });
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect(first.value?.patientId).toBe(memberPatientId(memberSeed('lazy', 0)));
    expect([...iterator].map((m) => m.patientId)).toEqual([1, 2, 3].map((i) => memberPatientId(memberSeed('lazy', i))));
  });

  it('gives every member the scenario asked for', () => {
    const made = [...generateMembers({ count: 3, seed: 'preg', scenario: 'pregnancy', directory, terminology })];
    expect(made.map((m) => m.timeline.scenario)).toEqual(['pregnancy', 'pregnancy', 'pregnancy']);
  });
});
