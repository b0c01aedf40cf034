import { SYSTEMS } from '../../terminology.ts';
import type { Provider, TimelineBuilder } from '../builder.ts';
import { addDays, ageOn, weekdayOnOrAfter } from '../dates.ts';
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

/** Sick visits to the primary care office: a cold, strep throat, sinusitis, back pain, a sprain, a UTI. */
export function acuteVisits(b: TimelineBuilder, pcp: Provider, count: number): void {
  const r = b.rng.fork('acute');
  const kinds = ADULT.filter(
    (k) => (!k.female || b.person.sex === 'female') && (!k.adultsOnly || ageOn(b.person.birthDate, b.asOf) >= 18),
  );
  for (let i = 0; i < count; i++) {
    const kind = r.pick(kinds);
    const date = weekdayOnOrAfter(addDays(b.coverageStart, r.int(20, Math.max(21, daysIn(b) - 5))));
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
    if (kind.strepTest) d.cpt('87880');
    d.quantity('8310-5', kind.strepTest ? r.normal(38.4, 0.3) : r.normal(36.9, 0.3)).quantity(
      '8867-4',
      r.normal(80, 8),
    );
    const chosen = kind.antibiotic && r.chance(kind.antibiotic.rate) ? kind.antibiotic : undefined;
    // Penicillin-allergic members get azithromycin instead of amoxicillin.
    const rx =
      chosen && chosen.rxnorm === '308191' && penicillinAllergic(b) ? { ...chosen, rxnorm: '308460', days: 5 } : chosen;
    if (rx) d.prescribe(rx.rxnorm, { daysSupply: rx.days, refills: 1 });
    d.note(kind.note);
    if (d.finish() && rx) shortCourse(b, `acute-${i}-rx`, pcp, problem, date, rx.rxnorm, rx.days);
  }
}

function daysIn(b: TimelineBuilder): number {
  return Math.round((Date.parse(b.asOf) - Date.parse(b.coverageStart)) / 86_400_000);
}

/** Ear infections of a young child, treated with amoxicillin. */
export function earInfections(b: TimelineBuilder, pcp: Provider, count: number): void {
  const r = b.rng.fork('ear');
  for (let i = 0; i < count; i++) {
    const from =
      b.coverageStart > addDays(b.person.birthDate, 180) ? b.coverageStart : addDays(b.person.birthDate, 180);
    const until = addDays(b.person.birthDate, 8 * 365) < b.asOf ? addDays(b.person.birthDate, 8 * 365) : b.asOf;
    const span = Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000);
    if (span < 30) return;
    const date = weekdayOnOrAfter(addDays(from, r.int(0, span - 3)));
    const icd = r.pick(['H66.91', 'H66.92', 'H66.90']);
    const d = draft(b, {
      label: `ear-${i}`,
      kind: 'office',
      claim: 'professional',
      date,
      provider: pcp,
      encounterType: '185345009',
    });
    const problem = d.acute(icd, 10);
    d.cpt('99213').quantity('8310-5', r.normal(38.3, 0.4));
    const allergic = penicillinAllergic(b);
    const [rxnorm, days] = allergic ? ['308460', 5] : ['308182', 10];
    d.prescribe(rxnorm, { daysSupply: days, refills: 0 });
    d.note(
      `Fussy with ear pulling and fever for two days. Tympanic membrane red and bulging. Acute otitis media; ${allergic ? 'azithromycin for 5 days (penicillin allergy)' : 'amoxicillin for 10 days'}.`,
    );
    if (d.finish()) shortCourse(b, `ear-${i}-rx`, pcp, problem, date, rxnorm, days);
  }
}

/** The admin code for a vaccine given to an adult in an office. */
export const ADULT_VACCINE_ADMIN = { system: SYSTEMS.cpt, code: '90471' } as const;
