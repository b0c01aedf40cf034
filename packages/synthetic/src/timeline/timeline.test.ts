import { describe, expect, it } from 'vitest';
import { DEFAULT_AS_OF, SCENARIOS, type Coded, type MemberTimeline, type ScenarioName } from '../model.ts';
import { testTerminology } from '../testing/terminology.ts';
import { addDays, addYears, ageOn } from './dates.ts';
import { buildTimeline, scenarioForSeed, SPECIALTIES_USED } from './index.ts';
import { testDirectory } from '../testing/timeline-directory.ts';

const terminology = testTerminology();
const build = (seed: string | number, scenario?: ScenarioName, asOf?: string): MemberTimeline =>
  buildTimeline({ seed, scenario, asOf, directory: testDirectory(), terminology });

/** Every Coded value anywhere in a timeline. */
function codedValues(value: unknown, out: Coded[] = []): Coded[] {
  if (Array.isArray(value)) for (const v of value) codedValues(v, out);
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.system === 'string' && typeof o.code === 'string' && typeof o.display === 'string')
      out.push(o as unknown as Coded);
    else for (const v of Object.values(o)) codedValues(v, out);
  }
  return out;
}

const SEEDS = Array.from({ length: 6 }, (_, i) => `t-${i}`);

describe('buildTimeline', () => {
  it('the same seed gives a deep-equal timeline, and a different seed a different person', () => {
    for (const scenario of SCENARIOS) {
      const a = build('same', scenario);
      expect(build('same', scenario)).toEqual(a);
      const other = build('other', scenario);
      expect(`${other.person.given.join(' ')} ${other.person.family} ${other.person.birthDate}`).not.toBe(
        `${a.person.given.join(' ')} ${a.person.family} ${a.person.birthDate}`,
      );
      expect(other.person.memberId).not.toBe(a.person.memberId);
    }
  });

  it('without a scenario the seed picks one, healthy most often, every scenario sometimes', () => {
    const counts = new Map<ScenarioName, number>();
    for (let i = 0; i < 400; i++) {
      const s = scenarioForSeed(i);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect(counts.size).toBe(SCENARIOS.length);
    const healthy = counts.get('healthy') ?? 0;
    for (const [s, n] of counts) if (s !== 'healthy') expect(healthy).toBeGreaterThan(n);
    expect(build(7).scenario).toBe(scenarioForSeed(7));
  });

  it('members are the ages their scenario describes on asOf', () => {
    const ranges: Record<ScenarioName, [number, number]> = {
      healthy: [20, 60],
      diabetes: [40, 75],
      pregnancy: [20, 40],
      pediatric: [1, 17],
      'elderly-multimorbid': [70, 90],
    };
    for (const scenario of SCENARIOS)
      for (const seed of SEEDS) {
        const t = build(seed, scenario);
        const age = ageOn(t.person.birthDate, DEFAULT_AS_OF);
        expect(age, `${scenario} ${seed}`).toBeGreaterThanOrEqual(ranges[scenario][0]);
        expect(age, `${scenario} ${seed}`).toBeLessThanOrEqual(ranges[scenario][1]);
      }
  });

  it('every event lies in the coverage window, never after asOf, and events are sorted by start', () => {
    const asOf = '2025-03-15';
    const windowStart = addDays(addYears(asOf, -5), 1);
    for (const scenario of SCENARIOS)
      for (const seed of SEEDS) {
        const t = build(seed, scenario, asOf);
        expect(t.coverageStart >= windowStart && t.coverageStart >= t.person.birthDate).toBe(true);
        expect(t.events.length).toBeGreaterThan(0);
        let previous = -Infinity;
        for (const e of t.events) {
          const start = Date.parse(e.start);
          expect(start).toBeGreaterThanOrEqual(previous);
          previous = start;
          expect(e.start.slice(0, 10) >= t.coverageStart, `${e.key} ${e.start}`).toBe(true);
          expect(e.end.slice(0, 10) <= asOf, `${e.key} ${e.end}`).toBe(true);
          expect(Date.parse(e.end)).toBeGreaterThan(start);
          expect(e.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-0[4-7]:00$/);
        }
        for (const c of t.conditions) expect(c.onset <= asOf).toBe(true);
      }
  });

  it('every code in a timeline exists in the terminology with the same display', () => {
    for (const scenario of SCENARIOS)
      for (const seed of SEEDS)
        for (const c of codedValues(build(seed, scenario))) {
          expect(terminology.code(c.system, c.code).display, `${c.system}|${c.code}`).toBe(c.display);
        }
  });

  it('keys are unique within a timeline and events reference the directory with the specialties used', () => {
    for (const scenario of SCENARIOS) {
      const directory = testDirectory();
      const t = buildTimeline({ seed: 'keys', scenario, directory, terminology });
      const keys = [
        ...t.events.flatMap((e) => [
          e.key,
          ...e.procedures.map((p) => p.key),
          ...e.observations.map((o) => o.key),
          ...e.medications.map((m) => m.key),
        ]),
        ...t.allergies.map((a) => a.key),
      ];
      expect(new Set(keys).size).toBe(keys.length);
      for (const specialty of directory.asked) expect(SPECIALTIES_USED).toContain(specialty);
      for (const e of t.events) {
        expect(e.practitioner.reference).toMatch(/^Practitioner\//);
        expect(e.organization.reference).toMatch(/^Organization\//);
        expect(e.location.reference).toMatch(/^Location\//);
      }
      expect(t.insurancePlan.reference).toMatch(/^InsurancePlan\//);
      expect(t.primaryCare.reference).toMatch(/^Practitioner\//);
    }
  });

  it('billed charges are positive whole cents, and visits bill an E/M or preventive code', () => {
    for (const scenario of SCENARIOS) {
      const t = build('charges', scenario);
      for (const e of t.events) {
        for (const p of e.procedures) expect(Number.isInteger(p.chargeCents) && p.chargeCents > 0).toBe(true);
        if (e.claim !== 'pharmacy') expect(e.procedures.length, e.key).toBeGreaterThan(0);
        else expect(e.medications.length).toBe(1);
      }
    }
  });

  it('building one timeline takes well under 100 ms', () => {
    build('warm-up', 'elderly-multimorbid');
    for (const scenario of SCENARIOS) {
      const started = performance.now();
      build('speed', scenario);
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});
