import type { Rng } from '../../rng.ts';
import { SYSTEMS } from '../../terminology.ts';
import type { TimelineBuilder } from '../builder.ts';
import { dentalCare, fluShots } from '../common.ts';
import { addDays, addMonths, ageOn, monthsOld, weekdayOnOrAfter } from '../dates.ts';
import { draft, type EventDraft } from '../events.ts';
import { SPECIALTY } from '../specialties.ts';
import { acuteVisits } from './acute.ts';
import { earInfections, recurrentOtitis } from './ears.ts';
import { wellChildPlan } from '../care-plans.ts';
import { addAllergies } from './allergies.ts';
import type { Scenario } from './types.ts';

/** Well-child visit ages in months (AAP Bright Futures), the newborn visit being month 0. */
const VISIT_MONTHS = [0, 1, 2, 4, 6, 9, 12, 15, 18, 24, 30, ...Array.from({ length: 15 }, (_, i) => 36 + i * 12)];

/** CVX codes given at each visit age (CDC child and adolescent schedule). */
const VACCINES: Record<number, readonly string[]> = {
  0: ['08'],
  1: ['08'],
  2: ['20', '10', '49', '133', '119'],
  4: ['20', '10', '49', '133', '119'],
  6: ['20', '10', '133', '08'],
  12: ['03', '21', '83', '49', '133'],
  15: ['20'],
  18: ['83'],
  48: ['20', '10', '03', '21'],
  132: ['115', '114', '165'],
  144: ['165'],
  192: ['114'],
};

/** Median (50th percentile) growth by age in months: weight kg, length/height cm, head circumference cm. */
const GROWTH: readonly (readonly [number, number, number, number])[] = [
  [0, 3.4, 49.9, 34.5],
  [1, 4.5, 54.7, 37.3],
  [2, 5.6, 58.4, 39.1],
  [4, 7.0, 63.9, 41.6],
  [6, 7.9, 67.6, 43.3],
  [9, 8.9, 72.0, 45.0],
  [12, 9.6, 75.7, 46.1],
  [15, 10.3, 79.1, 46.8],
  [18, 10.9, 82.3, 47.4],
  [24, 12.2, 87.1, 48.3],
  [30, 13.3, 91.9, 49.0],
  [36, 14.3, 96.1, 49.5],
  [48, 16.3, 103.3, 50.3],
  [60, 18.3, 110.0, 50.8],
  [72, 20.5, 116.0, 51.2],
  [96, 25.6, 127.0, 52.0],
  [120, 31.9, 138.0, 52.6],
  [144, 40.5, 149.0, 53.2],
  [168, 50.8, 163.0, 54.0],
  [192, 60.8, 173.0, 55.0],
  [216, 67.0, 176.0, 55.5],
];

function median(months: number): [number, number, number] {
  for (let i = 1; i < GROWTH.length; i++) {
    const hi = GROWTH[i];
    const lo = GROWTH[i - 1];
    if (hi && lo && months <= hi[0]) {
      const t = (months - lo[0]) / (hi[0] - lo[0]);
      return [lo[1] + t * (hi[1] - lo[1]), lo[2] + t * (hi[2] - lo[2]), lo[3] + t * (hi[3] - lo[3])];
    }
  }
  const last = GROWTH[GROWTH.length - 1] ?? [216, 67, 176, 55.5];
  return [last[1], last[2], last[3]];
}

/** Standard normal CDF as a percentile (Abramowitz-Stegun approximation). */
function percentile(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989423 * Math.exp((-z * z) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return Math.min(99, Math.max(1, Math.round(100 * (z > 0 ? 1 - p : p))));
}

/** Growth measurements of a child at a visit: the child keeps its own percentiles as it grows. */
function growthVitals(
  d: EventDraft,
  r: Rng,
  months: number,
  female: boolean,
  z: { weight: number; height: number },
): void {
  const [w, h, head] = median(months);
  const sexFactor = female ? 0.96 : 1;
  const weight = w * sexFactor * (1 + 0.11 * z.weight) + r.normal(0, 0.05 * Math.sqrt(w));
  const height = h * (female && months > 120 ? 0.97 : 1) * (1 + 0.04 * z.height);
  d.quantity('29463-7', weight).quantity('8302-2', height);
  if (months < 36)
    d.quantity('9843-4', head * sexFactor ** 0.5 * (1 + 0.03 * z.height)).quantity('8289-1', percentile(z.height));
  if (months < 24) d.quantity('77606-2', percentile(z.weight - z.height * 0.5));
  else d.quantity('39156-5', weight / (height / 100) ** 2).quantity('59576-9', percentile(z.weight - z.height * 0.5));
  d.quantity('8867-4', months < 12 ? r.normal(135, 10) : months < 72 ? r.normal(105, 10) : r.normal(82, 9));
}

function preventiveCode(months: number, first: boolean): string {
  const band = months < 12 ? 1 : months < 60 ? 2 : months < 144 ? 3 : 4;
  return `${first ? 9938 : 9939}${band}`;
}

function wellChild(b: TimelineBuilder, r: Rng, z: { weight: number; height: number }): void {
  const pcp = b.provider('pcp', SPECIALTY.pediatrics);
  let first = true;
  for (const months of VISIT_MONTHS) {
    const date = weekdayOnOrAfter(
      months === 0
        ? addDays(b.person.birthDate, r.int(3, 5))
        : addDays(addMonths(b.person.birthDate, months), r.int(0, 12)),
    );
    if (!b.covers(date)) continue;
    const days = Math.round((Date.parse(date) - Date.parse(b.person.birthDate)) / 86_400_000);
    const d = draft(b, {
      label: `well-child-${months}m`,
      kind: 'wellness',
      claim: 'professional',
      date,
      provider: pcp,
      encounterType: '410620009',
      minutes: 30,
    });
    d.dx(days < 8 ? 'Z00.110' : days <= 28 ? 'Z00.111' : r.chance(0.06) ? 'Z00.121' : 'Z00.129');
    d.cpt(preventiveCode(months, first));
    first = false;
    growthVitals(d, r, monthsOld(b.person.birthDate, date), b.person.sex === 'female', z);
    if ([9, 18, 30].includes(months)) d.cpt('96110', { clinical: true });
    // Vision screening at the Bright Futures ages from three years.
    if ([36, 48, 60, 72, 96, 120, 144, 180].includes(months)) d.cpt('99173', { clinical: true });
    // The first visit checks the jaundice every newborn has: a total bilirubin below the treatment line.
    if (months === 0) d.cpt('82247').quantity('1975-2', r.normal(9, 2.2));
    const vaccines = VACCINES[months] ?? [];
    if (vaccines.length > 0) d.dx('Z23');
    for (const cvx of vaccines) d.vaccinate(cvx, SYSTEMS.cpt, '90460');
    const age = ageOn(b.person.birthDate, date);
    d.note(
      `Well-child visit at ${months < 24 ? `${months} months` : `${age} years`}. Growing and developing normally; anticipatory guidance given.${vaccines.length > 0 ? ` Immunizations given: ${vaccines.length}.` : ''}`,
    ).finish();
  }
}

/**
 * A child (1 to 17) covered on a parent's policy: well-child visits at the AAP ages with the CDC vaccines
 * of each age, growth measurements that keep the child's percentiles, a newborn bilirubin and vision
 * screens, recurrent ear infections treated with amoxicillin that end in tympanostomy tubes (before the
 * record for an older child), strep throat and other sick visits, flu shots, dental checkups and a
 * well-child care plan.
 */
export const pediatric: Scenario = {
  // From one year: every child's record holds the first year of well-child care and the ear-tube history.
  person: { minAge: 1, maxAge: 17 },
  build(b) {
    const r = b.rng.fork('pediatric');
    const pcp = b.provider('pcp', SPECIALTY.pediatrics);
    const z = { weight: Math.max(-2, Math.min(2, r.normal(0, 1))), height: Math.max(-2, Math.min(2, r.normal(0, 1))) };
    addAllergies(b, 0.12);
    wellChild(b, r, z);
    if (!recurrentOtitis(b, pcp)) earInfections(b, pcp, r.int(0, 3));
    if (ageOn(b.person.birthDate, b.asOf) >= 5) acuteVisits(b, pcp, r.int(1, 2), { antibiotic: true });
    fluShots(b, pcp, 0.55, { system: SYSTEMS.cpt, code: '90460' });
    dentalCare(b, true);
    b.carePlan = wellChildPlan(b);
    return pcp;
  },
};
