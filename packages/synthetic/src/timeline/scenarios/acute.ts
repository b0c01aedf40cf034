import { SYSTEMS } from '../../terminology.ts';
import type { Provider, TimelineBuilder } from '../builder.ts';
import { addDays, addYears, ageOn, daysBetween, maxDate, weekdayOnOrAfter } from '../dates.ts';
import { draft } from '../events.ts';
import { shortCourse } from '../common.ts';
import { penicillinAllergic } from './allergies.ts';

interface AcuteKind {
  icd: string;
  days: number;
  /** Antibiotic course (RxNorm, days) when one is prescribed. */
  antibiotic?: { rxnorm: string; days: number; rate: number };
  strepTest?: boolean;
  note: string;
  adultsOnly?: boolean;
  female?: boolean;
}

const ADULT: readonly AcuteKind[] = [
  {
    icd: 'J06.9',
    days: 7,
    note: 'Three days of sore throat, congestion and cough. Afebrile, lungs clear. Supportive care.',
  },
  {
    icd: 'J02.0',
    days: 10,
    strepTest: true,
    antibiotic: { rxnorm: '308191', days: 10, rate: 1 },
    note: 'Sore throat with fever and tonsillar exudate. Rapid strep positive. Amoxicillin for 10 days.',
  },
  {
    icd: 'J01.90',
    days: 14,
    antibiotic: { rxnorm: '308191', days: 10, rate: 0.6 },
    note: 'Ten days of facial pressure and purulent nasal discharge. Treated for acute sinusitis.',
  },
  {
    icd: 'J20.9',
    days: 14,
    antibiotic: { rxnorm: '308460', days: 5, rate: 0.3 },
    note: 'Productive cough for a week, no fever, clear lungs on exam. Acute bronchitis; fluids and rest.',
  },
  {
    icd: 'M54.50',
    days: 30,
    adultsOnly: true,
    note: 'Low back pain after lifting, no red flags. Heat, stretching and NSAIDs as needed.',
  },
  {
    icd: 'S93.401A',
    days: 21,
    note: 'Inversion injury of the right ankle. Able to bear weight; no bony tenderness. RICE and an ankle brace.',
  },
  {
    icd: 'N39.0',
    days: 7,
    female: true,
    antibiotic: { rxnorm: '308191', days: 7, rate: 0.5 },
    note: 'Dysuria and frequency for two days. Urinalysis positive for leukocytes. Treated for uncomplicated cystitis.',
  },
];

/**
 * Sick visits to the primary care office: a cold, strep throat, sinusitis, back pain, a sprain, a UTI. With
 * `antibiotic`, the first visit is one that is treated with an antibiotic (for a child, strep throat at three
 * or older, when testing for it is indicated), so the record has at least one prescription.
 */
export function acuteVisits(
  b: TimelineBuilder,
  pcp: Provider,
  count: number,
  options: { antibiotic?: boolean } = {},
): void {
  const r = b.rng.fork('acute');
  const child = ageOn(b.person.birthDate, b.asOf) < 18;
  const kinds = ADULT.filter((k) => (!k.female || b.person.sex === 'female') && (!k.adultsOnly || !child));
  const treated = child ? kinds.filter((k) => k.strepTest) : kinds.filter((k) => k.antibiotic);
  for (let i = 0; i < count; i++) {
    const forced = options.antibiotic === true && i === 0;
    const kind = forced ? r.pick(treated) : r.pick(kinds);
    const from = forced && child ? maxDate(b.coverageStart, addYears(b.person.birthDate, 3)) : b.coverageStart;
    const date = weekdayOnOrAfter(addDays(from, r.int(20, Math.max(21, daysBetween(from, b.asOf) - 5))));
    const d = draft(b, {
      label: `acute-${i}`,
      kind: 'office',
      claim: 'professional',
      date,
      provider: pcp,
      encounterType: '185345009',
    });
    const problem = d.acute(kind.icd, kind.days);
    d.cpt(r.chance(0.7) ? '99213' : '99214');
    // The rapid strep test is read in the office: a positive antigen result (US Core lab Observation).
    if (kind.strepTest) d.cpt('87880').coded('78012-2', '10828004', 'laboratory');
    d.quantity('8310-5', kind.strepTest ? r.normal(38.4, 0.3) : r.normal(36.9, 0.3)).quantity(
      '8867-4',
      r.normal(80, 8),
    );
    const chosen = kind.antibiotic && (forced || r.chance(kind.antibiotic.rate)) ? kind.antibiotic : undefined;
    // Penicillin-allergic members get azithromycin instead of amoxicillin.
    const rx =
      chosen && chosen.rxnorm === '308191' && penicillinAllergic(b) ? { ...chosen, rxnorm: '308460', days: 5 } : chosen;
    if (rx) d.prescribe(rx.rxnorm, { daysSupply: rx.days, refills: 1 });
    d.note(kind.note);
    if (d.finish() && rx) shortCourse(b, `acute-${i}-rx`, pcp, problem, date, rx.rxnorm, rx.days);
  }
}

/** The admin code for a vaccine given to an adult in an office. */
export const ADULT_VACCINE_ADMIN = { system: SYSTEMS.cpt, code: '90471' } as const;
