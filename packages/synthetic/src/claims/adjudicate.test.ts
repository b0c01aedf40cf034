import { describe, expect, it } from 'vitest';
import { CostShareLedger, sumAmounts } from './adjudicate.ts';
import type { BenefitDesign, CostRule } from './benefits.ts';
import { costRuleFor, designBenefits } from './benefits.ts';
import { sampleTimeline } from '../testing/claims-timeline.ts';

const design: BenefitDesign = {
  highDeductible: false,
  deductible: 100000,
  outOfPocketMax: 300000,
  coinsurance: 0.2,
  copay: { primaryCare: 2500, specialist: 5000, emergency: 25000, genericRx: 1000, brandRx: 4500 },
  dental: { deductible: 5000, basicCoinsurance: 0.2, majorCoinsurance: 0.5 },
};

const line = (submitted: number, rule: CostRule, allowedRatio = 0.5) => ({ submitted, allowedRatio, rule });

describe('CostShareLedger', () => {
  it('pays a preventive visit in full', () => {
    const [a] = new CostShareLedger(design).adjudicate('2024', [line(30000, { kind: 'preventive' })]);
    expect(a).toMatchObject({ submitted: 30000, eligible: 15000, discount: 15000, patient: 0, paid: 15000 });
  });

  it('charges one office copay per claim and pays the other lines of the visit in full', () => {
    const rule: CostRule = { kind: 'copay', copay: 2500 };
    const lines = new CostShareLedger(design).adjudicate('2024', [line(24000, rule), line(6000, rule)]);
    expect(lines.map((l) => l.copay)).toEqual([2500, 0]);
    expect(lines.map((l) => l.patient)).toEqual([2500, 0]);
    expect(lines.map((l) => l.paid)).toEqual([9500, 3000]);
  });

  it('accumulates the deductible across claims of a year and starts it again in January', () => {
    const ledger = new CostShareLedger(design);
    const rule: CostRule = { kind: 'deductible' };
    const [first] = ledger.adjudicate('2024', [line(160000, rule)]);
    expect(first).toMatchObject({ eligible: 80000, deductible: 80000, coinsurance: 0, paid: 0 });
    const [second] = ledger.adjudicate('2024', [line(100000, rule)]);
    // 20,000 of deductible left, then 20% of the remaining 30,000.
    expect(second).toMatchObject({ eligible: 50000, deductible: 20000, coinsurance: 6000, paid: 24000 });
    const [nextYear] = ledger.adjudicate('2025', [line(100000, rule)]);
    expect(nextYear?.deductible).toBe(50000);
  });

  it('stops charging the member once the out-of-pocket maximum of the year is reached', () => {
    const ledger = new CostShareLedger(design);
    const rule: CostRule = { kind: 'deductible' };
    const stays = ledger.adjudicate('2024', [line(4000000, rule), line(4000000, rule), line(1000000, rule)]);
    const total = sumAmounts(stays);
    expect(total.patient).toBe(design.outOfPocketMax);
    expect(stays[2]).toMatchObject({ patient: 0, paid: 500000 });
    const [rx] = ledger.adjudicate('2024', [line(5000, { kind: 'rx', copay: 1000 })]);
    expect(rx?.copay).toBe(0);
  });

  it('pays dental cleanings in full and applies the dental deductible and 20% to fillings', () => {
    const lines = new CostShareLedger(design).adjudicate('2024', [
      line(11000, { kind: 'dental-preventive' }, 0.7),
      line(20000, { kind: 'dental-basic' }, 0.7),
    ]);
    expect(lines[0]).toMatchObject({ eligible: 7700, patient: 0 });
    expect(lines[1]).toMatchObject({ eligible: 14000, deductible: 5000, coinsurance: 1800, paid: 7200 });
  });

  it('never lets the member owe more than the allowed amount, even when the copay is larger', () => {
    const [cheap] = new CostShareLedger(design).adjudicate('2024', [line(1200, { kind: 'rx', copay: 1000 })]);
    expect(cheap).toMatchObject({ eligible: 600, copay: 600, paid: 0 });
  });
});

describe('designBenefits', () => {
  it('gives a member the same benefits on every run and a high-deductible product a bigger deductible', () => {
    const ppo = { reference: 'InsurancePlan/a', display: 'Acme Gold PPO' };
    const hdhp = { reference: 'InsurancePlan/b', display: 'Acme Bronze HDHP' };
    expect(designBenefits('p-1', ppo)).toEqual(designBenefits('p-1', ppo));
    expect(designBenefits('p-1', hdhp).deductible).toBeGreaterThan(designBenefits('p-1', ppo).deductible);
    expect([designBenefits('p-1', hdhp).highDeductible, designBenefits('p-1', ppo).highDeductible]).toEqual([
      true,
      false,
    ]);
    expect(designBenefits('p-1', ppo).outOfPocketMax).toBeGreaterThan(designBenefits('p-1', ppo).deductible);
  });
});

describe('costRuleFor', () => {
  const events = sampleTimeline().events;
  const byKey = (key: string) => events.find((e) => e.key === key)!;

  it('pays wellness in full, charges an office copay, and sends the ER doctor bill to the deductible', () => {
    expect(costRuleFor(byKey('well-1'), design, false)).toEqual({ kind: 'preventive' });
    expect(costRuleFor(byKey('office-1'), design, false)).toEqual({ kind: 'copay', copay: 2500 });
    expect(costRuleFor(byKey('er-1'), design, true)).toEqual({ kind: 'copay-deductible', copay: 25000 });
    expect(costRuleFor(byKey('er-1'), design, false)).toEqual({ kind: 'deductible' });
  });

  it('charges the specialist copay for a specialist and no copay at all on a high-deductible plan', () => {
    const office = byKey('office-1');
    const cardiology = {
      ...office,
      practitioner: {
        ...office.practitioner,
        specialty: {
          system: 'http://nucc.org/provider-taxonomy',
          code: '207RC0000X',
          display: 'Cardiovascular Disease Physician',
        },
      },
    };
    expect(costRuleFor(cardiology, design, false)).toEqual({ kind: 'copay', copay: 5000 });
    expect(costRuleFor(office, { ...design, highDeductible: true }, false)).toEqual({ kind: 'deductible' });
  });
});
