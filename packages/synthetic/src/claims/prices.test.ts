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
type Fill = {
  eob: ExplanationOfBenefit;
  ndc: string;
  product: string;
  billed: number;
  brand: boolean;
  /** Days of supply of the fill. */
  days: number;
};

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
        days: eob.supportingInfo?.find((s) => s.category.coding?.[0]?.code === 'dayssupply')?.valueQuantity?.value ?? 0,
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

  it('prices every generic fill at $1 to $40 per 30 days of supply (a short course per fill), metformin under $50 a month', () => {
    // A maintenance fill of 30 or 90 days is compared per 30 days; an antibiotic course as a whole.
    const perMonth = (f: Fill): Fill => (f.days >= 28 ? { ...f, billed: (f.billed * 30) / f.days } : f);
    const all = fills();
    expect(all.filter((f) => !(f.days > 0)).map((f) => f.eob.id)).toEqual([]);
    const generic = all.filter((f) => !f.brand).map(perMonth);
    expect(fillsOutside(generic, 1, 40)).toEqual([]);
    const metformin = generic.filter((f) => /metformin/i.test(f.product));
    expect(metformin.length).toBeGreaterThan(20);
    expect(fillsOutside(metformin, 2, 50)).toEqual([]);
    // A brand product costs tens of dollars a month at the least (a rescue inhaler) and up to about $1,000.
    expect(fillsOutside(all.filter((f) => f.brand).map(perMonth), 15, 1_000)).toEqual([]);
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

  it('bills every laboratory test (CPT 80000-89999) on an office claim at $10 to $200', () => {
    const labs = lines.filter((l) => claimKind(l.eob) === 'professional' && /^8\d{4}$/.test(l.code));
    expect(new Set(labs.map((l) => l.code)).size).toBeGreaterThan(8);
    expect(linesOutside(labs, 10, 200)).toEqual([]);
  });

  it('bills a professional claim (visit, labs, vaccines) under $2,500, a typical one in the low hundreds', () => {
    const professional = eobs.filter((e) => claimKind(e) === 'professional');
    expect(claimsOutside(professional, 0, 2_500)).toEqual([]);
    const median$ = median(professional.map((e) => claimTotal(e, 'submitted')));
    expect(median$).toBeGreaterThan(100);
    expect(median$).toBeLessThan(400);
  });

  it('bills an inpatient stay in the tens of thousands, room and board by the day', () => {
    const stays = eobs.filter((e) => claimKind(e) === 'institutional/inpatient');
    expect(stays.length).toBeGreaterThan(10);
    expect(claimsOutside(stays, 10_000, 100_000)).toEqual([]);
    const rooms = lines.filter((l) => l.revenue === '0120');
    expect(rooms.length).toBe(stays.length);
    expect(outside(rooms, (l) => l.submitted / l.units, 2_500, 5_000, label)).toEqual([]);
  });

  it('bills an emergency visit at $1,000 to $7,500: a low-acuity visit under $3,000, a full workup in the thousands', () => {
    const visits = eobs.filter(
      (e) => claimKind(e) === 'institutional/outpatient' && lines.some((l) => l.eob === e && l.revenue === '0450'),
    );
    expect(visits.length).toBeGreaterThan(5);
    expect(claimsOutside(visits, 1_000, 7_500)).toEqual([]);
    const level = (code: string): ExplanationOfBenefit[] =>
      visits.filter((e) => lines.some((l) => l.eob === e && l.code === code));
    expect(level('99283').length).toBeGreaterThan(0);
    expect(claimsOutside(level('99283'), 1_000, 3_000)).toEqual([]);
    expect(median(level('99285').map((e) => claimTotal(e, 'submitted')))).toBeLessThan(6_000);
    expect(linesOutside(of(['99283', '99284', '99285']), 1_000, 4_500)).toEqual([]);
    expect(linesOutside(of(['71046']), 200, 1_000)).toEqual([]);
  });

  it('bills dental care (exams, cleanings, fillings) in the tens to hundreds of dollars', () => {
    const oral = eobs.filter((e) => claimKind(e) === 'oral');
    expect(oral.length).toBeGreaterThan(50);
    expect(linesOutside(of(['D0120', 'D1110', 'D1120', 'D0274']), 35, 200)).toEqual([]);
    expect(claimsOutside(oral, 50, 3_000)).toEqual([]);
  });

  it('splits each claim type between plan and member plausibly: the plan pays most of what it allows, nothing is owed for a physical', () => {
    const share = (kind: string): { paid: number; patient: number; allowed: number }[] =>
      eobs
        .filter((e) => claimKind(e) === kind)
        .map((e) => ({
          paid: claimTotal(e, 'benefit'),
          patient: claimTotal(e, 'paidbypatient'),
          allowed: claimTotal(e, 'eligible'),
        }));
    const sum = (xs: { paid: number; allowed: number }[], k: 'paid' | 'allowed'): number =>
      xs.reduce((t, x) => t + x[k], 0);
    for (const kind of ['professional', 'institutional/inpatient', 'institutional/outpatient', 'pharmacy', 'oral']) {
      const xs = share(kind);
      expect(
        xs.filter((x) => Math.abs(x.paid + x.patient - x.allowed) > 0.011),
        kind,
      ).toEqual([]);
      // Across members and years the plan pays most of what it allows (deductibles and copays are the rest).
      expect(sum(xs, 'paid') / sum(xs, 'allowed'), kind).toBeGreaterThan(0.5);
    }
    // A stay costs the member at most the out-of-pocket maximum ($9,000 at most); the plan pays most of a typical one.
    const stays = share('institutional/inpatient');
    expect(stays.filter((x) => x.patient > 9_000)).toEqual([]);
    expect(median(stays.map((x) => x.paid / x.allowed))).toBeGreaterThan(0.6);
    const preventive = of(['99385', '99386', '99395', '99396', '99391', '99392', 'G0438', 'G0439']);
    expect(preventive.length).toBeGreaterThan(20);
    expect(preventive.filter((l) => l.patient !== 0).map(label)).toEqual([]);
  });

  it('shares costs within the plan design: member share within the allowed amount, a yearly deductible of $4,000 at most', () => {
    expect(lines.filter((l) => l.patient > l.allowed || l.allowed > l.submitted).map(label)).toEqual([]);
    const byMemberYear = new Map<string, number>();
    for (const e of eobs) {
      if (claimKind(e) === 'oral') continue;
      const key = `${e.patient.reference}|${e.billablePeriod?.start?.slice(0, 4)}`;
      byMemberYear.set(key, (byMemberYear.get(key) ?? 0) + claimTotal(e, 'deductible'));
    }
    // Summed in cents: dollar amounts added as floats can come to 4000.0000000000005.
    expect([...byMemberYear.entries()].filter(([, d]) => Math.round(d * 100) > 400_000)).toEqual([]);
  });
});
