import type { Rng } from '../rng.ts';
import type { EventDraft } from './events.ts';

/** A member's body and blood pressure, drawn once and drifting a little between visits. */
export interface Body {
  heightCm: number;
  bmi: number;
  systolic: number;
  diastolic: number;
  heartRate: number;
}

/** An adult body around a BMI and blood pressure typical of the scenario. */
export function adultBody(rng: Rng, sex: 'male' | 'female', bmi: number, systolic: number): Body {
  return {
    heightCm: sex === 'male' ? rng.normal(176, 7) : rng.normal(162.5, 6.5),
    bmi: Math.max(17.5, rng.normal(bmi, 3)),
    systolic: Math.max(98, rng.normal(systolic, 7)),
    diastolic: Math.max(58, rng.normal(systolic * 0.62, 5)),
    heartRate: rng.normal(72, 7),
  };
}

/** Height, weight, BMI, blood pressure and heart rate of an adult visit. */
export function adultVitals(d: EventDraft, body: Body, weightShiftKg = 0): void {
  const r = d.rng;
  const h = body.heightCm / 100;
  const weight = body.bmi * h * h + weightShiftKg + r.normal(0, 0.8);
  d.quantity('8302-2', body.heightCm)
    .quantity('29463-7', weight)
    .quantity('39156-5', weight / (h * h))
    .bloodPressure(body.systolic + r.normal(0, 6), body.diastolic + r.normal(0, 4))
    .quantity('8867-4', body.heartRate + r.normal(0, 5));
}

/** Comprehensive metabolic panel results (the analytes our LOINC list holds). */
export function metabolicPanel(d: EventDraft, o: { glucose: number; creatinine: number; egfr?: number }): void {
  const r = d.rng;
  d.quantity('2345-7', o.glucose)
    .quantity('2951-2', r.normal(140, 2))
    .quantity('2823-3', r.normal(4.3, 0.3))
    .quantity('2075-0', r.normal(103, 2))
    .quantity('2028-9', r.normal(25, 2))
    .quantity('3094-0', r.normal(o.creatinine * 12 + 3, 2))
    .quantity('2160-0', o.creatinine)
    .quantity('17861-6', r.normal(9.5, 0.3));
  if (o.egfr !== undefined) d.quantity('33914-3', o.egfr);
}

/** Lipid panel: total, triglycerides, HDL and a calculated LDL (Friedewald) that adds up. */
export function lipidPanel(d: EventDraft, o: { ldl: number; hdl: number; triglycerides: number }): void {
  const total = o.ldl + o.hdl + o.triglycerides / 5;
  d.quantity('2093-3', total).quantity('2571-8', o.triglycerides).quantity('2085-9', o.hdl).quantity('13457-7', o.ldl);
}

/** Complete blood count (WBC, RBC, hemoglobin, hematocrit, platelets). */
export function bloodCount(d: EventDraft, sex: 'male' | 'female', hemoglobin?: number): void {
  const r = d.rng;
  const hgb = hemoglobin ?? (sex === 'male' ? r.normal(14.8, 0.9) : r.normal(13.4, 0.8));
  d.quantity('6690-2', r.normal(6.8, 1.4))
    .quantity('789-8', hgb / 3)
    .quantity('718-7', hgb)
    .quantity('4544-3', hgb * 2.95)
    .quantity('777-3', r.normal(255, 45));
}

/** Estimated GFR (MDRD) of a creatinine for age and sex, as a lab reports it. */
export function egfr(creatinine: number, age: number, sex: 'male' | 'female'): number {
  const value = 175 * creatinine ** -1.154 * age ** -0.203 * (sex === 'female' ? 0.742 : 1);
  return Math.min(120, value);
}
