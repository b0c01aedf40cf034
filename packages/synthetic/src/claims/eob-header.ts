import type { CodeableConcept, ExplanationOfBenefit, Reference } from 'fhir/r4';
import { C4BB_EOB_PROFILES } from '@plan-api/fhir';
import type { LineAmounts } from './adjudicate.ts';
import type { CostShareLedger } from './adjudicate.ts';
import type { BenefitDesign } from './benefits.ts';
import { concept, PLAN_ID_SYSTEMS, SYS } from './codes.ts';
import { totals, usd } from './eob-parts.ts';
import { memberResourceId } from '../ids.ts';
import type { CareEvent, DirectoryRef, MemberTimeline } from '../model.ts';
import { hash32, type Rng } from '../rng.ts';

/** What every EOB of one member shares. */
export interface ClaimsContext {
  patientId: string;
  asOf: string;
  plan: DirectoryRef;
  timeline: MemberTimeline;
  coverage: Reference;
  design: BenefitDesign;
  ledger: CostShareLedger;
}

/** The payer's processing dates of one claim (YYYY-MM-DD), all on or before asOf. */
export interface ClaimDates {
  start: string;
  end: string;
  received: string;
  created: string;
  paid: string;
  /** Times of day (UTC) for `created` and `meta.lastUpdated`. */
  createdTime: string;
  updatedTime: string;
}

/** One event being rendered as a claim. */
export interface EventClaim {
  event: CareEvent;
  /** Position of the event in the timeline: the EOB is `${patientId}-eob-${index}`. */
  index: number;
  rng: Rng;
  dates: ClaimDates;
}

export type EobProfile =
  'Inpatient-Institutional' | 'Outpatient-Institutional' | 'Professional-NonClinician' | 'Pharmacy' | 'Oral';

/** The exact C4BB canonical of a profile (from the shared profile list). */
export function eobProfile(name: EobProfile): string {
  const url = C4BB_EOB_PROFILES.find((p) => p.endsWith(`ExplanationOfBenefit-${name}`));
  if (!url) throw new Error(`no C4BB profile ${name}`);
  return url;
}

/** Adds days to a YYYY-MM-DD date (UTC arithmetic, no clock). */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

const minDate = (a: string, b: string): string => (a < b ? a : b);
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * When the payer received, adjudicated and paid the claim. Pharmacy claims are adjudicated at the
 * counter; medical claims arrive days after the visit and are paid within a few weeks. Dates never pass
 * asOf, so a record generated for a day contains nothing that happens after it.
 */
export function claimDates(event: CareEvent, asOf: string, rng: Rng): ClaimDates {
  const start = event.start.slice(0, 10);
  const end = minDate(event.end.slice(0, 10), asOf);
  const realTime = event.claim === 'pharmacy';
  const received = minDate(realTime ? start : addDays(end, rng.int(1, 10)), asOf);
  const created = minDate(realTime ? received : addDays(received, rng.int(3, 21)), asOf);
  const paid = minDate(addDays(created, realTime ? rng.int(7, 14) : rng.int(0, 4)), asOf);
  return {
    start,
    end,
    received,
    created,
    paid,
    createdTime: `${pad(rng.int(6, 11))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`,
    updatedTime: `${pad(rng.int(12, 20))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}`,
  };
}

/** The payer's unique claim number: year, day of year and 10 digits from the member and event. */
export function claimNumber(patientId: string, event: CareEvent, received: string): string {
  const year = Number(received.slice(0, 4));
  const dayOfYear =
    Math.round(
      (Date.UTC(year, Number(received.slice(5, 7)) - 1, Number(received.slice(8, 10))) - Date.UTC(year, 0, 1)) /
        86_400_000,
    ) + 1;
  const digits = String(hash32(`${patientId}:${event.key}`) >>> 0).padStart(10, '0');
  return `${year}${String(dayOfYear).padStart(3, '0')}${digits}`;
}

/** The header elements every C4BB EOB starts with, in resource order. */
export function eobHeader(
  ctx: ClaimsContext,
  claim: EventClaim,
  profile: EobProfile,
  type: CodeableConcept,
  provider: Reference,
  subType?: CodeableConcept,
): Omit<ExplanationOfBenefit, 'insurance'> {
  const { dates } = claim;
  return {
    resourceType: 'ExplanationOfBenefit',
    id: memberResourceId(ctx.patientId, 'eob', claim.index),
    meta: { lastUpdated: `${dates.paid}T${dates.updatedTime}Z`, profile: [eobProfile(profile)] },
    identifier: [
      {
        type: concept(SYS.c4bbIdentifierType, 'uc', 'Unique Claim ID'),
        system: PLAN_ID_SYSTEMS.claimId,
        value: claimNumber(ctx.patientId, claim.event, dates.received),
      },
    ],
    status: 'active',
    type,
    ...(subType ? { subType } : {}),
    use: 'claim',
    patient: { reference: `Patient/${ctx.patientId}` },
    billablePeriod: { start: dates.start, end: dates.end },
    created: `${dates.created}T${dates.createdTime}Z`,
    insurer: { reference: ctx.plan.reference, display: ctx.plan.display },
    provider,
    payee: { type: concept(SYS.payeeType, 'provider', 'Provider'), party: provider },
    outcome: 'complete',
  };
}

/** The focal insurance, the header totals and the payment, which close every EOB. */
export function eobClosing(
  ctx: ClaimsContext,
  claim: EventClaim,
  total: LineAmounts,
): Pick<ExplanationOfBenefit, 'insurance' | 'total' | 'payment'> {
  return {
    insurance: [{ focal: true, coverage: ctx.coverage }],
    total: totals(total),
    payment: {
      type: concept(SYS.c4bbPayerAdjudicationStatus, 'paid', 'Paid'),
      date: claim.dates.paid,
      amount: usd(total.paid),
    },
  };
}
