import type { ExplanationOfBenefit, Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { renderClaims } from './index.ts';
import { standInDirectory } from '../testing/claims-directory.ts';
import {
  amountProblems,
  coverageProblems,
  PROFILE_OF_CLAIM,
  referencesOf,
  resolvableReferences,
  sliceProblems,
} from '../testing/claims-checks.ts';
import { memberPatientId } from '../ids.ts';
import { DEFAULT_AS_OF, type MemberTimeline, SCENARIOS } from '../model.ts';
import { testTerminology } from '../testing/terminology.ts';
import { buildTimeline } from '../timeline/index.ts';
import { createValidator } from '../validate.ts';

const terminology = testTerminology();
const directory = standInDirectory(terminology);
const SEEDS = ['claims-a', 'claims-b', 'claims-c'];

interface Member {
  label: string;
  timeline: MemberTimeline;
  resources: Resource[];
}

const members: Member[] = SCENARIOS.flatMap((scenario) =>
  SEEDS.map((seed) => {
    const timeline = buildTimeline({ seed, scenario, asOf: DEFAULT_AS_OF, directory, terminology });
    const ctx = { patientId: memberPatientId(seed), asOf: DEFAULT_AS_OF, plan: directory.plan };
    return { label: `${scenario}/${seed}`, timeline, resources: renderClaims(timeline, ctx) };
  }),
);
const eobsOf = (m: Member) =>
  m.resources.filter((r): r is ExplanationOfBenefit => r.resourceType === 'ExplanationOfBenefit');

describe('renderClaims over real scenario timelines', () => {
  it('renders one EOB per event with the profile of its claim type, for every scenario', () => {
    for (const m of members) {
      const eobs = eobsOf(m);
      expect(
        eobs.map((e) => e.meta?.profile?.[0]),
        m.label,
      ).toEqual(m.timeline.events.map((e) => PROFILE_OF_CLAIM[e.claim]));
    }
    const types = new Set(members.flatMap((m) => m.timeline.events.map((e) => e.claim)));
    expect([...types].sort()).toEqual(Object.keys(PROFILE_OF_CLAIM).sort());
  });

  it('keeps outcome complete, insurer = Coverage payor and the Coverage as focal insurance', () => {
    expect(members.flatMap((m) => coverageProblems(m.resources))).toEqual([]);
  });

  it('gives every EOB the slices of its profile and money that adds up', () => {
    expect(members.flatMap((m) => eobsOf(m).flatMap(sliceProblems))).toEqual([]);
    expect(members.flatMap((m) => eobsOf(m).flatMap(amountProblems))).toEqual([]);
  });

  it('resolves every reference to the member, the plan or a directory ref the timeline holds', () => {
    const unresolved = members.flatMap((m) => {
      const known = resolvableReferences(m.resources, m.timeline, directory.plan.reference);
      return m.resources.flatMap((r) => referencesOf(r).filter((ref) => !known.has(ref)));
    });
    expect(unresolved).toEqual([]);
  });

  it('never dates a claim after asOf', () => {
    const late = members.flatMap((m) =>
      eobsOf(m)
        .filter(
          (e) => (e.payment?.date ?? '') > DEFAULT_AS_OF || (e.meta?.lastUpdated ?? '') > `${DEFAULT_AS_OF}T23:59:59Z`,
        )
        .map((e) => e.id),
    );
    expect(late).toEqual([]);
  });

  it('produces resources the FHIR R4 validator accepts', () => {
    const validator = createValidator();
    const issues = members.flatMap((m) =>
      m.resources.flatMap((r) => validator.validate(r).map((i) => `${r.resourceType}/${r.id} ${i.path}: ${i.message}`)),
    );
    expect(issues).toEqual([]);
  });

  it('renders the same bytes for the same seed', () => {
    const m = members[0]!;
    const again = renderClaims(m.timeline, {
      patientId: memberPatientId(SEEDS[0]!),
      asOf: DEFAULT_AS_OF,
      plan: directory.plan,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(m.resources));
  });
});
