import type { Bundle, BundleEntry, FhirResource } from 'fhir/r4';
import { memberResources } from '../patients/member-resources.ts';
import type { MemberContext } from './context.ts';
import type { Member } from './model.ts';

/**
 * "My data" (GET /api/account/my-data): a collection Bundle of the member's own records in the production
 * store, as the sandbox's My Data has them: the Patient first, then claims and the clinical types, with their
 * Provenance and Medications; never another member's, never shared directory resources. Entries carry a
 * fullUrl when the portal knows the FHIR base URL.
 */
export async function getMyData(ctx: MemberContext, member: Member): Promise<Bundle> {
  const resources = await memberResources(ctx, member.patientId);
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: ctx.clock.now().toISOString(),
    entry: resources.map((r): BundleEntry => {
      const resource = JSON.parse(r.json) as FhirResource;
      return ctx.fhirBaseUrl === undefined
        ? { resource }
        : { fullUrl: `${ctx.fhirBaseUrl}/${r.resourceType}/${r.id}`, resource };
    }),
  };
}
