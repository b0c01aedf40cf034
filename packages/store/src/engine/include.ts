import type { IncludeSpec, SearchParamDef } from '@plan-api/fhir';
import type { StoredResource } from '../port.ts';
import type { EngineView } from './criteria.ts';
import { compareIds, type Entry } from './table.ts';

/** `_include:iterate` stops after this many rounds, so a reference cycle cannot run away. */
const MAX_ITERATE_ROUNDS = 8;

interface Found {
  resourceType: string;
  entry: Entry;
}

/**
 * The resources `_include` and `_revinclude` add to a page of matches. Plain specs apply to the
 * matches; `:iterate` specs also apply, round after round, to what earlier rounds included. Results are
 * deduplicated and never repeat a match. Deleted targets are skipped.
 */
export function collectIncludes(
  view: EngineView,
  resourceType: string,
  matches: readonly Entry[],
  include: readonly IncludeSpec[],
  revinclude: readonly IncludeSpec[],
): StoredResource[] {
  if (include.length === 0 && revinclude.length === 0) return [];
  const seen = new Set(matches.map((m) => `${resourceType}/${m.id}`));
  const included: StoredResource[] = [];
  let frontier: Found[] = matches.map((entry) => ({ resourceType, entry }));
  let includeSpecs = include;
  let revincludeSpecs = revinclude;
  for (let round = 0; round <= MAX_ITERATE_ROUNDS && frontier.length > 0; round++) {
    const added: Found[] = [];
    const add = (type: string, entry: Entry | undefined): void => {
      if (!entry?.index) return;
      const key = `${type}/${entry.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      included.push(entry.current);
      added.push({ resourceType: type, entry });
    };
    for (const found of frontier) {
      for (const spec of includeSpecs) forwardTargets(view, found, spec, add);
      for (const spec of revincludeSpecs) reverseSources(view, found, spec, add);
    }
    frontier = added;
    includeSpecs = include.filter((s) => s.iterate);
    revincludeSpecs = revinclude.filter((s) => s.iterate);
  }
  return included;
}

function specParams(view: EngineView, spec: IncludeSpec): SearchParamDef[] {
  return spec.param === '*' ? view.registry.referenceParams(spec.sourceType) : [spec.param];
}

/** `_include`: what the found resource references through the spec's parameter(s). */
function forwardTargets(
  view: EngineView,
  found: Found,
  spec: IncludeSpec,
  add: (type: string, entry: Entry | undefined) => void,
): void {
  if (spec.sourceType !== found.resourceType) return;
  for (const param of specParams(view, spec)) {
    for (const value of found.entry.index?.[param.code] ?? []) {
      if (value.kind !== 'reference' || value.type === undefined || value.id === undefined) continue;
      if (spec.targetType !== undefined && value.type !== spec.targetType) continue;
      add(value.type, view.table(value.type)?.entries.get(value.id));
    }
  }
}

/** `_revinclude`: the spec's source resources that reference the found resource. */
function reverseSources(
  view: EngineView,
  found: Found,
  spec: IncludeSpec,
  add: (type: string, entry: Entry | undefined) => void,
): void {
  if (spec.targetType !== undefined && spec.targetType !== found.resourceType) return;
  const sources = view.table(spec.sourceType);
  if (!sources) return;
  for (const param of specParams(view, spec)) {
    const ids = sources.referencing(param.code, `${found.resourceType}/${found.entry.id}`);
    if (!ids) continue;
    for (const id of [...ids].sort(compareIds)) add(spec.sourceType, sources.entries.get(id));
  }
}
