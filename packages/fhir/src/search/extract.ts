import type { Resource } from 'fhir/r4';
import {
  addDates,
  addNumbers,
  addPositions,
  addQuantities,
  addReferences,
  addStrings,
  addTokens,
  addUris,
} from './index-values.ts';
import { compilePath, evaluatePath, type PathSegment } from './path.ts';
import type { SearchRegistry } from './registry.ts';
import type { IndexValue, SearchIndex, SearchParamDef, SearchParamType } from './types.ts';

/** A parameter ready to evaluate: its paths parsed, its targets as a set. */
interface CompiledParam {
  code: string;
  type: SearchParamType;
  paths: PathSegment[][];
  targets: ReadonlySet<string> | undefined;
}

// Registries are immutable, so what is compiled for one stays valid for its lifetime; the WeakMap
// lets a registry and its compiled paths be collected together.
const compiledByRegistry = new WeakMap<SearchRegistry, Map<string, CompiledParam[]>>();

function compile(def: SearchParamDef): CompiledParam {
  return {
    code: def.code,
    type: def.type,
    paths: def.paths.map(compilePath),
    targets: def.targets && def.targets.length > 0 ? new Set(def.targets) : undefined,
  };
}

function compiledFor(registry: SearchRegistry, resourceType: string): CompiledParam[] {
  let byType = compiledByRegistry.get(registry);
  if (!byType) compiledByRegistry.set(registry, (byType = new Map()));
  let params = byType.get(resourceType);
  if (!params) {
    // forType lists the common parameters first; a type's own definition of the same code (e.g. a
    // US Core `_id`) replaces the common one.
    const byCode = new Map<string, SearchParamDef>();
    for (const def of registry.forType(resourceType)) byCode.set(def.code, def);
    params = [...byCode.values()].map(compile);
    byType.set(resourceType, params);
  }
  return params;
}

function convert(param: CompiledParam, found: readonly unknown[], out: IndexValue[]): void {
  switch (param.type) {
    case 'token':
      for (const el of found) addTokens(el, out);
      return;
    case 'string': {
      const seen = new Set<string>();
      for (const el of found) addStrings(el, out, seen);
      return;
    }
    case 'date':
      for (const el of found) addDates(el, out);
      return;
    case 'reference':
      for (const el of found) addReferences(el, out, param.targets);
      return;
    case 'quantity':
      for (const el of found) addQuantities(el, out);
      return;
    case 'number':
      for (const el of found) addNumbers(el, out);
      return;
    case 'uri':
      for (const el of found) addUris(el, out);
      return;
    case 'special':
      for (const el of found) addPositions(el, out);
      return;
  }
}

/**
 * Extracts the index values of every search parameter of the resource's type (common ones such as
 * `_id` and `_lastUpdated` included). Pure; adapters call it once per write and keep the result.
 * Parameters without a value are absent from the result (that is what `:missing=true` matches).
 */
export function extractIndex(resource: Resource, registry: SearchRegistry): SearchIndex {
  const index: SearchIndex = {};
  const found: unknown[] = [];
  for (const param of compiledFor(registry, resource.resourceType)) {
    if (found.length !== 0) found.length = 0;
    for (const path of param.paths) evaluatePath(resource, path, found);
    if (found.length === 0) continue;
    const values: IndexValue[] = [];
    convert(param, found, values);
    if (values.length > 0) index[param.code] = values;
  }
  return index;
}
