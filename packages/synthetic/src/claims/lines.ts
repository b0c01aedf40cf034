import type { CodeableConcept } from 'fhir/r4';
import { concept, REVENUE, type RevenueKey, SYS } from './codes.ts';
import type { CareEvent, ProcedureEntry } from '../model.ts';
import type { Rng } from '../rng.ts';

/** A billable service of an event: its code and billed amount. */
export interface BilledService {
  code: CodeableConcept;
  /** The bare code, to pick revenue codes and dental schedules. */
  raw: string;
  chargeCents: number;
  /** Units on the line (days of room and board); 1 when absent. */
  units?: number;
  /** The revenue code of a line billed by revenue code alone (room and board, pharmacy, lab of a stay). */
  revenue?: RevenueKey;
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
    ...(p.units !== undefined ? { units: p.units } : {}),
  };
}

/** A UB-04 line with a revenue code and no procedure code: CARIN BB codes the product "not-applicable". */
const NOT_APPLICABLE = concept(
  'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  'not-applicable',
  'Not Applicable',
);

/** Chargemaster ranges (cents) of a community hospital: room and board per day, the rest per stay. */
const ROOM_AND_BOARD_PER_DAY = [280000, 450000] as const;
const STAY_CHARGES: Readonly<
  Record<'medical' | 'delivery' | 'cesarean', readonly (readonly [RevenueKey, number, number])[]>
> = {
  medical: [
    ['pharmacy', 150000, 450000],
    ['lab', 80000, 300000],
    ['radiology', 40000, 150000],
  ],
  delivery: [
    ['laborDelivery', 450000, 900000],
    ['pharmacy', 40000, 150000],
    ['lab', 30000, 100000],
  ],
  cesarean: [
    ['laborDelivery', 450000, 900000],
    ['operatingRoom', 700000, 1400000],
    ['pharmacy', 80000, 250000],
    ['lab', 30000, 100000],
  ],
};

/**
 * The facility lines of an inpatient stay, billed by revenue code as a hospital's UB-04 does: room and
 * board for each day, then pharmacy, laboratory, radiology, the delivery room and the operating room. They
 * carry most of a stay's charges; the procedure codes of the stay follow them.
 */
export function stayCharges(event: CareEvent, days: number, rng: Rng): BilledService[] {
  const nights = Math.max(1, days);
  const dollars = ([min, max]: readonly [number, number]): number =>
    rng.int(Math.ceil(min / 100), Math.floor(max / 100)) * 100;
  const kind =
    event.kind !== 'delivery'
      ? 'medical'
      : event.procedures.some((p) => p.billing.code === '59510')
        ? 'cesarean'
        : 'delivery';
  const line = (revenue: RevenueKey, chargeCents: number, units?: number): BilledService => ({
    code: NOT_APPLICABLE,
    raw: '',
    chargeCents,
    revenue,
    ...(units !== undefined ? { units } : {}),
  });
  return [
    line('roomBoard', dollars(ROOM_AND_BOARD_PER_DAY) * nights, nights),
    ...STAY_CHARGES[kind].map(([revenue, min, max]) => line(revenue, dollars([min, max]))),
  ];
}

/** The UB-04 revenue code of an institutional line, from the CPT/HCPCS range of its service. */
export function revenueFor(service: BilledService, event: CareEvent): CodeableConcept {
  const key = service.revenue ?? revenueKey(service.raw, event);
  const [code, display] = REVENUE[key];
  return concept(SYS.revenue, code, display);
}

function revenueKey(code: string, event: CareEvent): RevenueKey {
  if (/^J/.test(code)) return 'pharmacy';
  // HCPCS C17xx-C18xx are devices a hospital passes through (a pacemaker, a lead).
  if (/^C1[78]\d\d$/.test(code)) return 'implants';
  if (/^90[4-7]\d\d$/.test(code) || /^G000[89]$/.test(code)) return 'vaccine';
  const n = /^\d{5}$/.test(code) ? Number(code) : NaN;
  if (n >= 99281 && n <= 99285) return 'emergency';
  if (n >= 93000 && n <= 93010) return 'ekg';
  if (n >= 93303 && n <= 93356) return 'echocardiology';
  // A stay's room and delivery room have their own lines; physician visits and the obstetrician's global
  // fee on the hospital's bill are professional fees.
  if (n >= 99221 && n <= 99239) return 'professionalFees';
  if (n >= 59000 && n <= 59899) return 'professionalFees';
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
