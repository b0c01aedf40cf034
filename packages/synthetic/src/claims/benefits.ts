import type { CareEvent, DirectoryRef } from '../model.ts';
import { Rng } from '../rng.ts';

/** The member's cost sharing for one plan year, in cents. Coverage shows it; every EOB applies it. */
export interface BenefitDesign {
  /** A high-deductible (HSA-eligible) product: visits go to the deductible, no copays before it is met. */
  highDeductible: boolean;
  deductible: number;
  outOfPocketMax: number;
  /** Member share after the deductible, 0..1. */
  coinsurance: number;
  copay: { primaryCare: number; specialist: number; emergency: number; genericRx: number; brandRx: number };
  dental: { deductible: number; basicCoinsurance: number; majorCoinsurance: number };
}

/**
 * How the plan shares the cost of one claim: `preventive` is paid in full (ACA preventive care);
 * `copay` charges one copay for the visit and pays the rest; `copay-deductible` charges the copay then
 * applies deductible and coinsurance to the other lines; `deductible` applies deductible then
 * coinsurance; `rx` charges the tier copay per fill; `dental-*` follow the dental schedule.
 */
export type CostRule =
  | { kind: 'preventive' }
  | { kind: 'copay' | 'copay-deductible'; copay: number }
  | { kind: 'deductible' }
  | { kind: 'rx'; copay: number }
  | { kind: 'dental-preventive' | 'dental-basic' | 'dental-major' };

/** NUCC taxonomies of primary care: family, internal, general and geriatric medicine, pediatrics, NPs, PAs. */
const PRIMARY_CARE_TAXONOMY = new Set([
  '207Q00000X',
  '207QG0300X',
  '207R00000X',
  '207RG0300X',
  '208D00000X',
  '208000000X',
  '363L00000X',
  '363LF0000X',
  '363LP0200X',
  '363LA2200X',
  '363A00000X',
  '363AM0700X',
]);

/** The plan's benefit design for this member's product, the same on every run for the same member. */
export function designBenefits(patientId: string, plan: DirectoryRef): BenefitDesign {
  const rng = new Rng(patientId).fork('benefits');
  const name = plan.display.toLowerCase();
  // High-deductible products have bigger deductibles and no copays before the deductible is met.
  const hdhp = /hdhp|high deductible|bronze|hsa/.test(name);
  const deductible = hdhp ? rng.pick([300000, 350000, 400000]) : rng.pick([50000, 75000, 100000, 150000, 200000]);
  return {
    highDeductible: hdhp,
    deductible,
    outOfPocketMax: deductible + rng.pick([300000, 400000, 500000]),
    coinsurance: rng.pick([0.1, 0.2, 0.2, 0.3]),
    copay: {
      primaryCare: rng.pick([2000, 2500, 3000, 3500]),
      specialist: rng.pick([4000, 5000, 6000, 7500]),
      emergency: rng.pick([15000, 25000, 35000]),
      genericRx: rng.pick([500, 1000, 1500]),
      brandRx: rng.pick([3500, 4500, 6000]),
    },
    dental: { deductible: 5000, basicCoinsurance: 0.2, majorCoinsurance: 0.5 },
  };
}

/** The dental schedule of a CDT code: diagnostic/preventive (D0xxx, D1xxx), major (D2700-D6999) or basic. */
export function dentalRule(code: string): CostRule {
  const n = Number(code.replace(/^D/, ''));
  if (n < 2000) return { kind: 'dental-preventive' };
  if (n >= 2700 && n < 7000) return { kind: 'dental-major' };
  return { kind: 'dental-basic' };
}

/** The cost rule of a care event's claim. */
export function costRuleFor(event: CareEvent, design: BenefitDesign, institutional: boolean): CostRule {
  switch (event.kind) {
    case 'wellness':
    case 'immunization':
    case 'prenatal':
      return { kind: 'preventive' };
    case 'office': {
      if (design.highDeductible) return { kind: 'deductible' };
      const specialty = event.practitioner.specialty?.code ?? '';
      const pcp = specialty === '' || PRIMARY_CARE_TAXONOMY.has(specialty);
      return { kind: 'copay', copay: pcp ? design.copay.primaryCare : design.copay.specialist };
    }
    case 'emergency':
      // The ER copay is a facility charge; the ER physician's bill goes to deductible and coinsurance.
      return institutional && !design.highDeductible
        ? { kind: 'copay-deductible', copay: design.copay.emergency }
        : { kind: 'deductible' };
    case 'dental':
      return dentalRule(event.procedures[0]?.billing.code ?? 'D0120');
    case 'pharmacy':
      return { kind: 'rx', copay: design.copay.genericRx };
    default:
      return { kind: 'deductible' };
  }
}
