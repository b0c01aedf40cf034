import type { Resource } from 'fhir/r4';
import { memberPatientId } from './ids.ts';
import { generateMember } from './member.ts';
import { SCENARIOS, type DirectoryHandle, type ScenarioName } from './model.ts';
import type { Terminology } from './terminology.ts';

/** One synthetic member as "Initialize Patient" records it. */
export interface SyntheticPatient {
  patientId: string;
  resources: Resource[];
  name: string;
  birthDate: string;
  gender: string;
  scenario: string;
}

export interface SyntheticPatientsOptions {
  directory: DirectoryHandle;
  terminology: Terminology;
  /**
   * The generator seed of an owner's seed (default: the seed itself, so the same seed gives the same member
   * whoever asks). A hosted sandbox prefixes the owner, so two vendors' seeds never make the same Patient.
   */
  memberSeed?: (owner: string, seed: string) => string;
}

/** The source of synthetic members for "Initialize Patient" (the shape of the portal's PatientGenerator). */
export interface SyntheticPatients {
  readonly scenarios: readonly string[];
  patientId(owner: string, seed: string): string;
  generate(input: { owner: string; seed: string; scenario?: string }): SyntheticPatient;
}

const isScenario = (name: string | undefined): name is ScenarioName =>
  name !== undefined && (SCENARIOS as readonly string[]).includes(name);

/** Synthetic members against a directory, named and counted as the sandbox's patient records need. */
export function syntheticPatients(options: SyntheticPatientsOptions): SyntheticPatients {
  const seedOf = options.memberSeed ?? ((_owner: string, seed: string) => seed);
  return {
    scenarios: SCENARIOS,
    patientId: (owner, seed) => memberPatientId(seedOf(owner, seed)),
    generate: ({ owner, seed, scenario }) => {
      if (scenario !== undefined && !isScenario(scenario)) {
        throw new Error(`Unknown scenario "${scenario}"; the scenarios are ${SCENARIOS.join(', ')}.`);
      }
      const member = generateMember({
        seed: seedOf(owner, seed),
        scenario,
        directory: options.directory,
        terminology: options.terminology,
      });
      const person = member.timeline.person;
      return {
        patientId: member.patientId,
        resources: member.resources,
        name: `${person.given.join(' ')} ${person.family}`,
        birthDate: person.birthDate,
        gender: person.sex,
        scenario: member.timeline.scenario,
      };
    },
  };
}
