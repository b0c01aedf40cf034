import { z } from 'zod';
import { generateMember, memberPatientId, SCENARIOS, type ScenarioName } from '@plan-api/synthetic';
import type { PortalContext } from '../context.ts';
import { PortalError } from '../types.ts';
import type { SandboxPatientRecord } from '../types.ts';
import { randomToken } from '../shared/ids.ts';
import { isObject, notAnObject } from '../shared/errors.ts';
import { parseOrThrow } from '../shared/validation.ts';

const scenarioList = SCENARIOS.join(', ');

const SEED_MESSAGE =
  'seed must be a non-empty string (at most 200 characters) or an integer; the same seed gives the same member.';

const inputSchema = z.strictObject({
  seed: z
    .union(
      [
        z.string({ error: SEED_MESSAGE }).trim().min(1, SEED_MESSAGE).max(200, SEED_MESSAGE),
        z.number({ error: SEED_MESSAGE }).int(SEED_MESSAGE).safe(SEED_MESSAGE),
      ],
      { error: SEED_MESSAGE },
    )
    .optional(),
  scenario: z
    .enum(SCENARIOS as [ScenarioName, ...ScenarioName[]], {
      error: `scenario must be one of ${scenarioList}.`,
    })
    .optional(),
});

/** Body of POST /api/patients ("Initialize Patient"). */
export interface InitializePatientInput {
  /** Same seed, same member (default: a random seed). */
  seed?: string | number;
  /** One of SCENARIOS (default: chosen by the seed). */
  scenario?: string;
}

/**
 * "Initialize Patient": generates a synthetic member (claims, coverage and US Core clinical record) from the
 * seed against the sandbox directory, loads every resource into the FHIR store and records the patient.
 * Throws PortalError 400 for a bad seed/scenario and 409 when that seed's patient already exists.
 */
export async function initializePatient(ctx: PortalContext, input: unknown = {}): Promise<SandboxPatientRecord> {
  if (input !== undefined && input !== null && !isObject(input)) throw notAnObject('optional seed and scenario');
  const parsed = parseOrThrow(
    inputSchema,
    input ?? {},
    'The patient was not initialized',
    (key) => `"${key}" is not an option of Initialize Patient; the options are seed and scenario.`,
  );
  const seed = parsed.seed === undefined ? randomToken(ctx.random, 9) : String(parsed.seed);
  const patientId = memberPatientId(seed);
  return ctx.lock.run(`patient:${patientId}`, async () => {
    const existing = await ctx.patients.get(patientId);
    if (existing !== undefined) {
      throw new PortalError(
        409,
        'patient_exists',
        `The patient from seed "${seed}" already exists (Patient/${patientId}, ${existing.name}); use another seed, or delete that patient first.`,
        { seed: `A patient from this seed already exists: Patient/${patientId}.` },
      );
    }
    const member = generateMember({
      seed,
      scenario: parsed.scenario,
      directory: ctx.directory(),
      terminology: ctx.terminology(),
    });
    await ctx.fhir.bulkLoad(member.resources);
    const resourceCounts: Record<string, number> = {};
    for (const r of member.resources) resourceCounts[r.resourceType] = (resourceCounts[r.resourceType] ?? 0) + 1;
    const person = member.timeline.person;
    const record: SandboxPatientRecord = {
      id: member.patientId,
      ownerId: ctx.ownerId,
      name: `${person.given.join(' ')} ${person.family}`,
      birthDate: person.birthDate,
      gender: person.sex,
      scenario: member.timeline.scenario,
      seed,
      resourceCounts,
      createdAt: ctx.clock.now().toISOString(),
    };
    await ctx.patients.insert(record);
    return record;
  });
}
