import { SCENARIO_OPTIONS } from '../../api/index.ts';
import type { PatientRecord } from '../../api/index.ts';
import { formatDate } from '../../fhir/index.ts';

/** The plain name of a synthetic member scenario ("Elderly multimorbid"). */
export function scenarioLabel(scenario: string): string {
  return SCENARIO_OPTIONS.find((s) => s.value === scenario)?.label ?? scenario;
}

/** How many resources the member has in the FHIR store. */
export function resourceTotal(patient: Pick<PatientRecord, 'resourceCounts'>): number {
  return Object.values(patient.resourceCounts).reduce((sum, n) => sum + n, 0);
}

/** "Female · born Mar 11, 1964" (whatever of the two is known). */
export function patientFacts(patient: Pick<PatientRecord, 'gender' | 'birthDate'>): string {
  const gender =
    patient.gender === undefined ? undefined : patient.gender.charAt(0).toUpperCase() + patient.gender.slice(1);
  const born = formatDate(patient.birthDate);
  return [gender, born && `born ${born}`].filter((p) => p !== undefined && p !== '').join(' · ');
}

/** Initials for the avatar ("Lavonne Grace Bahringer" → "LB"). */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => w !== '');
  const first = words[0]?.charAt(0) ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.charAt(0) ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

/** The file name of a member's downloaded record ("p-ec60dc41-my-data.json"). */
export function bundleFileName(patientId: string): string {
  return `${patientId.replace(/[^A-Za-z0-9._-]/g, '_')}-my-data.json`;
}
