import type { PortalContext } from '../context.ts';
import type { SandboxPatientRecord } from '../types.ts';

/** The owner's sandbox patients, newest first (GET /api/patients). */
export async function listPatients(ctx: PortalContext, owner: string): Promise<SandboxPatientRecord[]> {
  return ctx.patients.list({ where: { ownerId: owner }, orderBy: 'createdAt', descending: true });
}
