/**
 * Care plans beyond the chronic-disease ones the diabetes and heart failure stories write: preventive care
 * for a healthy adult, well-child care, the antenatal plan of a pregnancy and blood pressure management for
 * an older member. Goals are on measurements the record has (LOINC), so an app can chart progress.
 */
import type { CarePlanEntry, GoalEntry } from '../model.ts';
import { SYSTEMS } from '../terminology.ts';
import type { TimelineBuilder } from './builder.ts';
import { addYears, ageOn } from './dates.ts';

const SMOKES = new Set(['449868002', '428041000124106', '77176002']);

function goal(b: TimelineBuilder, loinc: string, target: string, due?: string): GoalEntry {
  return { description: b.code(SYSTEMS.loinc, loinc), target, ...(due ? { due } : {}) };
}

/**
 * A healthy adult's preventive plan: keep BMI under 25 and blood pressure normal, and quit smoking for a
 * member who smokes (US Core allows lifestyle goals on a measurement or in words).
 */
export function preventivePlan(b: TimelineBuilder, smoking: string): CarePlanEntry {
  const due = addYears(b.asOf, 1);
  return {
    title: 'Preventive care plan',
    goals: [
      goal(b, '39156-5', '< 25 kg/m2', due),
      goal(b, '8480-6', '< 120 mm[Hg]', due),
      ...(SMOKES.has(smoking) ? [goal(b, '72166-2', 'Quit smoking', due)] : []),
    ],
  };
}

/** A child's well-child plan: a healthy weight for age (BMI percentile from two years, weight-for-length before). */
export function wellChildPlan(b: TimelineBuilder): CarePlanEntry {
  const toddler = ageOn(b.person.birthDate, b.asOf) < 2;
  return {
    title: 'Well-child care plan',
    goals: [
      toddler ? goal(b, '77606-2', '< 98 %', addYears(b.asOf, 1)) : goal(b, '59576-9', '< 85 %', addYears(b.asOf, 1)),
    ],
  };
}

/**
 * The antenatal care plan of a pregnancy that ended in a delivery: completed, with its goals for weight
 * gain (by the pre-pregnancy BMI, as the National Academy of Medicine advises), blood pressure and, with
 * gestational diabetes, fasting glucose.
 */
export function antenatalPlan(
  b: TimelineBuilder,
  o: { start: string; delivery: string; bmi: number; gestationalDiabetes: boolean },
): CarePlanEntry {
  const gain =
    o.bmi < 25
      ? 'Gain 11 to 16 kg by delivery'
      : o.bmi < 30
        ? 'Gain 7 to 11 kg by delivery'
        : 'Gain 5 to 9 kg by delivery';
  const goals: GoalEntry[] = [
    { ...goal(b, '29463-7', gain, o.delivery), status: 'completed' },
    { ...goal(b, '8480-6', '< 140 mm[Hg]', o.delivery), status: 'completed' },
    ...(o.gestationalDiabetes
      ? [{ ...goal(b, '1558-6', '< 95 mg/dL', o.delivery), status: 'completed' as const }]
      : []),
  ];
  return {
    title: 'Routine antenatal care',
    category: b.code(SYSTEMS.snomed, '134435003'),
    status: 'completed',
    period: { start: o.start, end: o.delivery },
    goals,
  };
}

/** Blood pressure management of an older member with hypertension (a higher target at 80 and over). */
export function hypertensionPlan(b: TimelineBuilder): CarePlanEntry {
  const target = ageOn(b.person.birthDate, b.asOf) >= 80 ? '< 140 mm[Hg]' : '< 130 mm[Hg]';
  return {
    title: 'Hypertension management plan',
    goals: [goal(b, '8480-6', target, addYears(b.asOf, 1)), goal(b, '39156-5', '< 30 kg/m2', addYears(b.asOf, 1))],
  };
}
