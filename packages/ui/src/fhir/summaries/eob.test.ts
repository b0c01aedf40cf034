import type { ExplanationOfBenefit } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { institutionalClaim, pharmacyClaim, professionalClaim, rowValue } from '../../testing/fhir-fixtures.ts';
import { summarizeExplanationOfBenefit } from './eob.ts';

describe('summarizeExplanationOfBenefit', () => {
  it('shows claim type, provider, billable period, submitted and paid amounts and the line count', () => {
    const s = summarizeExplanationOfBenefit(professionalClaim);
    expect(s.title).toBe('Professional claim · Columbus Primary Care Associates');
    expect(s.subtitle).toBe('Sep 17, 2021 · submitted $52.00 · paid $35.96 · 2 lines');
    expect(s.date).toBe('2021-09-17');
  });

  it('formats large institutional amounts with grouping and shows the sub-type and member share', () => {
    const s = summarizeExplanationOfBenefit(institutionalClaim);
    expect(s.subtitle).toBe('Apr 10, 2023 · submitted $23,760.00 · paid $11,830.13 · 2 lines');
    expect(rowValue(s, 'Claim type')).toBe('Institutional — Outpatient');
    expect(rowValue(s, 'Member pays')).toBe('$2,314.46');
    expect(rowValue(s, 'Diagnoses')).toEqual(['Atrioventricular block, complete']);
  });

  it('names a pharmacy claim by its drug and moves the pharmacy to the second line', () => {
    const s = summarizeExplanationOfBenefit(pharmacyClaim);
    expect(s.title).toBe('Pharmacy claim · metFORMIN hydrochloride 500 MG Oral Tablet [Glucophage]');
    expect(s.subtitle).toBe('Nov 23, 2021 · Columbus Community Pharmacy · submitted $1,118.39 · paid $869.63 · 1 line');
    expect(rowValue(s, 'Member pays')).toBe('$35.00');
  });

  it('lists each line with its service and submitted amount', () => {
    const lines = rowValue(summarizeExplanationOfBenefit(professionalClaim), 'Lines (2)');
    expect(lines).toHaveLength(2);
    expect(lines?.[0]).toBe(
      'Influenza virus vaccine, quadrivalent (IIV4), split virus, 0.5 mL dosage, for intramuscular use — $18.00',
    );
  });

  it('takes the paid amount from the totals when there is no payment, and names a bare claim', () => {
    const eob: ExplanationOfBenefit = {
      ...professionalClaim,
      payment: undefined,
      type: { coding: [] },
      provider: { reference: 'Organization/org-7' },
      total: [
        { category: { coding: [{ code: 'submitted' }] }, amount: { value: 100, currency: 'USD' } },
        { category: { coding: [{ code: 'benefit' }] }, amount: { value: 80, currency: 'USD' } },
      ],
      item: [],
    };
    const s = summarizeExplanationOfBenefit(eob);
    expect(s.title).toBe('Claim · Organization/org-7');
    expect(s.subtitle).toBe('Sep 17, 2021 · submitted $100.00 · paid $80.00 · 0 lines');
    expect(rowValue(s, 'Lines (0)')).toBeUndefined();
  });
});
