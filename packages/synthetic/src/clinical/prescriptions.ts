/**
 * The prescriptions of a record. Each visit's prescriptions are written there; a pharmacy fill that no valid
 * prescription covers implies one (written before the record starts, renewed by phone, or by a prescriber
 * outside the plan's network), so every fill has the order that authorized it.
 */
import type { DirectoryRef, MedicationEntry } from '../model.ts';
import { type ClinicalScope, addDays, dayOf } from './context.ts';

/** A prescription is good for a year, as most states allow for non-controlled drugs. */
const VALID_DAYS = 365;

export interface PlannedRx {
  id: string;
  /** The event whose medication entry describes the drug (the visit, or the fill for an implied order). */
  eventIndex: number;
  medIndex: number;
  rxnorm: string;
  /** YYYY-MM-DD */
  authoredOn: string;
  /** Last day a fill can be made on it (YYYY-MM-DD). */
  validUntil: string;
  /** True when no visit of the record wrote it. */
  implied: boolean;
  prescriber: DirectoryRef;
}

/** The refills a prescription allows: what the supply needs, at most a year's worth. */
export function repeatsAllowed(med: MedicationEntry): number {
  const perYear = Math.max(Math.floor(VALID_DAYS / Math.max(med.daysSupply, 1)), 1);
  return Math.max(Math.min(med.refills, perYear) - 1, 0);
}

/** The prescription a fill of a drug on a day is made on: the latest one still valid that day. */
export function authorizingRx(prescriptions: readonly PlannedRx[], rxnorm: string, day: string): PlannedRx | undefined {
  let found: PlannedRx | undefined;
  for (const rx of prescriptions) {
    if (rx.rxnorm !== rxnorm || rx.authoredOn > day || rx.validUntil < day) continue;
    if (!found || rx.authoredOn >= found.authoredOn) found = rx;
  }
  return found;
}

/** Every prescription of the record, visits' first (in timeline order), then the ones fills imply. */
export function planPrescriptions(scope: ClinicalScope): PlannedRx[] {
  const out: PlannedRx[] = [];
  const next = (): string => scope.id('medicationRequest', out.length);
  for (const { event, index } of scope.encounterEvents) {
    const authoredOn = dayOf(event.start);
    event.medications.forEach((med, medIndex) => {
      out.push({
        id: next(),
        eventIndex: index,
        medIndex,
        rxnorm: med.rxnorm.code,
        authoredOn,
        validUntil: addDays(authoredOn, VALID_DAYS),
        implied: false,
        prescriber: event.practitioner,
      });
    });
  }
  scope.timeline.events.forEach((event, index) => {
    if (event.kind !== 'pharmacy') return;
    const day = dayOf(event.start);
    event.medications.forEach((med, medIndex) => {
      if (authorizingRx(out, med.rxnorm.code, day)) return;
      // A renewal comes from whoever prescribed the drug before; a first order from the claim's prescriber.
      const earlier = out.filter((rx) => rx.rxnorm === med.rxnorm.code && rx.authoredOn <= day).pop();
      out.push({
        id: next(),
        eventIndex: index,
        medIndex,
        rxnorm: med.rxnorm.code,
        authoredOn: day,
        validUntil: addDays(day, VALID_DAYS),
        implied: true,
        prescriber: earlier?.prescriber ?? event.practitioner,
      });
    });
  });
  return out;
}
