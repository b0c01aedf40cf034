import { badRequest, notFound } from '../outcome.ts';
import { parseCriterion, UNKNOWN } from './parse-criterion.ts';
import { applyResultParam, RESULT_PARAMS, SINGLE_VALUED } from './parse-result.ts';
import { splitEscaped } from './parse-util.ts';
import { restoreZonePlus } from './parse-values.ts';
import type { SearchRegistry } from './registry.ts';
import type { Criterion, SearchParamDef, SearchRequest } from './types.ts';

export interface ParseOptions {
  /** Page size when `_count` is absent. */
  defaultCount: number;
  /** Largest `_count` honoured; larger values are clamped. */
  maxCount: number;
  /** `Prefer: handling=strict`: unknown parameters are a 400 instead of being ignored. */
  strict: boolean;
  /** "Now" in ms for the `ap` date prefix (default: the clock). */
  now?: number;
  /** This server's FHIR base URL: absolute reference values under it are read as `Type/id`. */
  baseUrl?: string;
}

/** A criterion whose values all turned out empty (e.g. only whitespace) selects nothing and is dropped. */
function isEmpty(criterion: Criterion): boolean {
  return criterion.kind === 'param' ? criterion.values.length === 0 : isEmpty(criterion.criterion);
}

/** The parameter a (possibly chained or `_has`) criterion finally tests values of. */
function leafParam(criterion: Criterion): SearchParamDef {
  return criterion.kind === 'param' ? criterion.param : leafParam(criterion.criterion);
}

/** A value as `Bundle.link[self]` shows it: the value as meant (a date's zone `+` restored), else as given. */
function selfValue(criterion: Criterion, value: string): string {
  return leafParam(criterion).type === 'date' ? restoreZonePlus(value) : value;
}

/**
 * Parses query parameters (GET query or `POST _search` form body) into a SearchRequest.
 * Throws FhirError 400 (OperationOutcome) for malformed values, unknown types, bad modifiers, and
 * (strict mode) unknown parameters; 404 for an unknown resource type.
 *
 * Comma separates OR'd values (`\,` escapes one); a repeated parameter is a separate, AND'ed
 * criterion. Empty values are ignored. `_total` defaults to `estimate` (a total when it is cheap).
 * For the `ap` date prefix the value's start/end are already widened by the approximation margin.
 */
export function parseSearch(
  resourceType: string,
  params: Iterable<[string, string]>,
  registry: SearchRegistry,
  options: ParseOptions,
): SearchRequest {
  if (!registry.hasType(resourceType)) throw notFound(`Unknown resource type ${resourceType}`);
  const request: SearchRequest = {
    resourceType,
    criteria: [],
    include: [],
    revinclude: [],
    sort: [],
    count: Math.min(options.defaultCount, options.maxCount),
    offset: 0,
    total: 'estimate',
    selfParams: [],
    ignored: [],
  };
  const now = options.now ?? Date.now();

  for (const [name, value] of params) {
    if (value.trim() === '') continue;
    const [base = '', modifier] = splitName(name);
    if (RESULT_PARAMS.has(base)) {
      applyResultParam(request, base, modifier, name, value.trim(), registry, options.maxCount);
      // The cursor names a position, not a selection: the HTTP layer puts it in the paging links itself.
      if (base === '_cursor') continue;
      if (SINGLE_VALUED.has(base)) request.selfParams = request.selfParams.filter(([n]) => n !== name);
      request.selfParams.push([name, value]);
      continue;
    }
    const items = splitEscaped(value, ',').filter((item) => item !== '');
    if (items.length === 0) continue;
    const criterion = parseCriterion(resourceType, name, items, {
      registry,
      value: { name, raw: value },
      now,
      baseUrl: options.baseUrl,
    });
    if (criterion === UNKNOWN) {
      if (options.strict) throw badRequest(`Unknown search parameter ${name} for ${resourceType}`, [name]);
      request.ignored.push(name);
      continue;
    }
    if (isEmpty(criterion)) continue;
    request.criteria.push(criterion);
    request.selfParams.push([name, selfValue(criterion, value)]);
  }
  return request;
}

/** `_include:iterate` → [`_include`, `iterate`]; names without a colon have no modifier. */
function splitName(name: string): [string, string | undefined] {
  const colon = name.indexOf(':');
  return colon < 0 ? [name, undefined] : [name.slice(0, colon), name.slice(colon + 1)];
}
