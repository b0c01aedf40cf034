import type { ExplanationOfBenefit } from 'fhir/r4';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderClaims } from './index.ts';
import { memberPatientId } from '../ids.ts';
import { DEFAULT_AS_OF, SCENARIOS } from '../model.ts';
import { SYSTEMS } from '../terminology.ts';
import { standInDirectory } from '../testing/claims-directory.ts';
import { claimKind, claimTotal, median, outside, pricedLines, type PricedLine } from '../testing/claims-prices.ts';
import { testTerminology } from '../testing/terminology.ts';
import { buildTimeline } from '../timeline/index.ts';

const terminology = testTerminology();
const directory = standInDirectory(terminology);
const SEEDS_PER_SCENARIO = 12;

let eobs: ExplanationOfBenefit[] = [];
let lines: PricedLine[] = [];

beforeAll(() => {
  eobs = SCENARIOS.flatMap((scenario) =>
    Array.from({ length: SEEDS_PER_SCENARIO }, (_, i) => {
      const seed = `prices-${scenario}-${i}`;
      const timeline = buildTimeline({ seed, scenario, asOf: DEFAULT_AS_OF, directory, terminology });
      const ctx = { patientId: memberPatientId(seed), asOf: DEFAULT_AS_OF, plan: directory.plan };
      return renderClaims(timeline, ctx).filter(
        (r): r is ExplanationOfBenefit => r.resourceType === 'ExplanationOfBenefit',
      );
    }),
  ).flat();
  lines = pricedLines(eobs);
});

const label = (l: PricedLine): string => `${l.eob.id} ${l.code}${l.revenue ? `/${l.revenue}` : ''}`;
const of = (codes: readonly string[]): PricedLine[] => lines.filter((l) => codes.includes(l.code));
type Fill = { eob: ExplanationOfBenefit; ndc: string; product: string; billed: number; brand: boolean };

/** Lines, claims or fills whose billed amount is outside [min, max] dollars, named for the failure message. */
const linesOutside = (ls: readonly PricedLine[], min: number, max: number): string[] =>
  outside(ls, (l) => l.submitted, min, max, label);
const claimsOutside = (claims: readonly ExplanationOfBenefit[], min: number, max: number): string[] =>
  outside(
    claims,
    (e) => claimTotal(e, 'submitted'),
    min,
    max,
    (e) => e.id ?? '',
  );
const fillsOutside = (fs: readonly Fill[], min: number, max: number): string[] =>
  outside(
    fs,
    (f) => f.billed,
    min,
    max,
    (f) => `${f.eob.id} ${f.ndc}`,
  );
/** Every pharmacy fill: its NDC and product name, billed amount, and whether the NDC is a brand product. */
const fills = (): Fill[] =>
  eobs
    .filter((e) => claimKind(e) === 'pharmacy')
    .map((eob) => {
      const coding = eob.item?.[0]?.productOrService.coding?.[0];
      const ndc = coding?.code ?? '';
      return {
        eob,
        ndc,
        product: coding?.display ?? '',
        billed: claimTotal(eob, 'submitted'),
        brand: terminology.concept(SYSTEMS.ndc, ndc).brand === true,
      };
    });

/** Generic maintenance drugs members refill, as their package names start. */
const MAINTENANCE = /^(24 HR )?(metformin|atorvastatin|lisinopril|amlodipine|furosemide)/i;

describe('claim amounts are plausible US commercial amounts', () => {
  it('prices a generic maintenance fill (metformin, a statin, lisinopril) at a few dollars, never $50', () => {
    const generic = fills().filter((f) => !f.brand && MAINTENANCE.test(f.product));
    expect(generic.length).toBeGreaterThan(100);
    expect(fillsOutside(generic, 2, 50)).toEqual([]);
    const metformin = generic.filter((f) => /metformin/i.test(f.product));
    expect(metformin.length).toBeGreaterThan(20);
    expect(median(metformin.map((f) => f.billed))).toBeLessThan(25);
  });

  it('prices brand fills (Eliquis, an Advair inhaler, a box of Lantus pens) far above generics', () => {
    const all = fills();
    const brand = all.filter((f) => f.brand);
    expect(brand.length).toBeGreaterThan(10);
    expect(fillsOutside(brand, 50, 5000)).toEqual([]);
    const generic = all.filter((f) => !f.brand).map((f) => f.billed);
    expect(median(brand.map((f) => f.billed))).toBeGreaterThan(20 * median(generic));
    const insulin = brand.filter((f) => f.ndc === '0088-2219-05');
    expect(insulin.length).toBeGreaterThan(0);
    expect(fillsOutside(insulin, 250, 600)).toEqual([]);
    const eliquis = brand.filter((f) => f.ndc === '0003-0894-21');
    expect(fillsOutside(eliquis, 500, 2500)).toEqual([]);
  });

  it('keeps the member share of a fill at or under the tier copay and the allowed amount under the bill', () => {
    const fill = eobs.filter((e) => claimKind(e) === 'pharmacy');
    const share = (e: ExplanationOfBenefit): number => claimTotal(e, 'paidbypatient');
    expect(outside(fill, share, 0, 60, (e) => e.id ?? '')).toEqual([]);
    expect(fill.filter((e) => claimTotal(e, 'eligible') > claimTotal(e, 'submitted')).map((e) => e.id)).toEqual([]);
  });

  it('bills an office visit (established-patient E/M) between $100 and $400', () => {
    const visits = of(['99212', '99213', '99214', '99215']);
    expect(visits.length).toBeGreaterThan(100);
    expect(linesOutside(visits, 70, 400)).toEqual([]);
    expect(median(of(['99213']).map((l) => l.submitted))).toBeGreaterThan(100);
    expect(linesOutside(of(['99385', '99386', '99395', '99396', '99391', '99392']), 150, 400)).toEqual([]);
  });

  it('bills office labs (HbA1c 83036, a metabolic panel) in the tens of dollars and an eye exam in the hundreds', () => {
    const professional = lines.filter((l) => claimKind(l.eob) === 'professional');
    const code = (c: string): PricedLine[] => professional.filter((l) => l.code === c);
    expect(linesOutside(code('83036'), 20, 100)).toEqual([]);
    expect(linesOutside(code('80053'), 25, 150)).toEqual([]);
    expect(linesOutside(of(['92014']), 100, 300)).toEqual([]);
  });

  it('bills an inpatient stay in the tens of thousands, room and board by the day', () => {
    const stays = eobs.filter((e) => claimKind(e) === 'institutional/inpatient');
    expect(stays.length).toBeGreaterThan(10);
    expect(claimsOutside(stays, 10_000, 100_000)).toEqual([]);
    const rooms = lines.filter((l) => l.revenue === '0120');
    expect(rooms.length).toBe(stays.length);
    expect(outside(rooms, (l) => l.submitted / l.units, 2_500, 5_000, label)).toEqual([]);
  });

  it('bills an emergency visit in the thousands, its facility level and imaging at hospital rates', () => {
    const visits = eobs.filter(
      (e) => claimKind(e) === 'institutional/outpatient' && lines.some((l) => l.eob === e && l.revenue === '0450'),
    );
    expect(visits.length).toBeGreaterThan(5);
    expect(claimsOutside(visits, 1_000, 20_000)).toEqual([]);
    expect(linesOutside(of(['71046']), 200, 1_000)).toEqual([]);
  });

  it('bills dental care (exams, cleanings, fillings) in the tens to hundreds of dollars', () => {
    const oral = eobs.filter((e) => claimKind(e) === 'oral');
    expect(oral.length).toBeGreaterThan(50);
    expect(linesOutside(of(['D0120', 'D1110', 'D1120', 'D0274']), 35, 200)).toEqual([]);
    expect(claimsOutside(oral, 50, 3_000)).toEqual([]);
  });

  it('shares costs within the plan design: member share within the allowed amount, a yearly deductible of $4,000 at most', () => {
    expect(lines.filter((l) => l.patient > l.allowed || l.allowed > l.submitted).map(label)).toEqual([]);
    const byMemberYear = new Map<string, number>();
    for (const e of eobs) {
      if (claimKind(e) === 'oral') continue;
      const key = `${e.patient.reference}|${e.billablePeriod?.start?.slice(0, 4)}`;
      byMemberYear.set(key, (byMemberYear.get(key) ?? 0) + claimTotal(e, 'deductible'));
    }
    expect([...byMemberYear.entries()].filter(([, d]) => d > 4_000)).toEqual([]);
  });
});
