/**
 * Test helper: the money of rendered EOBs in dollars, line by line and per claim, so price tests can state
 * plausible US commercial ranges per claim type and service.
 */
import type { ExplanationOfBenefit, ExplanationOfBenefitItem } from 'fhir/r4';

type Adjudicated = Pick<ExplanationOfBenefitItem, 'adjudication'>;

/** The amount of one adjudication category of a line, in dollars (0 when absent). */
export function lineAmount(item: Adjudicated, category: string): number {
  return item.adjudication?.find((a) => a.category.coding?.[0]?.code === category)?.amount?.value ?? 0;
}

/** The header total of one category, in dollars. */
export function claimTotal(eob: ExplanationOfBenefit, category: string): number {
  return eob.total?.find((t) => t.category.coding?.[0]?.code === category)?.amount?.value ?? 0;
}

/** A billed line: the claim it is on, its product code and revenue code, and its units. */
export interface PricedLine {
  eob: ExplanationOfBenefit;
  code: string;
  revenue: string;
  units: number;
  submitted: number;
  allowed: number;
  patient: number;
}

/** Every line of the EOBs with its money. */
export function pricedLines(eobs: readonly ExplanationOfBenefit[]): PricedLine[] {
  return eobs.flatMap((eob) =>
    (eob.item ?? []).map((item) => ({
      eob,
      code: item.productOrService.coding?.[0]?.code ?? '',
      revenue: item.revenue?.coding?.[0]?.code ?? '',
      units: item.quantity?.value ?? 1,
      submitted: lineAmount(item, 'submitted'),
      allowed: lineAmount(item, 'eligible'),
      patient: lineAmount(item, 'paidbypatient'),
    })),
  );
}

/** The claim type code (and institutional subtype) of an EOB: `pharmacy`, `institutional/inpatient`, ... */
export function claimKind(eob: ExplanationOfBenefit): string {
  const type = eob.type.coding?.[0]?.code ?? '';
  const sub = eob.subType?.coding?.[0]?.code;
  return sub ? `${type}/${sub}` : type;
}

/** The median of some numbers (0 for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Values outside [min, max], labelled, for an assertion that names what is off. */
export function outside<T>(
  items: readonly T[],
  value: (t: T) => number,
  min: number,
  max: number,
  label: (t: T) => string,
): string[] {
  return items.flatMap((t) => {
    const v = value(t);
    return v >= min && v <= max ? [] : [`${label(t)}: ${v}`];
  });
}
