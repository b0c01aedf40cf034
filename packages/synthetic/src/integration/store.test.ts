import type { Coverage, ExplanationOfBenefit, Observation, Patient, Resource } from 'fhir/r4';
import { createDefaultRegistry, parseSearch } from '@plan-api/fhir';
import { createMemoryStore, type FhirStore, type StoredResource } from '@plan-api/store';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedMember } from '../member.ts';
import { buildFixture, keyOf, type Fixture } from '../testing/integration-fixtures.ts';

const registry = createDefaultRegistry();
let fixture: Fixture;
let store: FhirStore;

beforeAll(async () => {
  fixture = buildFixture();
  store = createMemoryStore({ registry });
  await store.bulkLoad([...fixture.directory, ...fixture.members.flatMap((m) => m.resources)]);
});

/** Runs a search as the REST API would parse it (strict: an unknown parameter fails the test). */
async function search(type: string, params: [string, string][]): Promise<{ matches: string[]; included: string[] }> {
  const request = parseSearch(type, [...params, ['_count', '1000']], registry, {
    defaultCount: 50,
    maxCount: 1000,
    strict: true,
  });
  const result = await store.search(request);
  const key = (s: StoredResource) => `${s.resourceType}/${s.id}`;
  return { matches: result.matches.map(key).sort(), included: result.included.map(key).sort() };
}

const ofType = <T extends Resource>(member: GeneratedMember, type: T['resourceType']): T[] =>
  member.resources.filter((r): r is T => r.resourceType === type);

function memberWith(scenario: string): GeneratedMember {
  const member = fixture.members.find((m) => m.timeline.scenario === scenario);
  if (!member) throw new Error(`no ${scenario} member`);
  return member;
}

describe('generated data in the FHIR store answers US Core and CARIN BB searches', () => {
  it('Observation?patient&code=LOINC 4548-4 returns exactly the HbA1c results of a diabetic', async () => {
    const member = memberWith('diabetes');
    const expected = ofType<Observation>(member, 'Observation')
      .filter((o) => o.code.coding?.some((c) => c.system === 'http://loinc.org' && c.code === '4548-4'))
      .map(keyOf)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const { matches } = await search('Observation', [
      ['patient', member.patientId],
      ['code', 'http://loinc.org|4548-4'],
    ]);
    expect(matches).toEqual(expected);
  });

  it('ExplanationOfBenefit?patient&_include=ExplanationOfBenefit:insurer returns every EOB and the plan', async () => {
    for (const member of [memberWith('healthy'), memberWith('elderly-multimorbid')]) {
      const eobs = ofType<ExplanationOfBenefit>(member, 'ExplanationOfBenefit');
      expect(eobs.length).toBeGreaterThan(0);
      const { matches, included } = await search('ExplanationOfBenefit', [
        ['patient', member.patientId],
        ['_include', 'ExplanationOfBenefit:insurer'],
      ]);
      expect(matches).toEqual(eobs.map(keyOf).sort());
      expect(included).toEqual([fixture.handle.plan.reference]);
    }
  });

  it('Patient?identifier finds the member by the member id on the card', async () => {
    const member = fixture.members[3] as GeneratedMember;
    const patient = ofType<Patient>(member, 'Patient')[0];
    const id = patient?.identifier?.find((i) => i.value === member.timeline.person.memberId);
    expect(id?.system).toBeDefined();
    const { matches } = await search('Patient', [['identifier', `${id?.system}|${id?.value}`]]);
    expect(matches).toEqual([`Patient/${member.patientId}`]);
  });

  it('Coverage?patient&_include=Coverage:payor returns the coverage and the plan organization', async () => {
    const member = memberWith('pregnancy');
    const coverages = ofType<Coverage>(member, 'Coverage');
    const { matches, included } = await search('Coverage', [
      ['patient', member.patientId],
      ['_include', 'Coverage:payor'],
    ]);
    expect(matches).toEqual(coverages.map(keyOf).sort());
    expect(included).toEqual([fixture.handle.plan.reference]);
  });

  it('Condition?patient&category=problem-list-item returns the diabetic problem list with type 2 diabetes', async () => {
    const member = memberWith('diabetes');
    const { matches } = await search('Condition', [
      ['patient', member.patientId],
      ['category', 'problem-list-item'],
    ]);
    expect(matches.length).toBeGreaterThan(0);
    const diabetes = await search('Condition', [
      ['patient', member.patientId],
      ['code', member.timeline.conditions.find((c) => c.icd10.code.startsWith('E11'))?.icd10.code ?? 'none'],
    ]);
    expect(diabetes.matches.length).toBeGreaterThan(0);
  });

  it("a search by one member never returns another member's resources", async () => {
    const [a, b] = fixture.members;
    const { matches } = await search('Encounter', [['patient', a?.patientId ?? '']]);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((k) => k.startsWith(`Encounter/${a?.patientId ?? '?'}-`))).toBe(true);
    expect(matches.some((k) => k.includes(b?.patientId ?? '?'))).toBe(false);
  });
});
