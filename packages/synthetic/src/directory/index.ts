import type { Resource } from 'fhir/r4';
import type { DirectoryHandle } from '../model.ts';
import { buildArea, buildInsurancePlan, buildNetwork, buildPayer, buildPlanEndpoint } from './build-plan.ts';
import { buildAffiliation, buildPractitioner, buildPractitionerRole } from './build-practitioners.ts';
import { buildLocation } from './build-locations.ts';
import { buildEndpoint, buildHealthcareService, buildOrganization } from './build-providers.ts';
import { DirectoryContext, type DirectoryOptions } from './context.ts';
import { createHandle } from './handle.ts';
import { directoryCounts as countsFor, type DirectoryCounts } from './layout.ts';
import { SPECIALTIES } from './specialties.ts';

export type { DirectoryOptions } from './context.ts';
export type { DirectoryCounts } from './layout.ts';
export type { Place } from './places.ts';
export type { Specialty } from './specialties.ts';
export { SPECIALTIES } from './specialties.ts';
export { isValidNpi, npiCheckDigit } from './npi.ts';

/** A generated Plan-Net provider directory. */
export interface Directory {
  /** What member generators need: the plan, its products, practitioners by specialty, facilities. */
  readonly handle: DirectoryHandle;
  /** Resource counts by kind. */
  readonly counts: DirectoryCounts;
  /**
   * Every resource of the directory, one at a time: resource i of each kind is made from (seed, kind, i)
   * alone, so memory stays flat however large the directory and each call streams the same resources.
   */
  resources(): Generator<Resource>;
}

/**
 * Creates a deterministic Plan-Net 1.1 provider directory of about `size` resources: the plan, its
 * networks and insurance plans, service areas, provider organizations, locations, endpoints, healthcare
 * services, practitioners, practitioner roles and organization affiliations. Nothing is generated until
 * streamed or asked of the handle.
 */
export function createDirectory(options: DirectoryOptions): Directory {
  const ctx = new DirectoryContext(options);
  return {
    handle: createHandle(ctx),
    counts: ctx.counts,
    resources: () => stream(ctx),
  };
}

function* stream(ctx: DirectoryContext): Generator<Resource> {
  const c = ctx.counts;
  yield buildPayer(ctx);
  yield buildPlanEndpoint(ctx);
  for (let n = 0; n < c.networks; n++) yield buildNetwork(ctx, n);
  for (let a = 0; a < c.areas; a++) yield buildArea(ctx, a);
  for (let i = 0; i < c.insurancePlans; i++) yield buildInsurancePlan(ctx, i);
  for (let e = 0; e < c.endpoints - 1; e++) yield buildEndpoint(ctx, e);
  for (let o = 0; o < c.organizations; o++) yield buildOrganization(ctx, o);
  for (let l = 0; l < c.locations; l++) yield buildLocation(ctx, l);
  for (let h = 0; h < c.healthcareServices; h++) yield buildHealthcareService(ctx, h);
  for (let p = 0; p < c.practitioners; p++) yield buildPractitioner(ctx, p);
  for (let r = 0; r < c.practitionerRoles; r++) yield buildPractitionerRole(ctx, r);
  for (let f = 0; f < c.affiliations; f++) yield buildAffiliation(ctx, f);
}

/**
 * The resource counts of a directory of about `size` resources over `placeCount` cities (and the default
 * specialties unless given).
 */
export function directoryCounts(
  size: number,
  options: { placeCount: number; specialtyCount?: number },
): DirectoryCounts {
  return countsFor(size, options.placeCount, options.specialtyCount ?? SPECIALTIES.length);
}
