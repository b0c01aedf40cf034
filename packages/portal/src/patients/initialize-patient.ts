import { z } from 'zod';
import type { PortalContext } from '../context.ts';
import { PortalError } from '../types.ts';
import type { SandboxPatientRecord } from '../types.ts';
import { randomToken } from '../shared/ids.ts';
import { isObject, notAnObject } from '../shared/errors.ts';
import { hasUnsafeCharacters, unsafeTextMessage } from '../shared/text.ts';
import { parseOrThrow } from '../shared/validation.ts';
import type { PatientGenerator } from './generator.ts';
import { discardPending, pendingRecord } from './pending.ts';

const SEED_MESSAGE =
  'seed must be a non-empty string (at most 200 characters) or an integer; the same seed gives the same member.';

function inputSchema(scenarios: readonly string[]) {
  return z.strictObject({
    seed: z
      .union(
        [
          z.string({ error: SEED_MESSAGE }).trim().min(1, SEED_MESSAGE).max(200, SEED_MESSAGE),
          z.number({ error: SEED_MESSAGE }).int(SEED_MESSAGE).safe(SEED_MESSAGE),
        ],
        { error: SEED_MESSAGE },
      )
      .refine((seed) => typeof seed !== 'string' || !hasUnsafeCharacters(seed), unsafeTextMessage('seed'))
      .optional(),
    scenario: z
      .string({ error: `scenario must be one of ${scenarios.join(', ')}.` })
      .refine((name) => scenarios.includes(name), { error: `scenario must be one of ${scenarios.join(', ')}.` })
      .optional(),
  });
}

/** Body of POST /api/patients ("Initialize Patient"). */
export interface InitializePatientInput {
  /** Same seed, same member (default: a random seed). */
  seed?: string | number;
  /** One of the generator's scenarios (default: chosen by the seed). */
  scenario?: string;
}

function generatorOf(ctx: PortalContext): PatientGenerator {
  if (ctx.generator === undefined) {
    throw new PortalError(
      'validation_failed',
      'This server makes no synthetic patients: Initialize Patient is a sandbox feature.',
    );
  }
  return ctx.generator;
}

/**
 * "Initialize Patient": generates a synthetic member (claims, coverage and US Core clinical record) from the
 * seed, loads every resource into the FHIR store and records the patient for the owner, all or nothing (see
 * cleanUpInterruptedPatients). Throws PortalError
 * validation_failed for a bad seed/scenario and patient_exists when that seed's patient already exists.
 */
export async function initializePatient(
  ctx: PortalContext,
  owner: string,
  input: unknown = {},
): Promise<SandboxPatientRecord> {
  const generator = generatorOf(ctx);
  if (input !== undefined && input !== null && !isObject(input)) throw notAnObject('optional seed and scenario');
  const parsed = parseOrThrow(
    inputSchema(generator.scenarios),
    input ?? {},
    'The patient was not initialized',
    (key) => `"${key}" is not an option of Initialize Patient; the options are seed and scenario.`,
  );
  const seed = parsed.seed === undefined ? randomToken(ctx.random, 9) : String(parsed.seed);
  const patientId = generator.patientId(owner, seed);
  return ctx.lock.run(`patient:${patientId}`, async () => {
    const existing = await ctx.patients.get(patientId);
    if (existing !== undefined) {
      throw new PortalError(
        'patient_exists',
        `The patient from seed "${seed}" already exists (Patient/${patientId}, ${existing.name}); use another seed, or delete that patient first.`,
        { seed: `A patient from this seed already exists: Patient/${patientId}.` },
      );
    }
    const stale = await ctx.pendingPatients.get(patientId);
    if (stale !== undefined) await discardPending(ctx, stale);
    const member = generator.generate({
      owner,
      seed,
      ...(parsed.scenario !== undefined ? { scenario: parsed.scenario } : {}),
    });
    const resourceCounts: Record<string, number> = {};
    for (const r of member.resources) resourceCounts[r.resourceType] = (resourceCounts[r.resourceType] ?? 0) + 1;
    const record: SandboxPatientRecord = {
      id: member.patientId,
      ownerId: owner,
      name: member.name,
      ...(member.birthDate !== undefined ? { birthDate: member.birthDate } : {}),
      ...(member.gender !== undefined ? { gender: member.gender } : {}),
      scenario: member.scenario,
      seed,
      resourceCounts,
      createdAt: ctx.clock.now().toISOString(),
    };
    // All or nothing: the marker lists what is about to be loaded before any of it is, and goes only once the
    // patient record is written. A failure here undoes the load; a crash leaves the marker, and
    // cleanUpInterruptedPatients undoes the load at the next start.
    const marker = pendingRecord(ctx, { patientId, owner, seed, resources: member.resources });
    await ctx.pendingPatients.put(marker);
    try {
      // The Patient last: until the load is complete, no Patient resource stands for a partial record.
      await ctx.fhir.bulkLoad([
        ...member.resources.filter((r) => r.resourceType !== 'Patient'),
        ...member.resources.filter((r) => r.resourceType === 'Patient'),
      ]);
      await ctx.patients.insert(record);
    } catch (error) {
      // Best effort: if undoing fails too, the marker stays for the clean-up at start.
      await discardPending(ctx, marker).catch(() => undefined);
      throw error;
    }
    // The patient is complete; a marker that outlives this (a failed delete) only makes the clean-up drop it.
    await ctx.pendingPatients.delete(patientId).catch(() => false);
    return record;
  });
}
