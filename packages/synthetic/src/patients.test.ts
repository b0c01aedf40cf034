import { describe, expect, it } from 'vitest';
import { createDirectory } from './directory/index.ts';
import { syntheticPatients } from './patients.ts';
import { testTerminology } from './testing/terminology.ts';

const terminology = testTerminology();
const directory = createDirectory({ seed: 'patients-test', size: 300, terminology }).handle;

describe('syntheticPatients', () => {
  it('gives the same member for the same seed whoever asks, with its name, birth date, sex and counts', () => {
    const patients = syntheticPatients({ directory, terminology });
    const a = patients.generate({ owner: 'vendor-a', seed: 'same', scenario: 'diabetes' });
    const b = patients.generate({ owner: 'vendor-b', seed: 'same', scenario: 'diabetes' });
    expect(b).toEqual(a);
    expect(a.patientId).toBe(patients.patientId('anyone', 'same'));
    expect(a.scenario).toBe('diabetes');
    const patient = a.resources.find((r) => r.resourceType === 'Patient');
    expect(patient?.id).toBe(a.patientId);
    expect(a.name).toMatch(/^\S+( \S+)* \S+$/);
    expect(a.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['female', 'male']).toContain(a.gender);
  });

  it('keeps owners apart when memberSeed says so', () => {
    const patients = syntheticPatients({ directory, terminology, memberSeed: (owner, seed) => `${owner}/${seed}` });
    const a = patients.generate({ owner: 'vendor-a', seed: 'same' });
    const b = patients.generate({ owner: 'vendor-b', seed: 'same' });
    expect(a.patientId).not.toBe(b.patientId);
    expect(patients.patientId('vendor-a', 'same')).toBe(a.patientId);
  });

  it('lists the scenarios and refuses an unknown one', () => {
    const patients = syntheticPatients({ directory, terminology });
    expect(patients.scenarios).toContain('pregnancy');
    expect(() => patients.generate({ owner: 'o', seed: 's', scenario: 'athlete' })).toThrow(
      /Unknown scenario "athlete"/,
    );
  });
});
