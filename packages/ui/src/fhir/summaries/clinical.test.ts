import { describe, expect, it } from 'vitest';
import { allergy, condition, encounter, immunization, procedure, rowValue } from '../../testing/fhir-fixtures.ts';
import {
  summarizeAllergyIntolerance,
  summarizeCondition,
  summarizeEncounter,
  summarizeImmunization,
  summarizeProcedure,
} from './clinical.ts';

describe('summarizeEncounter', () => {
  it('shows the visit type, class, start time and provider', () => {
    const s = summarizeEncounter(encounter);
    expect(s.title).toBe('Administration of vaccine to produce active immunity');
    expect(s.subtitle).toBe('Ambulatory · Sep 17, 2021, 11:30 AM · Columbus Primary Care Associates');
    expect(rowValue(s, 'Period')).toBe('Sep 17, 2021, 11:30 AM – 11:45 AM');
    expect(rowValue(s, 'Type')).toEqual(['Administration of vaccine to produce active immunity (SNOMED CT 33879002)']);
    expect(rowValue(s, 'Practitioners')).toEqual(['Steve V. Hansen, MD']);
  });

  it('falls back to the class when the encounter has no type', () => {
    const s = summarizeEncounter({
      resourceType: 'Encounter',
      status: 'finished',
      class: { code: 'EMER', display: 'emergency' },
    });
    expect(s.title).toBe('Emergency encounter');
    expect(s.date).toBeUndefined();
  });
});

describe('summarizeCondition', () => {
  it('shows the condition with status, verification and onset, and both codings', () => {
    const s = summarizeCondition(condition);
    expect(s.title).toBe('Hyperlipidemia');
    expect(s.subtitle).toBe('Active · confirmed · onset Sep 6, 2019');
    expect(s.date).toBe('2019-09-06');
    expect(rowValue(s, 'Codes')).toEqual([
      'Hyperlipidemia (SNOMED CT 55822004)',
      'Hyperlipidemia, unspecified (ICD-10-CM E78.5)',
    ]);
    expect(rowValue(s, 'Recorded')).toBe('Nov 23, 2021');
  });

  it('says when a condition resolved', () => {
    const s = summarizeCondition({ ...condition, abatementDateTime: '2022-05-01' });
    expect(s.subtitle).toContain('resolved May 1, 2022');
  });
});

describe('summarizeAllergyIntolerance', () => {
  it('shows the substance, status and recorded date', () => {
    const s = summarizeAllergyIntolerance(allergy);
    expect(s.title).toBe('No known allergy');
    expect(s.subtitle).toBe('Active · confirmed · Sep 17, 2021');
  });

  it('lists reactions with their severity and the criticality', () => {
    const s = summarizeAllergyIntolerance({
      ...allergy,
      code: { text: 'Penicillin' },
      criticality: 'high',
      reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'moderate' }],
    });
    expect(s.subtitle).toBe('Active · confirmed · high criticality · Sep 17, 2021');
    expect(rowValue(s, 'Reactions')).toEqual(['Hives (moderate)']);
  });
});

describe('summarizeImmunization', () => {
  it('shows the vaccine with its CVX code, date, location and lot', () => {
    const s = summarizeImmunization(immunization);
    expect(s.title).toBe('influenza, injectable, quadrivalent, contains preservative');
    expect(s.subtitle).toBe('Sep 17, 2021, 11:30 AM · completed · Columbus Primary Care Associates');
    expect(rowValue(s, 'Vaccine')).toEqual(['influenza, injectable, quadrivalent, contains preservative (CVX 158)']);
    expect(rowValue(s, 'Lot number')).toBe('JC9664');
    expect(rowValue(s, 'Expires')).toBe('Feb 19, 2022');
  });
});

describe('summarizeProcedure', () => {
  it('shows what was done, when, and by whom, with SNOMED and CPT codes', () => {
    const s = summarizeProcedure(procedure);
    expect(s.title).toBe('Ophthalmic examination and evaluation');
    expect(s.subtitle).toBe('Jan 10, 2022, 11:00 AM · completed · Howard S. Bradtke, MD');
    expect(rowValue(s, 'Codes')).toHaveLength(2);
    expect((rowValue(s, 'Codes') as string[])[1]).toMatch(/\(CPT 92014\)$/);
    expect(rowValue(s, 'Location')).toBe('Dibbert Family Practice - Cedar Blvd');
  });
});
