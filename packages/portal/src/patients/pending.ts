import type { Resource } from 'fhir/r4';
import type { PortalContext } from '../context.ts';

/**
 * The marker "Initialize Patient" writes before it loads a member's resources and removes once the patient
 * record is written. A marker left behind means the load was interrupted (a crash, a failed write): the
 * resources it lists may be in the FHIR store without their patient record, and are deleted by
 * cleanUpInterruptedPatients. Keyed by the Patient id (one initialization per patient at a time).
 */
export interface PendingPatientRecord {
  /** The Patient resource id. */
  id: string;
  ownerId: string;
  seed: string;
  /** ISO instant the load started. */
  startedAt: string;
  /** The ids of every resource being loaded, by resource type. */
  resources: Record<string, string[]>;
}

/** The marker of a member about to be loaded. */
export function pendingRecord(
  ctx: PortalContext,
  input: { patientId: string; owner: string; seed: string; resources: readonly Resource[] },
): PendingPatientRecord {
  const resources: Record<string, string[]> = {};
  for (const r of input.resources) {
    if (r.id !== undefined) (resources[r.resourceType] ??= []).push(r.id);
  }
  return {
    id: input.patientId,
    ownerId: input.owner,
    seed: input.seed,
    startedAt: ctx.clock.now().toISOString(),
    resources,
  };
}

/**
 * Undoes an interrupted load (the caller holds the patient's lock): when the patient record was written the
 * load completed and only the marker goes; otherwise every resource the marker lists is deleted, then the
 * marker. Returns how many resources were deleted. A failure leaves the marker, so a later clean-up retries.
 */
export async function discardPending(ctx: PortalContext, marker: PendingPatientRecord): Promise<number> {
  let deleted = 0;
  if ((await ctx.patients.get(marker.id)) === undefined) {
    for (const [type, ids] of Object.entries(marker.resources)) {
      // The Patient last, as deletePatient does.
      if (type === 'Patient') continue;
      for (const id of ids) {
        await ctx.fhir.delete(type, id);
        deleted++;
      }
    }
    for (const id of marker.resources.Patient ?? []) {
      await ctx.fhir.delete('Patient', id);
      deleted++;
    }
  }
  await ctx.pendingPatients.delete(marker.id);
  return deleted;
}

/** What cleanUpInterruptedPatients did. */
export interface InterruptedPatientsCleanUp {
  /** Patient ids whose interrupted load was undone (resources deleted). */
  patients: string[];
  /** Resources deleted from the FHIR store. */
  resources: number;
}

export interface CleanUpOptions {
  /**
   * Only markers older than this are cleaned (default 0: all). Where several processes share the stores, a
   * process starting while another is initializing a patient passes the longest load time (e.g. 600), so it
   * does not undo a load still under way.
   */
  olderThanSeconds?: number;
}

/**
 * Deletes the resources of every "Initialize Patient" that was interrupted before its patient record was
 * written (see PendingPatientRecord). The compositions call it once at start, before serving requests.
 */
export async function cleanUpInterruptedPatients(
  ctx: PortalContext,
  options: CleanUpOptions = {},
): Promise<InterruptedPatientsCleanUp> {
  const olderThan = ctx.clock.now().getTime() - (options.olderThanSeconds ?? 0) * 1000;
  const result: InterruptedPatientsCleanUp = { patients: [], resources: 0 };
  for (const listed of await ctx.pendingPatients.list()) {
    if (Date.parse(listed.startedAt) > olderThan) continue;
    await ctx.lock.run(`patient:${listed.id}`, async () => {
      const marker = await ctx.pendingPatients.get(listed.id);
      if (marker === undefined) return;
      const recorded = (await ctx.patients.get(marker.id)) !== undefined;
      result.resources += await discardPending(ctx, marker);
      if (!recorded) result.patients.push(marker.id);
    });
  }
  return result;
}
