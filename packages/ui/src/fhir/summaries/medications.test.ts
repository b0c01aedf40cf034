import { describe, expect, it } from 'vitest';
import { medication, medicationDispense, medicationRequest, rowValue } from '../../testing/fhir-fixtures.ts';
import { summarizeMedication, summarizeMedicationDispense, summarizeMedicationRequest } from './medications.ts';

describe('summarizeMedicationRequest', () => {
  it('shows the drug, date written, status and prescriber', () => {
    const s = summarizeMedicationRequest(medicationRequest);
    expect(s.title).toBe('metFORMIN hydrochloride 500 MG Oral Tablet');
    expect(s.subtitle).toBe('Nov 23, 2021, 12:30 PM · completed · Steve V. Hansen, MD');
  });

  it('lists dosage, quantity, refills and supply', () => {
    const s = summarizeMedicationRequest(medicationRequest);
    expect(rowValue(s, 'Dosage')).toEqual(['Take 1 tablet by mouth twice daily with meals']);
    expect(rowValue(s, 'Quantity')).toBe('60 tablet');
    expect(rowValue(s, 'Refills')).toBe('10');
    expect(rowValue(s, 'Supply')).toBe('30 days');
  });

  it('builds a dosage line from dose, timing and route when there is no text', () => {
    const s = summarizeMedicationRequest({
      ...medicationRequest,
      medicationReference: undefined,
      medicationCodeableConcept: {
        coding: [
          {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            code: '197361',
            display: 'amLODIPine 5 MG Oral Tablet',
          },
        ],
      },
      dosageInstruction: [
        {
          doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }],
          timing: { code: { text: 'QD' } },
          route: { text: 'Oral route' },
        },
      ],
    });
    expect(s.title).toBe('amLODIPine 5 MG Oral Tablet');
    expect(rowValue(s, 'Medication')).toEqual(['amLODIPine 5 MG Oral Tablet (RxNorm 197361)']);
    expect(rowValue(s, 'Dosage')).toEqual(['1 tablet QD Oral route']);
  });
});

describe('summarizeMedicationDispense', () => {
  it('shows the fill date, quantity, days of supply and pharmacy', () => {
    const s = summarizeMedicationDispense(medicationDispense);
    expect(s.title).toBe('metFORMIN hydrochloride 500 MG Oral Tablet');
    expect(s.subtitle).toBe('Nov 23, 2021, 9:10 AM · 60 tablet · 30 days supply · Columbus Community Pharmacy');
    expect(s.date).toBe('2021-11-23T09:10:00-05:00');
    expect(rowValue(s, 'Fill')).toBe('First Fill');
  });
});

describe('summarizeMedication', () => {
  it('shows the drug with its RxNorm and NDC codes', () => {
    const s = summarizeMedication(medication);
    expect(s.title).toBe('metFORMIN hydrochloride 500 MG Oral Tablet');
    expect(s.subtitle).toBe('RxNorm 861007 · NDC 0087-6060-05 · active');
    expect(rowValue(s, 'Codes')).toEqual([
      'metFORMIN hydrochloride 500 MG Oral Tablet (RxNorm 861007)',
      'metFORMIN hydrochloride 500 MG Oral Tablet [Glucophage] (NDC 0087-6060-05)',
    ]);
  });
});
