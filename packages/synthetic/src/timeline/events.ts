import type {
  CareEvent,
  Coded,
  ConditionEntry,
  EventKind,
  MedicationEntry,
  ObservationEntry,
  ProcedureEntry,
} from '../model.ts';
import type { Rng } from '../rng.ts';
import { SYSTEMS } from '../terminology.ts';
import type { Provider, TimelineBuilder } from './builder.ts';
import { addDays, localDateTime } from './dates.ts';

export interface EventSpec {
  /** Stable label; becomes the event key. */
  label: string;
  kind: EventKind;
  claim: CareEvent['claim'];
  /** YYYY-MM-DD of the start. */
  date: string;
  provider: Provider;
  /** SNOMED CT code of the encounter type (a Coded is taken as is, e.g. the drug of a pharmacy fill). */
  encounterType: string | Coded;
  /** Start, in minutes after local midnight; drawn within clinic hours when absent. */
  startMinute?: number;
  /** Length in minutes (default 20 to 40); `days` makes it a stay ending on a later day. */
  minutes?: number;
  days?: number;
}

/** A billed amount drawn from a price range, in whole dollars unless the range is below a dollar. */
export function charge(rng: Rng, [min, max]: readonly [number, number], units = 1): number {
  const cents = max < 100 ? rng.int(min, max) : rng.int(Math.ceil(min / 100), Math.floor(max / 100)) * 100;
  return cents * units;
}

/** Human-readable unit for a UCUM code, as labs print it. */
const UNIT_TEXT: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  '{INR}': 'INR',
  'm[IU]/L': 'mIU/L',
  'm[IU]/mL': 'mIU/mL',
  'mL/min/{1.73_m2}': 'mL/min/1.73m2',
};

/**
 * One care event being filled in: diagnoses, billed procedures, observations, prescriptions, vaccines.
 * Every part gets a key under the event's key, so keys never depend on what other events hold.
 */
export class EventDraft {
  readonly key: string;
  readonly rng: Rng;
  readonly date: string;
  readonly #b: TimelineBuilder;
  readonly #spec: EventSpec;
  readonly #diagnoses: ConditionEntry[] = [];
  readonly #procedures: ProcedureEntry[] = [];
  readonly #observations: ObservationEntry[] = [];
  readonly #medications: MedicationEntry[] = [];
  readonly #immunizations: Coded[] = [];
  readonly #acute: ConditionEntry[] = [];
  #note: string | undefined;

  constructor(b: TimelineBuilder, spec: EventSpec) {
    this.#b = b;
    this.#spec = spec;
    this.key = b.key(spec.label);
    this.rng = b.rng.fork(`event:${this.key}`);
    this.date = spec.date;
  }

  /** Adds a diagnosis: an existing condition, or an ICD-10-CM code recorded for this event only. */
  dx(condition: ConditionEntry | string): this {
    if (typeof condition !== 'string') {
      this.#diagnoses.push(condition);
      return this;
    }
    const key = `${this.key}-dx-${condition}`;
    this.#diagnoses.push(this.#b.diagnosis(key, condition, this.date, { category: 'encounter-diagnosis' }));
    return this;
  }

  /** An acute problem diagnosed here that resolves after `days`; also listed among the member's conditions. */
  acute(icd: string, days: number): ConditionEntry {
    const entry = this.#b.diagnosis(`${this.key}-dx-${icd}`, icd, this.date, {
      abatement: addDays(this.date, days),
      category: 'encounter-diagnosis',
    });
    this.#acute.push(entry);
    this.#diagnoses.push(entry);
    return entry;
  }

  /** A billed CPT/HCPCS/CDT line, with an optional SNOMED CT code for the clinical Procedure. */
  bill(system: string, code: string, options: { snomed?: string; clinical?: boolean; units?: number } = {}): this {
    const concept = this.#b.terms.billing(system, code);
    // A hospital or surgery center charges its own (facility) rate for a code billed on its UB-04.
    const institutional = this.#spec.claim.endsWith('institutional');
    const range = institutional && concept.facilityPriceCents ? concept.facilityPriceCents : concept.priceCents;
    const units = options.units ?? 1;
    this.#procedures.push({
      key: `${this.key}-proc-${this.#procedures.length}`,
      billing: this.#b.code(system, code),
      ...(options.snomed ? { snomed: this.#b.code(SYSTEMS.snomed, options.snomed) } : {}),
      chargeCents: charge(this.rng, range, units),
      ...(units !== 1 ? { units } : {}),
      clinical: options.clinical ?? false,
    });
    return this;
  }

  cpt(code: string, options?: { snomed?: string; clinical?: boolean; units?: number }): this {
    return this.bill(SYSTEMS.cpt, code, options);
  }

  /** A numeric result, rounded as the lab reports it and flagged against the LOINC entry's range. */
  quantity(loinc: string, value: number): this {
    const c = this.#b.terms.loinc(loinc);
    if (!c.unit) throw new Error(`timeline: LOINC ${loinc} has no unit`);
    const factor = 10 ** (c.decimals ?? 1);
    const v = Math.round(value * factor) / factor;
    const interpretation = c.low !== undefined && v < c.low ? 'L' : c.high !== undefined && v > c.high ? 'H' : 'N';
    this.#observations.push({
      key: `${this.key}-obs-${this.#observations.length}`,
      code: this.#b.code(SYSTEMS.loinc, loinc),
      category: c.category === 'vital-signs' ? 'vital-signs' : 'laboratory',
      value: { kind: 'quantity', value: v, unit: UNIT_TEXT[c.unit] ?? c.unit, code: c.unit },
      ...(c.category === 'laboratory' && c.low !== undefined ? { low: c.low } : {}),
      ...(c.category === 'laboratory' && c.high !== undefined ? { high: c.high } : {}),
      ...(c.category === 'laboratory' && (c.low !== undefined || c.high !== undefined) ? { interpretation } : {}),
    });
    return this;
  }

  /** A result coded in SNOMED CT (smoking status, a qualitative test). */
  coded(loinc: string, snomed: string, category: ObservationEntry['category']): this {
    this.#observations.push({
      key: `${this.key}-obs-${this.#observations.length}`,
      code: this.#b.code(SYSTEMS.loinc, loinc),
      category,
      value: { kind: 'coded', value: this.#b.code(SYSTEMS.snomed, snomed) },
    });
    return this;
  }

  /** Blood pressure panel (85354-9) with its systolic and diastolic components. */
  bloodPressure(systolic: number, diastolic: number): this {
    const part = (loinc: string, value: number) => ({
      code: this.#b.code(SYSTEMS.loinc, loinc),
      value: Math.round(value),
      unit: 'mmHg',
      unitCode: 'mm[Hg]',
    });
    this.#observations.push({
      key: `${this.key}-obs-${this.#observations.length}`,
      code: this.#b.code(SYSTEMS.loinc, '85354-9'),
      category: 'vital-signs',
      value: { kind: 'components', components: [part('8480-6', systolic), part('8462-4', diastolic)] },
    });
    return this;
  }

  /** A prescription written at this event (or, on a pharmacy event, the fill dispensed). */
  prescribe(rxnorm: string, options: { daysSupply: number; refills: number; quantity?: number }): MedicationEntry {
    const drug = this.#b.terms.rxnorm(rxnorm);
    const ndc = this.#b.terms.ndcFor(rxnorm);
    const perDay = drug.unitsPerDay;
    const entry: MedicationEntry = {
      key: `${this.key}-med-${this.#medications.length}`,
      rxnorm: this.#b.code(SYSTEMS.rxnorm, rxnorm),
      ndc: this.#b.code(SYSTEMS.ndc, ndc.code),
      dosage: drug.sig,
      quantity: options.quantity ?? (perDay > 0 ? Math.ceil(perDay * options.daysSupply) : 1),
      unit: ndc.packageUnit,
      brand: ndc.brand,
      unitPriceCents: ndc.unitPriceCents,
      daysSupply: options.daysSupply,
      refills: options.refills,
    };
    this.#medications.push(entry);
    return entry;
  }

  /** A vaccine given, billed as the product code plus the administration code. */
  vaccinate(cvx: string, adminSystem: string, adminCode: string): this {
    const vaccine = this.#b.terms.cvx(cvx);
    this.#immunizations.push(this.#b.code(SYSTEMS.cvx, cvx));
    if (vaccine.cpt) this.cpt(vaccine.cpt);
    return this.bill(adminSystem, adminCode, { snomed: '33879002' });
  }

  note(text: string): this {
    this.#note = text;
    return this;
  }

  get diagnoses(): readonly ConditionEntry[] {
    return this.#diagnoses;
  }

  /** Adds the event to the timeline (unless it falls outside coverage) and returns it. */
  finish(): CareEvent | undefined {
    const b = this.#b;
    const spec = this.#spec;
    if (!b.covers(spec.date)) return undefined;
    const state = b.person.address.state;
    const startMinute = spec.startMinute ?? this.rng.int(8 * 4, 16 * 4) * 15;
    const days = spec.days ?? 0;
    let endDate = addDays(spec.date, days);
    if (endDate > b.asOf) endDate = b.asOf;
    const endMinute =
      days > 0 ? this.rng.int(10 * 4, 14 * 4) * 15 : startMinute + (spec.minutes ?? this.rng.int(20, 40));
    const start = localDateTime(spec.date, startMinute, state);
    // A stay that begins after midnight of asOf (admitted late from the ED) is outside the record.
    if (start.slice(0, 10) > b.asOf) return undefined;
    let end = localDateTime(
      days > 0 ? endDate : spec.date,
      days > 0 ? endMinute : Math.min(endMinute, 23 * 60 + 59),
      state,
    );
    // A stay cut short by asOf still ends after it starts.
    if (Date.parse(end) <= Date.parse(start)) end = localDateTime(spec.date, startMinute + 30, state);
    const encounterType =
      typeof spec.encounterType === 'string' ? b.code(SYSTEMS.snomed, spec.encounterType) : spec.encounterType;
    const event: CareEvent = {
      key: this.key,
      kind: spec.kind,
      claim: spec.claim,
      start,
      end,
      practitioner: spec.provider.practitioner,
      organization: spec.provider.organization,
      location: spec.provider.location,
      encounterType,
      diagnoses: [...this.#diagnoses],
      procedures: [...this.#procedures],
      observations: [...this.#observations],
      medications: [...this.#medications],
      immunizations: [...this.#immunizations],
      ...(this.#note ? { note: this.#note } : {}),
    };
    b.events.push(event);
    b.conditions.push(...this.#acute);
    return event;
  }
}

/** Starts an event draft. */
export function draft(b: TimelineBuilder, spec: EventSpec): EventDraft {
  return new EventDraft(b, spec);
}
