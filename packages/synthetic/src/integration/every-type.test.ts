import type { Resource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../directory/index.ts';
import { generateMember } from '../member.ts';
import { SCENARIOS, type ScenarioName } from '../model.ts';
import { syntheticPatients } from '../patients.ts';
import { Rng } from '../rng.ts';
import { keyOf, referencesOf } from '../testing/integration-fixtures.ts';
import { testTerminology } from '../testing/terminology.ts';
import { addDays } from '../timeline/dates.ts';

/** The resource types of the Patient Access scopes (patient/<Type>.read) a member record must answer. */
const SCOPE_TYPES = [
  'Patient',
  'CareTeam',
  'Coverage',
  'ExplanationOfBenefit',
  'Encounter',
  'DiagnosticReport',
  'MedicationRequest',
  'Goal',
  'Condition',
  'CarePlan',
  'Procedure',
  'DocumentReference',
  'AllergyIntolerance',
  'Immunization',
  'Provenance',
  'Observation',
  'Device',
] as const;

/** Random but reproducible seeds and record end dates (so the test is a property test that never flakes). */
function cases(
  count: number,
  scenario: (i: number) => ScenarioName | undefined,
): { seed: string; scenario?: ScenarioName; asOf: string }[] {
  const rng = new Rng('every-type');
  return Array.from({ length: count }, (_, i) => {
    const s = scenario(i);
    return {
      seed: rng.uuid(),
      ...(s ? { scenario: s } : {}),
      asOf: addDays('2023-01-01', rng.int(0, 5 * 365)),
    };
  });
}

describe('every member answers every Patient Access scope', () => {
  const terminology = testTerminology();
  const made = createDirectory({ seed: 'every-type', size: 300, terminology });
  const directory = new Set([...made.resources()].map(keyOf));

  /** What a member lacks: scope types with no resource, and directory practitioners/organizations unreferenced. */
  function gaps(resources: readonly Resource[]): string[] {
    const types = new Set(resources.map((r) => r.resourceType));
    const missing: string[] = SCOPE_TYPES.filter((t) => !types.has(t));
    const refs = new Set(resources.flatMap(referencesOf).filter((ref) => directory.has(ref)));
    for (const type of ['Practitioner', 'Organization'])
      if (![...refs].some((ref) => ref.startsWith(`${type}/`))) missing.push(`${type} reference`);
    return missing;
  }

  it('has every scope type for 200 random seeds across all scenarios and dates', () => {
    const problems = cases(200, (i) => SCENARIOS[i % SCENARIOS.length]).flatMap(({ seed, scenario, asOf }) => {
      const member = generateMember({ seed, scenario, asOf, directory: made.handle, terminology });
      return gaps(member.resources).map((gap) => `${scenario} ${seed} ${asOf}: ${gap}`);
    });
    expect(problems).toEqual([]);
  });

  it('has every scope type for 100 random seeds with the scenario the seed chooses', () => {
    const seen = new Set<ScenarioName>();
    const problems = cases(100, () => undefined).flatMap(({ seed, asOf }) => {
      const member = generateMember({ seed, asOf, directory: made.handle, terminology });
      seen.add(member.timeline.scenario);
      return gaps(member.resources).map((gap) => `${member.timeline.scenario} ${seed} ${asOf}: ${gap}`);
    });
    expect(problems).toEqual([]);
    expect(seen.size).toBe(SCENARIOS.length);
  });

  it('gives every "Initialize Patient" (today\'s record, owner-prefixed seeds) every scope type, in every scenario', () => {
    const patients = syntheticPatients({
      directory: made.handle,
      terminology,
      memberSeed: (owner, seed) => `${owner}:${seed}`,
    });
    const rng = new Rng('initialize-patient');
    const problems = Array.from({ length: 15 }, () => rng.uuid()).flatMap((seed) =>
      [undefined, ...SCENARIOS].flatMap((scenario) => {
        const patient = patients.generate({
          owner: `owner-${seed.slice(0, 4)}`,
          seed,
          ...(scenario ? { scenario } : {}),
        });
        return gaps(patient.resources).map((gap) => `${scenario ?? `(${patient.scenario})`} ${seed}: ${gap}`);
      }),
    );
    expect(problems).toEqual([]);
  });
});
