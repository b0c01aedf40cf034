import { describe, expect, it } from 'vitest';
import type { DocumentReference, Encounter, MedicationRequest, Observation, Resource } from 'fhir/r4';
import { PATIENT_ACCESS_PROFILES } from '@plan-api/fhir';
import { memberPatientId } from '../ids.ts';
import { DEFAULT_AS_OF, SCENARIOS, type MemberTimeline, type ScenarioName } from '../model.ts';
import { testTerminology } from '../testing/terminology.ts';
import { buildTimeline } from '../timeline/index.ts';
import { createValidator } from '../validate.ts';
import { renderClinical } from './index.ts';
import { PROFILE } from './profiles.ts';
import { standInDirectory } from '../testing/clinical-directory.ts';
import { ofType, referencesIn } from '../testing/clinical-helpers.ts';

const terminology = testTerminology();
const SEEDS_PER_SCENARIO = 3;

interface Member {
  seed: string;
  scenario: ScenarioName;
  patientId: string;
  timeline: MemberTimeline;
  resources: Resource[];
  directoryRefs: Set<string>;
}

function member(seed: string, scenario: ScenarioName): Member {
  const { handle, refs } = standInDirectory();
  const timeline = buildTimeline({ seed, scenario, asOf: DEFAULT_AS_OF, directory: handle, terminology });
  const patientId = memberPatientId(seed);
  const resources = renderClinical(timeline, { patientId, asOf: DEFAULT_AS_OF });
  return { seed, scenario, patientId, timeline, resources, directoryRefs: refs };
}

const members = SCENARIOS.flatMap((scenario) =>
  Array.from({ length: SEEDS_PER_SCENARIO }, (_, i) => member(`clinical-${scenario}-${i}`, scenario)),
);
const ofScenario = (scenario: ScenarioName): Member[] => members.filter((m) => m.scenario === scenario);

describe('clinical rendering of real timelines', () => {
  it.each(SCENARIOS)('resolves every reference of %s members to their record, their Patient or the directory', (s) => {
    for (const m of ofScenario(s)) {
      const universe = new Set([
        ...m.resources.map((r) => `${r.resourceType}/${r.id}`),
        `Patient/${m.patientId}`,
        ...m.directoryRefs,
      ]);
      const dangling = m.resources.flatMap((r) => referencesIn(r).filter((ref) => !universe.has(ref)));
      expect(dangling, m.seed).toEqual([]);
    }
  });

  it.each(SCENARIOS)('claims an advertised profile and passes the project validator for %s members', (s) => {
    const validator = createValidator();
    for (const m of ofScenario(s)) {
      const problems: string[] = [];
      for (const r of m.resources) {
        if (!PATIENT_ACCESS_PROFILES[r.resourceType]?.includes(r.meta?.profile?.[0] ?? '')) {
          problems.push(`${r.resourceType}/${r.id}: profile ${r.meta?.profile?.[0]}`);
        }
        for (const i of validator.validate(r)) problems.push(`${r.resourceType}/${r.id} ${i.path}: ${i.message}`);
      }
      expect(problems, m.seed).toEqual([]);
    }
  });

  it('renders one Encounter per visit and the core US Core types for every member', () => {
    for (const m of members) {
      const visits = m.timeline.events.filter((e) => e.kind !== 'pharmacy').length;
      expect(ofType<Encounter>(m.resources, 'Encounter'), m.seed).toHaveLength(visits);
      const types = new Set(m.resources.map((r) => r.resourceType));
      for (const type of ['AllergyIntolerance', 'CareTeam', 'Provenance']) expect(types, m.seed).toContain(type);
    }
  });

  it('gives diabetic members HbA1c results (LOINC 4548-4, %) linked to encounters, and metformin orders and fills', () => {
    for (const m of ofScenario('diabetes')) {
      const encounters = new Set(ofType<Encounter>(m.resources, 'Encounter').map((e) => `Encounter/${e.id}`));
      const a1c = ofType<Observation>(m.resources, 'Observation').filter((o) =>
        o.code.coding?.some((c) => c.system === 'http://loinc.org' && c.code === '4548-4'),
      );
      expect(a1c.length, m.seed).toBeGreaterThan(0);
      for (const o of a1c) {
        expect(o.meta?.profile).toEqual([PROFILE.lab]);
        expect(o.valueQuantity?.code).toBe('%');
        expect(encounters.has(o.encounter?.reference ?? ''), m.seed).toBe(true);
      }
      const text = JSON.stringify([
        ...ofType<MedicationRequest>(m.resources, 'MedicationRequest'),
        ...m.resources.filter((r) => r.resourceType === 'MedicationDispense' || r.resourceType === 'Medication'),
      ]);
      expect(text.toLowerCase(), m.seed).toContain('metformin');
    }
  });

  it('decodes every clinical note of every member to readable text about its visit', () => {
    for (const m of members) {
      for (const d of ofType<DocumentReference>(m.resources, 'DocumentReference')) {
        const data = d.content[0]?.attachment.data ?? '';
        const text = Buffer.from(data, 'base64').toString('utf8');
        expect(text, `${m.seed} ${d.id}`).toContain(m.timeline.person.family);
        expect(text).toContain('REASON FOR VISIT');
        expect(text).toContain('PLAN');
        expect(text).not.toMatch(/undefined|NaN|\[object/);
      }
    }
  });

  it('renders the same bytes twice and each member in under 50 ms on average', () => {
    const sample = members.filter((_, i) => i % SEEDS_PER_SCENARIO === 0);
    for (const m of sample) {
      const again = renderClinical(m.timeline, { patientId: m.patientId, asOf: DEFAULT_AS_OF });
      expect(JSON.stringify(again)).toBe(JSON.stringify(m.resources));
    }
    const start = performance.now();
    for (const m of members) renderClinical(m.timeline, { patientId: m.patientId, asOf: DEFAULT_AS_OF });
    expect((performance.now() - start) / members.length).toBeLessThan(50);
  });
});
