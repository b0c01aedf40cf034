import { FhirError, notFound } from '@plan-api/fhir';
import type { Criterion, SearchRegistry, SearchRequest } from '@plan-api/fhir';
import type { AccessGrant } from '@plan-api/smart';
import type { FhirStore, SearchResult, StoredResource } from '@plan-api/store';
import type { HttpLogger } from '../fhir/options.ts';
import type { CompartmentRule } from './compartment.ts';
import {
  EXHAUSTIVE,
  hasReverseChainOver,
  idCriterion,
  matchNothing,
  mergeSingleParamFilters,
  parseCriteria,
  searchOf,
} from './criteria.ts';
import { insufficientScope } from './errors.ts';

/** What every request's policy shares: the store, the registry and the rule of each served type. */
export interface PolicyContext {
  store: FhirStore;
  registry: SearchRegistry;
  rules: ReadonlyMap<string, CompartmentRule>;
  realm: string;
  logger: HttpLogger;
}

/** `Provenance.target` references (only the targets: an agent is no reason to show a Provenance). */
function provenanceTargets(json: string): string[] {
  const targets = (JSON.parse(json) as { target?: { reference?: unknown }[] }).target ?? [];
  return targets.map((t) => t.reference).filter((ref): ref is string => typeof ref === 'string');
}

/**
 * What one access token may see, for one request: the resource types its scopes grant, narrowed to
 * the token's patient (the R4 Patient compartment, one parameter per type) and to the v2 granular
 * filters. Searches get the narrowing as extra criteria; reads and includes are checked with the same
 * criteria through the store, so the three can never disagree.
 */
export class PatientAccessPolicy {
  readonly #ctx: PolicyContext;
  readonly grant: AccessGrant;
  /** Per-type criteria of this request (the Provenance ones cost a walk of the member's record). */
  readonly #criteria = new Map<string, Promise<Criterion[]>>();

  constructor(ctx: PolicyContext, grant: AccessGrant) {
    this.#ctx = ctx;
    this.grant = grant;
  }

  /** Whether the token reads this type (and the server can narrow it to a patient). */
  canRead(type: string): boolean {
    const rule = this.#ctx.rules.get(type);
    return rule !== undefined && rule.kind !== 'unsupported' && this.grant.readable.has(type);
  }

  /** Throws 403 (with the scope to ask for) unless the token reads this type. */
  requireType(type: string): void {
    if (this.canRead(type)) return;
    throw insufficientScope(this.#ctx.realm, type, this.grant.scopes);
  }

  /** The criteria a search of `type` gets: the patient's compartment, then the granular filters. */
  criteria(type: string): Promise<Criterion[]> {
    let pending = this.#criteria.get(type);
    if (!pending) {
      pending = this.#build(type);
      this.#criteria.set(type, pending);
    }
    return pending;
  }

  async #build(type: string): Promise<Criterion[]> {
    const member = await this.#memberCriteria(type);
    const filters = this.#filters(type);
    if (filters === undefined) return member;
    if (filters.length === 1) return [...member, ...filters[0]!];
    const merged = mergeSingleParamFilters(filters);
    if (merged) return [...member, ...merged];
    // Filters on different parameters OR'd together: no single set of AND'ed criteria says that, so
    // their matches (within the member's data, which is small) become an `_id` list.
    const ids = new Set<string>();
    for (const criteria of filters) {
      const result = await this.#ctx.store.search(searchOf(type, [...member, ...criteria], EXHAUSTIVE));
      for (const r of result.matches) ids.add(r.id);
    }
    return [...member, ...idCriterion(this.#ctx.registry, type, [...ids])];
  }

  /** Narrowing to the token's patient (none for shared types). */
  async #memberCriteria(type: string): Promise<Criterion[]> {
    const { registry } = this.#ctx;
    const rule = this.#ctx.rules.get(type);
    const patientId = this.grant.patientId;
    switch (rule?.kind) {
      case 'patient':
        return parseCriteria(registry, type, [['_id', patientId]]);
      case 'member':
        return parseCriteria(registry, type, [[rule.param.code, `Patient/${patientId}`]]);
      case 'provenance': {
        const targets = [`Patient/${patientId}`, ...(await this.#memberRecord())];
        return parseCriteria(registry, type, [[rule.target.code, targets.join(',')]]);
      }
      case 'shared':
        return [];
      default:
        return matchNothing(registry, type);
    }
  }

  /** `Type/id` of every resource in the patient's compartment (whatever the scopes), Provenance aside. */
  async #memberRecord(): Promise<string[]> {
    const out: string[] = [];
    for (const [type, rule] of this.#ctx.rules) {
      if (rule.kind !== 'member') continue;
      const request = searchOf(type, await this.#memberCriteria(type), EXHAUSTIVE);
      for (const r of (await this.#ctx.store.search(request)).matches) out.push(`${type}/${r.id}`);
    }
    return out;
  }

  /**
   * The granular filters of a type as criteria, one list per filter; undefined when the type is
   * granted whole. A filter the registry cannot parse grants nothing (fail closed).
   */
  #filters(type: string): Criterion[][] | undefined {
    const filters = this.grant.readable.get(type) ?? [];
    if (filters.length === 0) return undefined;
    return filters.map((query) => {
      try {
        return parseCriteria(this.#ctx.registry, type, new URLSearchParams(query));
      } catch (err) {
        this.#ctx.logger.error('Unusable granular scope filter: it grants nothing', { type, query, error: err });
        return matchNothing(this.#ctx.registry, type);
      }
    });
  }

  /** The search to run for a client's search: its criteria AND the policy's. */
  async restrict(request: SearchRequest): Promise<SearchRequest> {
    const type = request.resourceType;
    this.requireType(type);
    const rule = this.#ctx.rules.get(type);
    // `Practitioner?_has:Observation:performer:code=...` would test other members' data.
    if (rule?.kind === 'shared') {
      const memberData = (source: string): boolean => this.#ctx.rules.get(source)?.kind !== 'shared';
      if (hasReverseChainOver(request.criteria, memberData)) {
        throw new FhirError(403, 'forbidden', `_has over patient data is not available on ${type} searches`);
      }
    }
    return { ...request, criteria: [...request.criteria, ...(await this.criteria(type))] };
  }

  /** The resources of `ids` (of one type) that this token may see. */
  async visible(type: string, ids: readonly string[]): Promise<StoredResource[]> {
    if (ids.length === 0 || !this.canRead(type)) return [];
    const criteria = [...idCriterion(this.#ctx.registry, type, ids), ...(await this.criteria(type))];
    return (await this.#ctx.store.search(searchOf(type, criteria, ids.length))).matches;
  }

  /**
   * Throws the same 404 as an unknown id unless the token may read `type/id`: another member's
   * resource is never confirmed to exist (a deleted one of the member's is 404 too).
   */
  async guardRead(type: string, id: string): Promise<void> {
    this.requireType(type);
    const found = await this.visible(type, [id]);
    if (found.length === 0) throw notFound(`${type}/${id} is not known.`);
  }

  /**
   * A search result with its `_include`/`_revinclude` resources cut to what the token may see. The
   * matches already satisfy the restricted criteria. An included Provenance that points at a resource
   * of this answer or at the patient (the usual `_revinclude=Provenance:target`) is kept without a
   * look at the rest of the record; any other goes through the Provenance criteria.
   */
  async filterResult(result: SearchResult): Promise<SearchResult> {
    if (result.included.length === 0) return result;
    const byType = new Map<string, string[]>();
    for (const r of result.included) {
      const ids = byType.get(r.resourceType) ?? [];
      ids.push(r.id);
      byType.set(r.resourceType, ids);
    }
    const keep = new Set<string>();
    const shown = new Set<string>([`Patient/${this.grant.patientId}`]);
    for (const r of result.matches) shown.add(`${r.resourceType}/${r.id}`);
    for (const [type, ids] of byType) {
      if (type === 'Provenance') continue;
      for (const r of await this.visible(type, ids)) {
        keep.add(`${type}/${r.id}`);
        shown.add(`${type}/${r.id}`);
      }
    }
    const provenances = result.included.filter((r) => r.resourceType === 'Provenance');
    if (provenances.length > 0 && this.canRead('Provenance')) {
      const unfiltered = (this.grant.readable.get('Provenance') ?? []).length === 0;
      const undecided: string[] = [];
      for (const r of provenances) {
        if (unfiltered && provenanceTargets(r.json).some((target) => shown.has(target))) keep.add(`Provenance/${r.id}`);
        else undecided.push(r.id);
      }
      for (const r of await this.visible('Provenance', undecided)) keep.add(`Provenance/${r.id}`);
    }
    return { ...result, included: result.included.filter((r) => keep.has(`${r.resourceType}/${r.id}`)) };
  }
}
