import type { ConditionEntry } from '../model.ts';
import { SYSTEMS } from '../terminology.ts';
import type { Provider, TimelineBuilder } from './builder.ts';
import { addDays, ageOn, daysBetween, maxDate, weekdayOnOrAfter } from './dates.ts';
import { draft, type EventDraft } from './events.ts';
import { SPECIALTY } from './specialties.ts';

/** One date a year (the same season each year) over the coverage period, on weekdays. */
export function yearly(b: TimelineBuilder, label: string, from = b.coverageStart): string[] {
  const r = b.rng.fork(`yearly:${label}`);
  const first = addDays(from, r.int(10, 300));
  const out: string[] = [];
  for (let day = first; day <= b.asOf; day = addDays(day, r.int(350, 380))) out.push(weekdayOnOrAfter(day));
  return out.filter((d) => b.covers(d));
}

/**
 * A flu shot each fall (September to mid-November) the member is covered and old enough, with `rate` uptake.
 * Everyone gets at least one in the record's last eligible season: an immunization history is never empty.
 */
export function fluShots(
  b: TimelineBuilder,
  giver: Provider,
  rate: number,
  admin: { system: string; code: string },
): void {
  const r = b.rng.fork('flu');
  const startYear = Number(b.coverageStart.slice(0, 4));
  const seasons: { year: number; date: string; taken: boolean }[] = [];
  for (let year = startYear; year <= Number(b.asOf.slice(0, 4)); year++) {
    const taken = r.chance(rate);
    const date = weekdayOnOrAfter(addDays(`${year}-09-10`, r.int(0, 65)));
    if (b.covers(date) && ageOn(b.person.birthDate, date) >= 1) seasons.push({ year, date, taken });
  }
  const last = seasons[seasons.length - 1];
  if (last && !seasons.some((s) => s.taken)) last.taken = true;
  for (const { year, date, taken } of seasons) {
    if (!taken) continue;
    const cvx = ageOn(b.person.birthDate, date) < 3 ? '150' : r.pick(['150', '158']);
    draft(b, {
      label: `flu-${year}`,
      kind: 'immunization',
      claim: 'professional',
      date,
      provider: giver,
      encounterType: '33879002',
      minutes: 15,
    })
      .dx('Z23')
      .vaccinate(cvx, admin.system, admin.code)
      .note(
        `Seasonal influenza vaccine given (CVX ${cvx}). Vaccine information statement reviewed; no immediate reaction observed.`,
      )
      .finish();
  }
}

/** Dental checkups about every six months for members who see a dentist. */
export function dentalCare(b: TimelineBuilder, child: boolean): void {
  const r = b.rng.fork('dental');
  if (!r.chance(child ? 0.75 : 0.65)) return;
  const dentist = b.provider('dentist', child ? SPECIALTY.pediatricDentist : SPECIALTY.generalDentist);
  const start = maxDate(b.coverageStart, addDays(b.person.birthDate, 365));
  let n = 0;
  for (let day = addDays(start, r.int(0, 170)); day <= b.asOf; day = addDays(day, r.int(170, 200))) {
    const date = weekdayOnOrAfter(day);
    const d = draft(b, {
      label: `dental-${n}`,
      kind: 'dental',
      claim: 'oral',
      date,
      provider: dentist,
      encounterType: '34043003',
      minutes: 50,
    });
    const findings = r.chance(0.12);
    d.dx(findings ? 'Z01.21' : 'Z01.20').bill(SYSTEMS.cdt, n === 0 ? 'D0150' : 'D0120', { clinical: false });
    d.bill(SYSTEMS.cdt, child ? 'D1120' : 'D1110', { clinical: true });
    if (n % 2 === 1) d.bill(SYSTEMS.cdt, 'D0274', { clinical: true });
    if (child) d.bill(SYSTEMS.cdt, 'D1206', { clinical: true });
    if (findings) d.bill(SYSTEMS.cdt, 'D2391', { clinical: true });
    d.note(
      findings
        ? 'Periodic exam and prophylaxis. Occlusal caries on a posterior tooth restored with composite. Oral hygiene instructions given.'
        : 'Periodic exam and prophylaxis. No caries or periodontal concerns. Recall in six months.',
    ).finish();
    n++;
  }
}

export interface FillPlan {
  label: string;
  rxnorm: string;
  prescriber: Provider;
  reason: ConditionEntry;
  from: string;
  to?: string;
  daysSupply: number;
  /** Chance a fill is a week or more late (members miss refills). */
  lateRate?: number;
}

/**
 * Pharmacy fills of a chronic drug from `from` to `to` (default asOf), one per days' supply, at the
 * member's pharmacy. Returns how many fills there were.
 */
export function fills(b: TimelineBuilder, plan: FillPlan): number {
  const r = b.rng.fork(`fills:${plan.label}`);
  const pharmacy = b.facility('pharmacy', plan.prescriber);
  const drug = b.code(SYSTEMS.rxnorm, plan.rxnorm);
  const end = plan.to ?? b.asOf;
  let made = 0;
  for (let day = maxDate(plan.from, b.coverageStart), n = 0; day <= end; n++) {
    const d = draft(b, {
      label: `${plan.label}-fill-${n}`,
      kind: 'pharmacy',
      claim: 'pharmacy',
      date: day,
      provider: pharmacy,
      encounterType: drug,
      minutes: 10,
    });
    d.dx(plan.reason).prescribe(plan.rxnorm, { daysSupply: plan.daysSupply, refills: 0 });
    if (d.finish()) made++;
    const late = r.chance(plan.lateRate ?? 0.1) ? r.int(7, 20) : r.int(-3, 3);
    day = addDays(day, plan.daysSupply + late);
  }
  return made;
}

/** A short course of a drug filled the day it is prescribed. */
export function shortCourse(
  b: TimelineBuilder,
  label: string,
  prescriber: Provider,
  reason: ConditionEntry,
  date: string,
  rxnorm: string,
  days: number,
): void {
  const pharmacy = b.facility('pharmacy', prescriber);
  const d = draft(b, {
    label,
    kind: 'pharmacy',
    claim: 'pharmacy',
    date,
    provider: pharmacy,
    encounterType: b.code(SYSTEMS.rxnorm, rxnorm),
    minutes: 10,
  });
  d.dx(reason).prescribe(rxnorm, { daysSupply: days, refills: 0 });
  d.finish();
}

/** Months of coverage in the window. */
export function coveredDays(b: TimelineBuilder): number {
  return daysBetween(b.coverageStart, b.asOf);
}

/** Smoking status observation with the SNOMED CT answer. */
export function smokingStatus(d: EventDraft, snomed: string): EventDraft {
  return d.coded('72166-2', snomed, 'social-history');
}
