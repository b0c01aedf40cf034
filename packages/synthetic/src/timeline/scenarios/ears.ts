import type { Rng } from '../../rng.ts';
import type { Provider, TimelineBuilder } from '../builder.ts';
import { shortCourse } from '../common.ts';
import { addDays, daysBetween, maxDate, minDate, weekdayOnOrAfter } from '../dates.ts';
import { draft } from '../events.ts';
import { tympanostomyTubes } from '../implants.ts';
import { SPECIALTY } from '../specialties.ts';
import { penicillinAllergic } from './allergies.ts';

/** One ear infection seen at the pediatrician's and treated with an antibiotic filled the same day. */
function earInfection(b: TimelineBuilder, pcp: Provider, label: string, date: string, r: Rng): boolean {
  const icd = r.pick(['H66.91', 'H66.92', 'H66.90']);
  const d = draft(b, { label, kind: 'office', claim: 'professional', date, provider: pcp, encounterType: '185345009' });
  const problem = d.acute(icd, 10);
  d.cpt('99213').quantity('8310-5', r.normal(38.3, 0.4));
  const allergic = penicillinAllergic(b);
  const [rxnorm, days] = allergic ? ['308460', 5] : ['308182', 10];
  d.prescribe(rxnorm, { daysSupply: days, refills: 0 });
  d.note(
    `Fussy with ear pulling and fever for two days. Tympanic membrane red and bulging. Acute otitis media; ${allergic ? 'azithromycin for 5 days (penicillin allergy)' : 'amoxicillin for 10 days'}.`,
  );
  if (!d.finish()) return false;
  shortCourse(b, `${label}-rx`, pcp, problem, date, rxnorm, days);
  return true;
}

/** Ear infections of a young child (from six months to eight years old), treated with amoxicillin. */
export function earInfections(b: TimelineBuilder, pcp: Provider, count: number): void {
  const r = b.rng.fork('ear');
  const from = maxDate(b.coverageStart, addDays(b.person.birthDate, 180));
  const until = minDate(addDays(b.person.birthDate, 8 * 365), b.asOf);
  const span = daysBetween(from, until);
  if (span < 30) return;
  for (let i = 0; i < count; i++) {
    earInfection(b, pcp, `ear-${i}`, weekdayOnOrAfter(addDays(from, r.int(0, span - 3))), r);
  }
}

/**
 * Recurrent ear infections of a baby or toddler (three in about three months after six months of age) and
 * the tympanostomy tubes that follow them. A child who was past that age when the record began had the
 * tubes before it; the record keeps them as an inactive device. Returns whether the course was in the record.
 */
export function recurrentOtitis(b: TimelineBuilder, pcp: Provider): boolean {
  const r = b.rng.fork('recurrent-otitis');
  const birth = b.person.birthDate;
  const from = maxDate(addDays(birth, 183), b.coverageStart);
  const to = minDate(addDays(birth, 3 * 365), addDays(b.asOf, -20));
  const span = daysBetween(from, to);
  if (span < 150) {
    tympanostomyTubes(b, addDays(birth, r.int(420, 700)), undefined);
    return false;
  }
  let day = addDays(from, r.int(0, span - 150));
  for (let i = 0; i < 3; i++) {
    earInfection(b, pcp, `aom-${i}`, weekdayOnOrAfter(day), r);
    day = addDays(day, r.int(35, 50));
  }
  const ent = b.provider('ent', SPECIALTY.otolaryngology);
  tympanostomyTubes(b, weekdayOnOrAfter(addDays(day, r.int(-14, 0))), ent);
  return true;
}
