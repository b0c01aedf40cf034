import { parseSearch } from '@plan-api/fhir';
import type { Criterion, ParamCriterion, SearchRegistry, SearchRequest } from '@plan-api/fhir';

/**
 * Page size of the internal searches that must see every match (a member's record, a union of
 * granular filters). A member has hundreds of resources; past this the answer is cut short, which
 * only ever hides data (fail closed).
 */
export const EXHAUSTIVE = 100_000;

/** A bare search request: these criteria, first `count` matches in default order, no includes. */
export function searchOf(resourceType: string, criteria: Criterion[], count: number): SearchRequest {
  return {
    resourceType,
    criteria,
    include: [],
    revinclude: [],
    sort: [],
    count,
    offset: 0,
    total: 'none',
    selfParams: [],
    ignored: [],
  };
}

/**
 * Criteria from query parameters, parsed exactly as a client's search is (strict: an unknown
 * parameter throws), so an injected restriction means what the same query would mean.
 */
export function parseCriteria(
  registry: SearchRegistry,
  resourceType: string,
  params: Iterable<[string, string]>,
): Criterion[] {
  return parseSearch(resourceType, params, registry, { defaultCount: 1, maxCount: 1, strict: true }).criteria;
}

/** `_id=<ids>`; ids never contain commas, so one OR'd criterion holds them all. */
export function idCriterion(registry: SearchRegistry, resourceType: string, ids: readonly string[]): Criterion[] {
  if (ids.length === 0) return matchNothing(registry, resourceType);
  return parseCriteria(registry, resourceType, [['_id', ids.join(',')]]);
}

/** A criterion no resource satisfies: `_id` equal to a value that is not a valid id. */
export function matchNothing(registry: SearchRegistry, resourceType: string): Criterion[] {
  const param = registry.get(resourceType, '_id');
  if (!param) throw new Error(`The registry has no _id parameter for ${resourceType}`);
  const never: ParamCriterion = { kind: 'param', param, values: [{ kind: 'token', code: '#none' }] };
  return [never];
}

/**
 * Granular filters of one type (`category=laboratory`, `category=vital-signs`) as criteria, when they
 * are OR-able as values of one parameter: every filter is a single criterion on the same parameter
 * with the same modifier. Undefined when they are not (the caller then unions the filters' matches).
 */
export function mergeSingleParamFilters(filters: readonly Criterion[][]): Criterion[] | undefined {
  const first = filters[0]?.[0];
  if (first?.kind !== 'param') return undefined;
  const values: ParamCriterion['values'] = [];
  for (const criteria of filters) {
    const only = criteria[0];
    if (criteria.length !== 1 || only?.kind !== 'param') return undefined;
    if (only.param !== first.param || only.modifier !== first.modifier || only.targetType !== first.targetType)
      return undefined;
    // `:not` with several values means "none of them"; OR'ing two `:not` filters is something else.
    if (only.modifier === 'not' || only.modifier === 'missing') return undefined;
    values.push(...only.values);
  }
  return [{ ...first, values }];
}

/** Whether any criterion (chains and `_has` looked into) is a `_has` over one of `types`. */
export function hasReverseChainOver(criteria: readonly Criterion[], types: (type: string) => boolean): boolean {
  return criteria.some((criterion) => {
    switch (criterion.kind) {
      case 'param':
        return false;
      case 'chain':
        return hasReverseChainOver([criterion.criterion], types);
      case 'has':
        return types(criterion.sourceType) || hasReverseChainOver([criterion.criterion], types);
    }
  });
}
