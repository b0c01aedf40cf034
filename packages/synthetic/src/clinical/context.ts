/**
 * What every clinical renderer shares for one member: the timeline, the member's ids, references, dates and
 * deterministic randomness. Built once per renderClinical call; nothing here outlives it.
 */
import type { Meta, Reference, Resource } from 'fhir/r4';
import type { CareEvent, DirectoryRef, MemberTimeline } from '../model.ts';
import { memberResourceId } from '../ids.ts';
import { Rng } from '../rng.ts';

/** What the caller knows besides the timeline: the Patient id (rendered by the claims side) and the record end. */
export interface ClinicalContext {
  patientId: string;
  /** YYYY-MM-DD */
  asOf: string;
}

/**
 * Id abbreviations per resource kind. Each kind numbers its resources in timeline order, so an id depends only
 * on the timeline entries of that kind (adding an observation never renumbers encounters).
 */
export const ABBREV = {
  encounter: 'enc',
  problem: 'cond',
  diagnosis: 'dx',
  observation: 'obs',
  labReport: 'dr',
  noteReport: 'drn',
  medication: 'med',
  medicationRequest: 'rx',
  medicationDispense: 'disp',
  allergy: 'alg',
  immunization: 'imm',
  procedure: 'proc',
  document: 'doc',
  carePlan: 'cp',
  careTeam: 'ct',
  goal: 'goal',
  device: 'dev',
  provenance: 'prov',
} as const;

export type IdKind = keyof typeof ABBREV;

/** An event with its position in the timeline (events of every kind, pharmacy fills included). */
export interface IndexedEvent {
  event: CareEvent;
  index: number;
}

/** The shared state of one rendering. */
export class ClinicalScope {
  readonly timeline: MemberTimeline;
  readonly patientId: string;
  readonly asOf: string;
  readonly patient: Reference;
  readonly #rng: Rng;

  constructor(timeline: MemberTimeline, ctx: ClinicalContext) {
    this.timeline = timeline;
    this.patientId = ctx.patientId;
    this.asOf = ctx.asOf;
    const { given, family } = timeline.person;
    this.patient = { reference: `Patient/${ctx.patientId}`, display: [...given, family].join(' ') };
    this.#rng = new Rng(`${ctx.patientId}/clinical`);
  }

  /** The id of the n-th resource of a kind. */
  id(kind: IdKind, n: number): string {
    return memberResourceId(this.patientId, ABBREV[kind], n);
  }

  /** An independent random stream for one thing, stable however other things change. */
  rng(label: string): Rng {
    return this.#rng.fork(label);
  }

  /** A deterministic `urn:uuid:` for an identifier. */
  urn(label: string): string {
    return `urn:uuid:${this.rng(`urn:${label}`).uuid()}`;
  }

  /** `meta` claiming one profile, last updated at the given dateTime or date (never after the record's end). */
  meta(profile: string, updated: string): Meta {
    const lastUpdated = dayOf(updated) > this.asOf ? this.asOfInstant : toInstant(updated);
    return { lastUpdated, profile: [profile] };
  }

  /** The record's last moment: used for resources that describe the record as a whole. */
  get asOfInstant(): string {
    return `${this.asOf}T23:59:59Z`;
  }

  /** The last moment anything happened in the record (the latest event end, or asOf). */
  get lastActivity(): string {
    let latest = '';
    for (const event of this.timeline.events) if (event.end > latest) latest = event.end;
    return latest === '' ? this.asOfInstant : toInstant(latest);
  }

  /** Every non-pharmacy event (each is one Encounter), with its timeline position. */
  get encounterEvents(): IndexedEvent[] {
    const out: IndexedEvent[] = [];
    this.timeline.events.forEach((event, index) => {
      if (event.kind !== 'pharmacy') out.push({ event, index });
    });
    return out;
  }
}

/** The resource type a directory reference points at (`Practitioner/abc` -> `Practitioner`). */
export function refType(ref: DirectoryRef | Reference): string {
  return (ref.reference ?? '').split('/')[0] ?? '';
}

/** A plain Reference from a directory reference (npi and specialty are not FHIR Reference elements). */
export function dirRef(ref: DirectoryRef): Reference {
  return { reference: ref.reference, display: ref.display };
}

/** The YYYY-MM-DD of a date or dateTime. */
export function dayOf(dateTime: string): string {
  return dateTime.slice(0, 10);
}

/**
 * A FHIR instant from a date or dateTime: a date becomes noon UTC; a dateTime gains seconds and a zone when
 * it lacks them, as `instant` requires both.
 */
export function toInstant(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T12:00:00Z`;
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!m) return value;
  return `${m[1]}${m[2] ?? ':00'}${m[3] ?? 'Z'}`;
}

/** The date `days` after a YYYY-MM-DD date (calendar arithmetic in UTC, no clock). */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** A list builder that keeps rendered resources together with the event they came from. */
export class Rendered {
  readonly resources: Resource[] = [];
  /** References of the resources made at each event (by timeline index): Provenance targets. */
  readonly byEvent = new Map<number, Reference[]>();
  /** References of the resources that describe the record as a whole (problems, allergies, plans). */
  readonly record: Reference[] = [];

  /** Adds a resource made at an event (or for the record when `eventIndex` is undefined). */
  add(resource: Resource, eventIndex?: number): void {
    if (resource.id === undefined) throw new Error(`${resource.resourceType} rendered without an id`);
    this.resources.push(resource);
    const ref = { reference: `${resource.resourceType}/${resource.id}` };
    if (eventIndex === undefined) {
      this.record.push(ref);
      return;
    }
    const list = this.byEvent.get(eventIndex);
    if (list) list.push(ref);
    else this.byEvent.set(eventIndex, [ref]);
  }
}
