import type { PortalContext } from '../context.ts';
import { notFound } from '../shared/errors.ts';
import type { SandboxPatientRecord } from '../types.ts';

/** One sandbox patient of the owner; PortalError not_found when the owner has none with that id. */
export async function getPatient(ctx: PortalContext, owner: string, id: string): Promise<SandboxPatientRecord> {
  const patient = await ctx.patients.get(id);
  if (patient === undefined || patient.ownerId !== owner) {
    throw notFound('sandbox patient', id, 'List them with GET /api/patients, or create one with POST /api/patients.');
  }
  return patient;
}
