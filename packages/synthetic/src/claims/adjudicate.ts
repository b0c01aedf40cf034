import type { BenefitDesign, CostRule } from './benefits.ts';

/** One claim line before adjudication: the billed amount and the plan's contracted share of it. */
export interface LineCharge {
  /** Billed amount in cents. */
  submitted: number;
  /** Contracted (allowed) fraction of the billed amount, 0..1. */
  allowedRatio: number;
  rule: CostRule;
}

/**
 * The adjudicated amounts of one line, in cents. By construction
 * `submitted = eligible + discount + noncovered`, `patient = deductible + copay + coinsurance` and
 * `paid + patient = eligible`.
 */
export interface LineAmounts {
  submitted: number;
  eligible: number;
  discount: number;
  noncovered: number;
  deductible: number;
  copay: number;
  coinsurance: number;
  patient: number;
  paid: number;
}

interface YearTotals {
  deductible: number;
  outOfPocket: number;
  dentalDeductible: number;
}

/**
 * Running deductible and out-of-pocket totals per plan (calendar) year. Claims are adjudicated in
 * timeline order, so a member's January claims meet the deductible and December claims are paid in
 * full once the out-of-pocket maximum is reached.
 */
export class CostShareLedger {
  readonly #design: BenefitDesign;
  readonly #years = new Map<string, YearTotals>();

  constructor(design: BenefitDesign) {
    this.#design = design;
  }

  #year(year: string): YearTotals {
    let totals = this.#years.get(year);
    if (!totals) {
      totals = { deductible: 0, outOfPocket: 0, dentalDeductible: 0 };
      this.#years.set(year, totals);
    }
    return totals;
  }

  /** Adjudicates the lines of one claim serviced in `year` (YYYY) and records what the member owes. */
  adjudicate(year: string, lines: readonly LineCharge[]): LineAmounts[] {
    const totals = this.#year(year);
    const design = this.#design;
    let copayCharged = false;
    return lines.map((line) => {
      const eligible = Math.min(line.submitted, Math.round(line.submitted * line.allowedRatio));
      let rest = eligible;
      let copay = 0;
      let deductible = 0;
      let coinsurance = 0;
      const rule = line.rule;
      const dental = rule.kind.startsWith('dental-');
      if (rule.kind === 'rx' || ((rule.kind === 'copay' || rule.kind === 'copay-deductible') && !copayCharged)) {
        copay = Math.min(rule.copay, rest);
        rest -= copay;
        if (rule.kind !== 'rx') copayCharged = true;
      }
      const coinsuranceRate =
        rule.kind === 'deductible' || rule.kind === 'copay-deductible'
          ? design.coinsurance
          : rule.kind === 'dental-basic'
            ? design.dental.basicCoinsurance
            : rule.kind === 'dental-major'
              ? design.dental.majorCoinsurance
              : 0;
      if (rule.kind === 'deductible' || (rule.kind === 'copay-deductible' && copay === 0)) {
        deductible = Math.min(rest, Math.max(0, design.deductible - totals.deductible));
      } else if (rule.kind === 'dental-basic' || rule.kind === 'dental-major') {
        deductible = Math.min(rest, Math.max(0, design.dental.deductible - totals.dentalDeductible));
      }
      rest -= deductible;
      if (rule.kind !== 'copay-deductible' || copay === 0) coinsurance = Math.round(rest * coinsuranceRate);

      if (!dental) {
        // The out-of-pocket maximum caps what the member owes; coinsurance goes first, the deductible last.
        let excess = copay + deductible + coinsurance - Math.max(0, design.outOfPocketMax - totals.outOfPocket);
        for (const take of ['coinsurance', 'copay', 'deductible'] as const) {
          if (excess <= 0) break;
          const cut = Math.min(excess, take === 'coinsurance' ? coinsurance : take === 'copay' ? copay : deductible);
          if (take === 'coinsurance') coinsurance -= cut;
          else if (take === 'copay') copay -= cut;
          else deductible -= cut;
          excess -= cut;
        }
      }
      const patient = copay + deductible + coinsurance;
      if (dental) totals.dentalDeductible += deductible;
      else {
        totals.deductible += deductible;
        totals.outOfPocket += patient;
      }
      return {
        submitted: line.submitted,
        eligible,
        discount: line.submitted - eligible,
        noncovered: 0,
        deductible,
        copay,
        coinsurance,
        patient,
        paid: eligible - patient,
      };
    });
  }
}

/** Adds up line amounts per category (the EOB header totals). */
export function sumAmounts(lines: readonly LineAmounts[]): LineAmounts {
  const total: LineAmounts = {
    submitted: 0,
    eligible: 0,
    discount: 0,
    noncovered: 0,
    deductible: 0,
    copay: 0,
    coinsurance: 0,
    patient: 0,
    paid: 0,
  };
  for (const line of lines) {
    for (const key of Object.keys(total) as (keyof LineAmounts)[]) total[key] += line[key];
  }
  return total;
}
