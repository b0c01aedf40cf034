import type {
  AllergyEntry,
  CareEvent,
  Coded,
  ConditionEntry,
  DirectoryHandle,
  DirectoryRef,
  MemberTimeline,
  Person,
} from '../model.ts';
import type { Rng } from '../rng.ts';
import { SYSTEMS, type Terminology } from '../terminology.ts';
import { addDays, addYears, maxDate } from './dates.ts';

/** Who sees the member at an event: a practitioner and where they work. */
export interface Provider {
  practitioner: DirectoryRef;
  organization: DirectoryRef;
  location: DirectoryRef;
}

export type FacilityKind = 'hospital' | 'pharmacy' | 'lab' | 'clinic' | 'dental';

/**
 * The mutable state of one timeline while a scenario fills it. Providers are remembered by role so a
 * member keeps the same doctor, pharmacy and hospital; every draw is forked by a stable label.
 */
export class TimelineBuilder {
  readonly events: CareEvent[] = [];
  readonly conditions: ConditionEntry[] = [];
  readonly allergies: AllergyEntry[] = [];
  readonly devices: MemberTimeline['devices'] = [];
  carePlan: MemberTimeline['carePlan'];
  /** First day of the five-year window (the day after asOf five years earlier). */
  readonly windowStart: string;
  readonly coverageStart: string;
  readonly #keys = new Set<string>();
  readonly #providers = new Map<string, Provider>();

  constructor(
    readonly rng: Rng,
    readonly terms: Terminology,
    readonly directory: DirectoryHandle,
    readonly asOf: string,
    readonly person: Person,
  ) {
    this.windowStart = addDays(addYears(asOf, -5), 1);
    this.coverageStart = maxDate(this.windowStart, person.birthDate);
  }

  /** A key unique within the timeline; a repeated label is a bug in a scenario. */
  key(label: string): string {
    if (this.#keys.has(label)) throw new Error(`timeline: duplicate key ${label}`);
    this.#keys.add(label);
    return label;
  }

  /** Whether a day lies in the coverage period (coverage start through asOf). */
  covers(date: string): boolean {
    return date >= this.coverageStart && date <= this.asOf;
  }

  /** The member's practitioner in a role (the same one every time), of a NUCC specialty. */
  provider(role: string, specialty: string): Provider {
    const known = this.#providers.get(role);
    if (known) return known;
    const r = this.rng.fork(`provider:${role}`);
    const found = this.directory.practitioner(() => r.next(), specialty);
    this.#providers.set(role, found);
    return found;
  }

  /** A facility the member uses for a kind of care (the same one every time), staffed by `staff`. */
  facility(kind: FacilityKind, staff: Provider): Provider {
    const role = `facility:${kind}`;
    let known = this.#providers.get(role);
    if (!known) {
      const r = this.rng.fork(role);
      const { organization, location } = this.directory.facility(() => r.next(), kind);
      known = { practitioner: staff.practitioner, organization, location };
      this.#providers.set(role, known);
    }
    return { ...known, practitioner: staff.practitioner };
  }

  code(system: string, code: string): Coded {
    return this.terms.code(system, code);
  }

  /**
   * A problem-list (or health-concern) condition of the member, added to the timeline's conditions.
   * The SNOMED CT code comes from the ICD-10-CM entry's link unless given.
   */
  condition(
    icd: string,
    onset: string,
    options: { abatement?: string; snomed?: string; category?: ConditionEntry['category'] } = {},
  ): ConditionEntry {
    const entry = this.diagnosis(`cond-${icd}`, icd, onset, options);
    this.conditions.push(entry);
    return entry;
  }

  /** A ConditionEntry not added to the problem list (an encounter's reason, e.g. a Z-code). */
  diagnosis(
    key: string,
    icd: string,
    onset: string,
    options: { abatement?: string; snomed?: string; category?: ConditionEntry['category'] } = {},
  ): ConditionEntry {
    const concept = this.terms.icd10(icd);
    const snomed = options.snomed ?? concept.snomed;
    if (!snomed) throw new Error(`timeline: ICD-10-CM ${icd} has no SNOMED CT link`);
    return {
      key: this.key(key),
      icd10: this.code(SYSTEMS.icd10cm, icd),
      snomed: this.code(SYSTEMS.snomed, snomed),
      onset,
      ...(options.abatement ? { abatement: options.abatement } : {}),
      category: options.category ?? 'problem-list-item',
    };
  }
}
