import type { ContactPoint, Extension, Location } from 'fhir/r4';
import { ACCEPTING_PATIENTS, ACCESSIBILITY, EXTENSIONS, ORG_KIND_CODES, concept } from './codes.ts';
import type { DirectoryContext } from './context.ts';
import { address, endpointRefs, locationRef, orgRef } from './build-providers.ts';
import { directoryIdentifier, hoursOfOperation, meta, newPatients, ref, viaIntermediary } from './helpers.ts';
import { ids } from './ids.ts';

/** Initials of a name ("Columbus General Hospital" -> "CGH"), a site's common alias. */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

/**
 * A care Location of an organization, with position (for `near`), hours and accessibility. An
 * organization's first location is its main site; further sites are part of it and route calls there.
 */
export function buildLocation(ctx: DirectoryContext, j: number): Location {
  const org = ctx.orgCore(ctx.layout.locationOrg(j));
  const core = ctx.locationCore(j, org);
  const rng = ctx.rng('loc-detail', j);
  const main = j < ctx.counts.organizations;
  const extension: Extension[] = ACCESSIBILITY.filter((_, k) => k === 0 || rng.chance(0.4)).map((code) => ({
    url: EXTENSIONS.accessibility,
    valueCodeableConcept: concept(code),
  }));
  if (org.kind === 'clinic' || org.kind === 'dental') extension.unshift(newPatients(rng.weighted(ACCEPTING_PATIENTS)));
  const telecom: ContactPoint = { system: 'phone', value: core.phone, use: 'work', rank: 1 };
  if (!main) telecom.extension = [viaIntermediary(locationRef(ctx.locationCore(org.index, org)))];
  const location: Location = {
    resourceType: 'Location',
    id: ids.location(j),
    meta: meta('Location', ctx.asOfEndMs, rng),
    extension,
    identifier: [directoryIdentifier(ctx.plan.domain, 'location', `L${String(j + 1).padStart(7, '0')}`)],
    status: 'active',
    name: core.name,
    description: `${main ? 'Main site' : 'Satellite site'} of ${org.name}`,
    type: [concept(ORG_KIND_CODES[org.kind].locationType)],
    telecom: [telecom],
    address: address(core),
    position: { latitude: core.latitude, longitude: core.longitude },
    managingOrganization: orgRef(org),
    hoursOfOperation: hoursOfOperation(ctx.orgHours(org.index)),
    availabilityExceptions: org.kind === 'hospital' ? 'Emergency department open 24/7' : 'Closed on major holidays',
  };
  const alias = initials(org.name);
  if (main && alias.length >= 3) location.alias = [alias];
  if (!main) location.partOf = ref('Location', ids.location(org.index), org.name);
  const endpoint = endpointRefs(ctx, org);
  if (endpoint) location.endpoint = endpoint;
  return location;
}
