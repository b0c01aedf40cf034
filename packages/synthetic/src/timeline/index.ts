import { DEFAULT_AS_OF, type MemberOptions, type MemberTimeline, type ScenarioName } from '../model.ts';
import { Rng } from '../rng.ts';
import type { Terminology } from '../terminology.ts';
import { TimelineBuilder } from './builder.ts';
import { buildPerson } from './person.ts';
import { diabetes } from './scenarios/diabetes.ts';
import { elderlyMultimorbid } from './scenarios/elderly.ts';
import { healthy } from './scenarios/healthy.ts';
import { pediatric } from './scenarios/pediatric.ts';
import { pregnancy } from './scenarios/pregnancy.ts';
import type { Scenario } from './scenarios/types.ts';

export { SPECIALTIES_USED, SPECIALTY, type SpecialtyCode } from './specialties.ts';

const SCENARIO: Record<ScenarioName, Scenario> = {
  healthy,
  diabetes,
  pregnancy,
  pediatric,
  'elderly-multimorbid': elderlyMultimorbid,
};

/** How often each scenario comes up when none is asked for (healthy members are the most common). */
export const SCENARIO_WEIGHTS: readonly (readonly [ScenarioName, number])[] = [
  ['healthy', 40],
  ['pediatric', 22],
  ['diabetes', 15],
  ['elderly-multimorbid', 13],
  ['pregnancy', 10],
];

/** The scenario a seed gets when none is given. */
export function scenarioForSeed(seed: string | number): ScenarioName {
  return new Rng(seed).fork('scenario').weighted(SCENARIO_WEIGHTS);
}

const byStart = (a: { start: string; key: string }, b: { start: string; key: string }): number => {
  const ta = Date.parse(a.start);
  const tb = Date.parse(b.start);
  return ta !== tb ? ta - tb : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
};

/**
 * Builds a member's care over the five years before `asOf` (or since birth): who they are, their
 * conditions and allergies, and every care event with its provider from the directory, codes from the
 * terminology and billed charges. The same seed, scenario and asOf give the same timeline; events are
 * sorted by start time.
 */
export function buildTimeline(options: MemberOptions & { terminology: Terminology }): MemberTimeline {
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`buildTimeline: asOf must be YYYY-MM-DD, got ${asOf}`);
  const scenario = options.scenario ?? scenarioForSeed(options.seed);
  const story = SCENARIO[scenario];
  const rng = new Rng(options.seed);
  const person = buildPerson(rng.fork('person'), options.terminology, asOf, story.person);
  const b = new TimelineBuilder(rng.fork(`timeline:${scenario}`), options.terminology, options.directory, asOf, person);
  const pcp = story.build(b);
  const insurancePlans = options.directory.insurancePlans;
  if (insurancePlans.length === 0) throw new Error('buildTimeline: the directory has no insurance plans');
  const insurancePlan = rng.fork('insurance-plan').pick(insurancePlans);
  return {
    scenario,
    person,
    coverageStart: b.coverageStart,
    insurancePlan,
    primaryCare: pcp.practitioner,
    conditions: [...b.conditions].sort((x, y) =>
      x.onset < y.onset ? -1 : x.onset > y.onset ? 1 : x.key < y.key ? -1 : 1,
    ),
    allergies: b.allergies,
    events: [...b.events].sort(byStart),
    ...(b.carePlan ? { carePlan: b.carePlan } : {}),
    devices: b.devices,
  };
}
