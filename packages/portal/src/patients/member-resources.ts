import { parseSearch, type SearchRegistry } from '@plan-api/fhir';
import type { FhirStore, StoredResource } from '@plan-api/store';

const PAGE = 1000;
/** Claims data first, as members think of their record; other types follow alphabetically. */
const FIRST = ['Patient', 'Coverage', 'ExplanationOfBenefit'];

/**
 * The resource types of the patient compartment the store can search: every type with a `patient`
 * reference parameter that may point to a Patient.
 */
export function patientCompartmentTypes(registry: SearchRegistry): string[] {
  const types = registry.resourceTypes.filter((type) => {
    const def = registry.get(type, 'patient');
    return def?.type === 'reference' && (def.targets === undefined || def.targets.includes('Patient'));
  });
  const rank = (type: string): number => (FIRST.includes(type) ? FIRST.indexOf(type) : FIRST.length);
  return types.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** What reading a member's records needs: the FHIR store and its search parameters (sandbox or production). */
export interface MemberRecordsSource {
  fhir: FhirStore;
  registry: SearchRegistry;
}

/** Runs one search through every page, collecting matches and includes. */
async function searchAll(
  ctx: MemberRecordsSource,
  type: string,
  params: [string, string][],
): Promise<StoredResource[]> {
  const request = parseSearch(type, [...params, ['_total', 'none']], ctx.registry, {
    defaultCount: PAGE,
    maxCount: PAGE,
    strict: true,
  });
  const found: StoredResource[] = [];
  for (;;) {
    const page = await ctx.fhir.search(request);
    found.push(...page.matches, ...page.included);
    if (!page.hasMore || page.matches.length === 0) return found;
    request.offset += page.matches.length;
  }
}

/**
 * Every resource of one member in the FHIR store: the Patient, each patient-compartment type searched by
 * `patient`, the Provenance targeting any of them and the Medications they reference (those are the member's
 * own too). Shared directory resources (practitioners, organizations) are not part of it. The Patient comes
 * first; no resource appears twice.
 */
export async function memberResources(ctx: MemberRecordsSource, patientId: string): Promise<StoredResource[]> {
  const seen = new Set<string>();
  const out: StoredResource[] = [];
  const add = (resources: StoredResource[]): void => {
    for (const r of resources) {
      const key = `${r.resourceType}/${r.id}`;
      if (r.deleted === true || seen.has(key)) continue;
      seen.add(key);
      out.push(r);
    }
  };
  const provenance: [string, string][] = ctx.registry.get('Provenance', 'target')
    ? [['_revinclude', 'Provenance:target']]
    : [];
  add(await searchAll(ctx, 'Patient', [['_id', patientId], ...provenance]));
  for (const type of patientCompartmentTypes(ctx.registry)) {
    const medication =
      ctx.registry.get(type, 'medication')?.type === 'reference' ? [['_include', `${type}:medication`]] : [];
    add(await searchAll(ctx, type, [['patient', patientId], ...provenance, ...(medication as [string, string][])]));
  }
  return out;
}
