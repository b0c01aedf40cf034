import { describe, expect, it } from 'vitest';
import { bundleFileName, initials, patientFacts, resourceTotal, scenarioLabel } from './patient-labels.ts';

describe('patient labels', () => {
  it('names scenarios as the Initialize Patient choices do, and keeps unknown ones', () => {
    expect(scenarioLabel('elderly-multimorbid')).toBe('Elderly multimorbid');
    expect(scenarioLabel('diabetes')).toBe('Diabetes');
    expect(scenarioLabel('custom')).toBe('custom');
  });

  it('adds up the resource counts', () => {
    expect(resourceTotal({ resourceCounts: { Patient: 1, Observation: 177, Provenance: 64 } })).toBe(242);
    expect(resourceTotal({ resourceCounts: {} })).toBe(0);
  });

  it('writes gender and birth date as known', () => {
    expect(patientFacts({ gender: 'female', birthDate: '1964-03-11' })).toBe('Female · born Mar 11, 1964');
    expect(patientFacts({ birthDate: '2019-06' })).toBe('born Jun 2019');
    expect(patientFacts({})).toBe('');
  });

  it('takes the first and last initials', () => {
    expect(initials('Lavonne Grace Bahringer')).toBe('LB');
    expect(initials('Cher')).toBe('C');
    expect(initials('  ')).toBe('?');
  });

  it('makes a safe file name from the patient id', () => {
    expect(bundleFileName('p-ec60dc41')).toBe('p-ec60dc41-my-data.json');
    expect(bundleFileName('a/b c')).toBe('a_b_c-my-data.json');
  });
});
