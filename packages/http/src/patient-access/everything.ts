import type { Request } from 'express';
import { badRequest, literalReferences, searchBundleJson } from '@plan-api/fhir';
import type { BundleEntryJson, Criterion, SearchRegistry } from '@plan-api/fhir';
import type { FhirStore, StoredResource } from '@plan-api/store';
import { queryPairs } from '../fhir/request.ts';
import type { CompartmentRule } from './compartment.ts';
import { EXHAUSTIVE, parseCriteria, searchOf } from './criteria.ts';
import type { PatientAccessPolicy } from './policy.ts';

export interface EverythingContext {
  store: FhirStore;
  registry: SearchRegistry;
  rules: ReadonlyMap<string, CompartmentRule>;
}

interface EverythingParams {
  types: Set<string> | undefined;
  since: string | undefined;
  selfParams: [string, string][];
}

function everythingParams(req: Request): EverythingParams {
  const params: EverythingParams = { types: undefined, since: undefined, selfParams: [] };
  for (const [name, value] of queryPairs(req)) {
    if (name === '_type') {
      params.types ??= new Set();
      for (const type of value.split(',')) if (type.trim() !== '') params.types.add(type.trim());
      params.selfParams.push([name, value]);
    } else if (name === '_since') {
      params.since = value;
      params.selfParams.push([name, value]);
    }
  }
  return params;
}

/**
 * `GET Patient/<id>/$everything`: the member's record as one searchset Bundle, not paged (a member
 * has hundreds of resources): the Patient, every resource of the patient's compartment of each type
 * the token reads (granular filters applied), and the shared resources they reference (Practitioner,
 * Organization, Location, Medication...) that the token reads. `_type` (comma list) limits the
 * types; `_since` (an instant) keeps what changed from then on. Another patient's id: 404, as a read.
 */
export async function everythingBundle(
  ctx: EverythingContext,
  policy: PatientAccessPolicy,
  req: Request,
  patientId: string,
  baseUrl: string,
): Promise<{ body: string; count: number }> {
  const params = everythingParams(req);
  if (params.since !== undefined && !/^\d{4}-\d{2}-\d{2}T/.test(params.since)) {
    throw badRequest(`_since must be an instant (e.g. 2024-01-01T00:00:00Z), not '${params.since.slice(0, 40)}'`, [
      '_since',
    ]);
  }
  await policy.guardRead('Patient', patientId);
  const wanted = (type: string): boolean => policy.canRead(type) && (params.types?.has(type) ?? true);
  const since = (type: string): Criterion[] =>
    params.since === undefined ? [] : parseCriteria(ctx.registry, type, [['_lastUpdated', `ge${params.since}`]]);

  const found: StoredResource[] = [];
  const order = ['Patient', ...[...ctx.rules.keys()].filter((type) => type !== 'Patient')];
  for (const type of order) {
    const kind = ctx.rules.get(type)?.kind;
    if (!wanted(type) || kind === 'shared' || kind === 'unsupported') continue;
    const criteria = [...(await policy.criteria(type)), ...since(type)];
    found.push(...(await ctx.store.search(searchOf(type, criteria, EXHAUSTIVE))).matches);
  }

  const referenced = new Map<string, Set<string>>();
  for (const resource of found) {
    for (const [type, id] of literalReferences(JSON.parse(resource.json))) {
      if (ctx.rules.get(type)?.kind !== 'shared' || !wanted(type)) continue;
      const ids = referenced.get(type) ?? new Set<string>();
      ids.add(id);
      referenced.set(type, ids);
    }
  }
  for (const [type, ids] of referenced) found.push(...(await policy.visible(type, [...ids].sort())));

  const entries: BundleEntryJson[] = found.map((r) => ({
    fullUrl: `${baseUrl}/${r.resourceType}/${r.id}`,
    json: r.json,
    mode: 'match',
  }));
  const body = searchBundleJson({
    url: `${baseUrl}/Patient/${patientId}/$everything`,
    selfParams: params.selfParams,
    entries,
    total: entries.length,
  });
  return { body, count: entries.length };
}
