import { describe, expect, it } from 'vitest';
import { coverage, patient, rowValue } from '../../testing/fhir-fixtures.ts';
import { summarizeCoverage, summarizePatient } from './patient.ts';

describe('summarizePatient', () => {
  it('names the member with gender, birth date and member ID', () => {
    const s = summarizePatient(patient);
    expect(s.title).toBe('Lavonne Grace Bahringer');
    expect(s.subtitle).toBe('Female · born Mar 11, 1964 · Member ID M278763490');
    expect(s.date).toBe('1964-03-11');
  });

  it('lists contact details, address, language, race and ethnicity', () => {
    const s = summarizePatient(patient);
    expect(rowValue(s, 'Phone')).toBe('(734) 555-0160');
    expect(rowValue(s, 'Email')).toBe('lavonne_bahringer@example.net');
    expect(rowValue(s, 'Address')).toBe('992 Marlee Plain, Lansing, MI 48910');
    expect(rowValue(s, 'Language')).toBe('English (United States)');
    expect(rowValue(s, 'Race')).toBe('White');
    expect(rowValue(s, 'Ethnicity')).toBe('Not Hispanic or Latino');
    expect(rowValue(s, 'Status')).toBeUndefined();
  });

  it('says when the member has died and falls back to the id without a name', () => {
    const s = summarizePatient({ resourceType: 'Patient', id: 'p-1', deceasedDateTime: '2024-02-03' });
    expect(s.title).toBe('Patient p-1');
    expect(s.subtitle).toBe('Deceased Feb 3, 2024');
  });
});

describe('summarizeCoverage', () => {
  it('names the plan and its type, with status, period and payer', () => {
    const s = summarizeCoverage(coverage);
    expect(s.title).toBe('Redbud Choice PPO (Commercial Managed Care - PPO)');
    expect(s.subtitle).toBe('Active · since Jul 1, 2021 · Redbud Health Plan');
  });

  it('lists group, subscriber and the member cost shares in dollars or percent', () => {
    const s = summarizeCoverage(coverage);
    expect(rowValue(s, 'Group')).toBe('Cedar & Pine Home Builders #714815');
    expect(rowValue(s, 'Subscriber ID')).toBe('M278763490');
    expect(rowValue(s, 'Member costs')).toEqual([
      'GP Office Visit: $20.00',
      'Specialist Office Visit: $60.00',
      'Emergency: $150.00',
      'Copay Percentage: 20%',
      'Deductible: $2,000.00',
      'Maximum out of pocket: $5,000.00',
    ]);
  });
});
