import type { Bundle, FhirResource } from 'fhir/r4';
import type { PortalContext } from '../context.ts';
import { getPatient } from './get-patient.ts';
import { memberResources } from './member-resources.ts';

/**
 * "My Data" (GET /api/patients/{id}/data): a collection Bundle of everything the member has in the FHIR
 * store, the Patient first. Throws PortalError not_found for a patient the owner does not have.
 */
export async function getPatientData(ctx: PortalContext, owner: string, id: string): Promise<Bundle> {
  await getPatient(ctx, owner, id);
  const resources = await memberResources(ctx, id);
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: ctx.clock.now().toISOString(),
    entry: resources.map((r) => ({
      fullUrl: `${ctx.fhirBaseUrl}/${r.resourceType}/${r.id}`,
      resource: JSON.parse(r.json) as FhirResource,
    })),
  };
}
