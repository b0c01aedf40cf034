import type { PortalContext } from '../context.ts';
import { getPatient } from './get-patient.ts';
import { memberResources } from './member-resources.ts';

/**
 * Deletes a sandbox patient (DELETE /api/patients/{id}): every resource of the member leaves the FHIR store,
 * then the record goes. Launches and the access log keep their history. Throws PortalError not_found for a
 * patient the owner does not have.
 */
export async function deletePatient(ctx: PortalContext, owner: string, id: string): Promise<void> {
  await ctx.lock.run(`patient:${id}`, async () => {
    await getPatient(ctx, owner, id);
    const resources = await memberResources(ctx, id);
    // The Patient goes last so that a failure midway leaves a patient the vendor can still see and delete again.
    for (const r of resources.slice(1)) await ctx.fhir.delete(r.resourceType, r.id);
    for (const r of resources.slice(0, 1)) await ctx.fhir.delete(r.resourceType, r.id);
    await ctx.patients.delete(id);
  });
}
