import type { CodeableConcept } from 'fhir/r4';
import { concept, REVENUE, type RevenueKey, SYS } from './codes.ts';
import type { CareEvent, ProcedureEntry } from '../model.ts';

/** A billable service of an event: its code and billed amount. */
export interface BilledService {
  code: CodeableConcept;
  /** The bare code, to pick revenue codes and dental schedules. */
  raw: string;
  chargeCents: number;
}

const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const CPT = 'http://www.ama-assn.org/go/cpt';

/**
 * Codes billed when an event lists no procedure: a routine visit of the claim's kind. Timelines normally
 * list every billed service; this keeps a claim valid (CARIN BB requires at least one line) if not.
 */
const ROUTINE_SERVICE = {
  institutional: [HCPCS, 'G0463', 'Hospital outpatient clinic visit for assessment and management of a patient', 18000],
  professional: [
    CPT,
    '99213',
    'Office or other outpatient visit for the evaluation and management of an established patient, which requires a medically appropriate history and/or examination and low level of medical decision making',
    15500,
  ],
  oral: ['http://www.ada.org/cdt', 'D0120', 'periodic oral evaluation - established patient', 6500],
} as const;

/** The billed services of an event (its procedures), or one routine visit if it lists none. */
export function billedServices(event: CareEvent, kind: keyof typeof ROUTINE_SERVICE): BilledService[] {
  if (event.procedures.length > 0) return event.procedures.map(toService);
  const [system, code, display, cents] = ROUTINE_SERVICE[kind];
  return [{ code: concept(system, code, display), raw: code, chargeCents: cents }];
}

function toService(p: ProcedureEntry): BilledService {
  return {
    code: concept(p.billing.system, p.billing.code, p.billing.display),
    raw: p.billing.code,
    chargeCents: p.chargeCents,
  };
}

/** The UB-04 revenue code of an institutional line, from the CPT/HCPCS range of its service. */
export function revenueFor(service: BilledService, event: CareEvent): CodeableConcept {
  const key = revenueKey(service.raw, event);
  const [code, display] = REVENUE[key];
  return concept(SYS.revenue, code, display);
}

function revenueKey(code: string, event: CareEvent): RevenueKey {
  if (/^J/.test(code)) return 'pharmacy';
  if (/^90[4-7]\d\d$/.test(code) || /^G000[89]$/.test(code)) return 'vaccine';
  const n = /^\d{5}$/.test(code) ? Number(code) : NaN;
  if (n >= 99281 && n <= 99285) return 'emergency';
  if (n >= 99221 && n <= 99239) return 'roomBoard';
  if (n >= 59000 && n <= 59899) return 'laborDelivery';
  if (n >= 80000 && n <= 89999) return 'lab';
  if (n >= 70000 && n <= 79999) return 'radiology';
  if (n >= 10000 && n <= 69999) return event.kind === 'inpatient' ? 'operatingRoom' : 'ambulatorySurgery';
  if (event.kind === 'emergency') return 'emergency';
  if (event.kind === 'inpatient' || event.kind === 'delivery') return 'roomBoard';
  return 'clinic';
}

/** Whole years of age on a date. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}
