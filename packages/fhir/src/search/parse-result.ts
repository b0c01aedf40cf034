import { badRequest } from '../outcome.ts';
import type { SearchRegistry } from './registry.ts';
import type { IncludeSpec, SortSpec, SummaryMode, SearchRequest } from './types.ts';

/** The result parameters: they shape the answer rather than select resources. */
export const RESULT_PARAMS = new Set([
  '_count',
  '_offset',
  '_cursor',
  '_sort',
  '_include',
  '_revinclude',
  '_summary',
  '_elements',
  '_total',
  '_format',
  '_pretty',
]);

/** Result parameters that take one value: a repeat replaces the earlier one. */
export const SINGLE_VALUED = new Set([
  '_count',
  '_offset',
  '_cursor',
  '_summary',
  '_elements',
  '_total',
  '_format',
  '_pretty',
]);

const SUMMARY_MODES: readonly SummaryMode[] = ['true', 'false', 'text', 'data', 'count'];
const TOTAL_MODES: readonly SearchRequest['total'][] = ['none', 'estimate', 'accurate'];

function nonNegativeInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw badRequest(`Invalid ${name}=${value}: expected a non-negative integer`, [name]);
  // A database offset is a 64-bit integer and no search pages that far: past a billion is a mistake, not a page.
  if (!/^0*\d{1,9}$/.test(value)) {
    throw badRequest(`Invalid ${name}=${value.slice(0, 40)}: expected an integer below 1000000000`, [name]);
  }
  return Number(value);
}

/**
 * Applies one result parameter (`base` is its name without modifier) to the request being built.
 * Throws a 400 for malformed values, unknown sort parameters and unknown include targets.
 */
export function applyResultParam(
  request: SearchRequest,
  base: string,
  modifier: string | undefined,
  name: string,
  value: string,
  registry: SearchRegistry,
  maxCount: number,
): void {
  if (modifier !== undefined && base !== '_include' && base !== '_revinclude') {
    throw badRequest(`Unknown modifier :${modifier} on ${base}`, [name]);
  }
  switch (base) {
    case '_count':
      request.count = Math.min(nonNegativeInteger(name, value), maxCount);
      return;
    case '_offset':
      request.offset = nonNegativeInteger(name, value);
      return;
    case '_cursor':
      request.cursor = value;
      return;
    case '_sort':
      request.sort.push(...parseSort(request.resourceType, value, registry));
      return;
    case '_include':
    case '_revinclude': {
      const iterate = parseIterate(modifier, name);
      const specs = value
        .split(',')
        .filter((v) => v.trim() !== '')
        .map((v) => parseInclude(v.trim(), iterate, name, registry));
      (base === '_include' ? request.include : request.revinclude).push(...specs);
      return;
    }
    case '_summary':
      if (!SUMMARY_MODES.includes(value as SummaryMode)) {
        throw badRequest(`Invalid _summary=${value}: expected true, false, text, data or count`, [name]);
      }
      request.summary = value as SummaryMode;
      return;
    case '_elements': {
      const prefix = `${request.resourceType}.`;
      const elements = value
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== '')
        .map((e) => (e.startsWith(prefix) ? e.slice(prefix.length) : e));
      if (elements.some((e) => !/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/.test(e))) {
        throw badRequest(`Invalid _elements=${value}: expected element names separated by commas`, [name]);
      }
      request.elements = elements;
      return;
    }
    case '_total':
      if (!TOTAL_MODES.includes(value as SearchRequest['total'])) {
        throw badRequest(`Invalid _total=${value}: expected none, estimate or accurate`, [name]);
      }
      request.total = value as SearchRequest['total'];
      return;
    default:
      // _format and _pretty are the HTTP layer's business; they are accepted and kept in the self link.
      return;
  }
}

function parseSort(resourceType: string, value: string, registry: SearchRegistry): SortSpec[] {
  const specs: SortSpec[] = [];
  for (const item of value.split(',')) {
    const trimmed = item.trim();
    if (trimmed === '') continue;
    const descending = trimmed.startsWith('-');
    const code = descending ? trimmed.slice(1) : trimmed;
    const param = registry.get(resourceType, code);
    if (!param) throw badRequest(`Unknown sort parameter ${code} for ${resourceType} in _sort=${value}`, ['_sort']);
    if (param.type === 'special') throw badRequest(`Cannot sort by ${code} in _sort=${value}`, ['_sort']);
    specs.push({ param, descending });
  }
  return specs;
}

function parseIterate(modifier: string | undefined, name: string): boolean {
  if (modifier === undefined) return false;
  // `recurse` is the DSTU2 name of `iterate`; clients still send it.
  if (modifier === 'iterate' || modifier === 'recurse') return true;
  throw badRequest(`Unknown modifier :${modifier} on ${name}; only :iterate is supported`, [name]);
}

function parseInclude(value: string, iterate: boolean, name: string, registry: SearchRegistry): IncludeSpec {
  const [sourceType, code, targetType, ...extra] = value.split(':');
  const includeError = (why: string) => badRequest(`Invalid ${name}=${value}: ${why}`, [name]);
  if (!sourceType || !code || extra.length > 0 || targetType === '') {
    throw includeError('expected SourceType:parameter[:TargetType] or SourceType:*');
  }
  if (!registry.hasType(sourceType)) throw includeError(`unknown resource type ${sourceType}`);
  let param: IncludeSpec['param'] = '*';
  if (code !== '*') {
    const def = registry.get(sourceType, code);
    if (!def) throw includeError(`unknown search parameter ${sourceType}:${code}`);
    if (def.type !== 'reference') throw includeError(`${sourceType}:${code} is not a reference parameter`);
    param = def;
  }
  const spec: IncludeSpec = { sourceType, param, iterate };
  if (targetType !== undefined) {
    const targets = param === '*' ? undefined : param.targets;
    const known = targets && targets.length > 0 ? targets.includes(targetType) : registry.hasType(targetType);
    if (!known) throw includeError(`${sourceType}:${code} cannot refer to ${targetType}`);
    spec.targetType = targetType;
  }
  return spec;
}
