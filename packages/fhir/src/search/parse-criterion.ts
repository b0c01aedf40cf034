import { badRequest } from '../outcome.ts';
import { splitEscaped, type ValueContext } from './parse-util.ts';
import { parseValues, type ValueEnv } from './parse-values.ts';
import type { SearchRegistry } from './registry.ts';
import type { Criterion, SearchModifier, SearchParamDef, SearchParamType } from './types.ts';

/** Returned when a parameter code is not known (lenient handling ignores it, strict handling refuses it). */
export const UNKNOWN = Symbol('unknown search parameter');

const TYPE_RE = /^[A-Z][A-Za-z]+$/;

/** Modifiers we evaluate, by parameter type; `missing` works on every type. */
const SUPPORTED: Record<SearchParamType, readonly SearchModifier[]> = {
  token: ['missing', 'not', 'text'],
  string: ['missing', 'exact', 'contains'],
  reference: ['missing', 'identifier'],
  uri: ['missing', 'below', 'above'],
  date: ['missing'],
  number: ['missing'],
  quantity: ['missing'],
  special: ['missing'],
};

const KNOWN_MODIFIERS = new Set<string>([
  'exact',
  'contains',
  'missing',
  'not',
  'text',
  'identifier',
  'below',
  'above',
  'in',
  'not-in',
  'of-type',
]);

/** Everything parseCriterion needs besides the name and value. */
export interface CriterionContext extends ValueEnv {
  registry: SearchRegistry;
  /** The top-level name and value as given, for error messages. */
  value: ValueContext;
}

/**
 * Parses one search parameter (`code`, `code:modifier`, `ref.child`, `ref:Type.child`,
 * `_has:Type:ref:name`, nested) on `resourceType` into a Criterion. `items` are the comma-split
 * values. Returns UNKNOWN when a parameter code is not defined for the type it applies to.
 */
export function parseCriterion(
  resourceType: string,
  name: string,
  items: string[],
  ctx: CriterionContext,
): Criterion | typeof UNKNOWN {
  if (name.startsWith('_has:')) return parseHas(resourceType, name, items, ctx);
  const dot = name.indexOf('.');
  if (dot >= 0) return parseChain(resourceType, name.slice(0, dot), name.slice(dot + 1), items, ctx);

  const [code, modifier, ...extra] = name.split(':') as [string, ...string[]];
  const def = ctx.registry.get(resourceType, code);
  if (!def) return UNKNOWN;
  if (extra.length > 0) throw badRequest(`Search parameter ${ctx.value.name} has more than one modifier`);
  if (def.type === 'special' && def.code !== 'near') {
    throw badRequest(`Search parameter ${code} (special) is not supported`, [ctx.value.name]);
  }
  if (modifier !== undefined && def.type === 'reference' && TYPE_RE.test(modifier)) {
    checkTarget(def, modifier, ctx);
    return {
      kind: 'param',
      param: def,
      targetType: modifier,
      values: parseValues(def, undefined, modifier, items, ctx.value, ctx),
    };
  }
  const mod = modifier === undefined ? undefined : checkModifier(def, modifier, ctx);
  const criterion: Criterion = {
    kind: 'param',
    param: def,
    values: parseValues(def, mod, undefined, items, ctx.value, ctx),
  };
  if (mod) criterion.modifier = mod;
  return criterion;
}

function checkModifier(def: SearchParamDef, modifier: string, ctx: CriterionContext): SearchModifier {
  if (!KNOWN_MODIFIERS.has(modifier)) {
    throw badRequest(`Unknown modifier :${modifier} in search parameter ${ctx.value.name}`, [ctx.value.name]);
  }
  if (!SUPPORTED[def.type].includes(modifier as SearchModifier)) {
    throw badRequest(
      `Modifier :${modifier} is not supported on search parameter ${def.code} (${def.type}) in ${ctx.value.name}`,
      [ctx.value.name],
    );
  }
  return modifier as SearchModifier;
}

function checkTarget(def: SearchParamDef, type: string, ctx: CriterionContext): void {
  if (!ctx.registry.hasType(type) && !def.targets?.includes(type)) {
    throw badRequest(`Unknown resource type ${type} in search parameter ${ctx.value.name}`, [ctx.value.name]);
  }
  if (def.targets && def.targets.length > 0 && !def.targets.includes(type) && !def.targets.includes('Resource')) {
    throw badRequest(`Search parameter ${def.code} cannot refer to a ${type} (in ${ctx.value.name})`, [ctx.value.name]);
  }
}

/** The code of the first parameter of a (possibly chained) name, or undefined for `_has`. */
function leadingCode(name: string): string | undefined {
  if (name.startsWith('_has:')) return undefined;
  return name.split('.')[0]?.split(':')[0];
}

function parseChain(
  resourceType: string,
  head: string,
  tail: string,
  items: string[],
  ctx: CriterionContext,
): Criterion | typeof UNKNOWN {
  const [code, typeModifier, ...extra] = head.split(':') as [string, ...string[]];
  const def = ctx.registry.get(resourceType, code);
  if (!def) return UNKNOWN;
  const chainError = (why: string) => badRequest(`Cannot chain ${ctx.value.name}: ${why}`, [ctx.value.name]);
  if (def.type !== 'reference') throw chainError(`${code} is not a reference parameter`);
  if (extra.length > 0 || tail === '') throw chainError('malformed chain');
  let targetType: string;
  if (typeModifier !== undefined) {
    if (!TYPE_RE.test(typeModifier)) throw chainError(`:${typeModifier} is not a resource type`);
    checkTarget(def, typeModifier, ctx);
    targetType = typeModifier;
  } else {
    const targets = (def.targets ?? []).filter((t) => t !== 'Resource');
    if (targets.length === 0) throw chainError(`${code} has no known target types; name one with ${code}:Type.`);
    const childCode = leadingCode(tail);
    const candidates =
      targets.length === 1
        ? targets
        : targets.filter((t) => ctx.registry.hasType(t) && (childCode === undefined || ctx.registry.get(t, childCode)));
    if (candidates.length === 0) return UNKNOWN;
    if (candidates.length > 1) {
      throw chainError(`${code} may refer to ${candidates.join(', ')}; name one with ${code}:Type.`);
    }
    targetType = candidates[0] as string;
  }
  const criterion = parseCriterion(targetType, tail, items, ctx);
  if (criterion === UNKNOWN) return UNKNOWN;
  return { kind: 'chain', param: def, targetType, criterion };
}

function parseHas(
  resourceType: string,
  name: string,
  items: string[],
  ctx: CriterionContext,
): Criterion | typeof UNKNOWN {
  const [, sourceType, refCode, ...rest] = splitEscaped(name, ':');
  const inner = rest.join(':');
  const hasError = (why: string) => badRequest(`Invalid _has parameter ${ctx.value.name}: ${why}`, [ctx.value.name]);
  if (!sourceType || !refCode || inner === '') throw hasError('expected _has:Type:referenceParameter:parameter');
  if (!ctx.registry.hasType(sourceType)) throw hasError(`unknown resource type ${sourceType}`);
  const referenceParam = ctx.registry.get(sourceType, refCode);
  if (!referenceParam) return UNKNOWN;
  if (referenceParam.type !== 'reference') throw hasError(`${sourceType}:${refCode} is not a reference parameter`);
  const targets = referenceParam.targets;
  if (targets && targets.length > 0 && !targets.includes(resourceType) && !targets.includes('Resource')) {
    throw hasError(`${sourceType}:${refCode} does not refer to ${resourceType}`);
  }
  const criterion = parseCriterion(sourceType, inner, items, ctx);
  if (criterion === UNKNOWN) return UNKNOWN;
  return { kind: 'has', sourceType, referenceParam, criterion };
}
