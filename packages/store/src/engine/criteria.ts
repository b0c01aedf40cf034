import { matchesCriterion, type Criterion, type ParamCriterion, type SearchRegistry } from '@plan-api/fhir';
import type { Entry, TypeTable } from './table.ts';

const NONE: ReadonlySet<string> = new Set();

/** What search evaluation needs from the engine. */
export interface EngineView {
  readonly registry: SearchRegistry;
  table(resourceType: string): TypeTable | undefined;
}

/**
 * Per-search memo of the id sets that chained and `_has` criteria resolve to, so a criterion's inner
 * search runs once per request, not once per candidate.
 */
export type CriterionMemo = Map<Criterion, ReadonlySet<string>>;

/**
 * Ids (in default order) of the live resources of a type that may satisfy every criterion. Criteria
 * that can be answered from an index (`_id`, references by id, chains, `_has`) narrow the candidates;
 * the rest are checked one by one by `entryMatches`.
 */
export function candidateIds(
  view: EngineView,
  table: TypeTable,
  criteria: readonly Criterion[],
  memo: CriterionMemo,
): readonly string[] {
  let narrowest: ReadonlySet<string> | undefined;
  for (const criterion of criteria) {
    const ids = indexedIds(view, table, criterion, memo);
    if (ids && (!narrowest || ids.size < narrowest.size)) narrowest = ids;
  }
  return narrowest ? table.sortedOf(narrowest) : table.sortedIds();
}

/** Whether a live entry of `table` satisfies every criterion (they are AND'ed). */
export function entryMatches(
  view: EngineView,
  table: TypeTable,
  entry: Entry,
  criteria: readonly Criterion[],
  memo: CriterionMemo,
): boolean {
  const index = entry.index;
  if (!index) return false;
  for (const criterion of criteria) {
    switch (criterion.kind) {
      case 'param':
        if (!matchesCriterion(index[criterion.param.code], criterion)) return false;
        break;
      case 'chain': {
        const targets = resolveSet(view, table, criterion, memo);
        const values = index[criterion.param.code] ?? [];
        const hit = values.some(
          (v) => v.kind === 'reference' && v.type === criterion.targetType && v.id !== undefined && targets.has(v.id),
        );
        if (!hit) return false;
        break;
      }
      case 'has':
        if (!resolveSet(view, table, criterion, memo).has(entry.id)) return false;
        break;
    }
  }
  return true;
}

/** Every live entry of a type matching the criteria, in default (id) order. */
export function matchingEntries(
  view: EngineView,
  resourceType: string,
  criteria: readonly Criterion[],
  memo: CriterionMemo,
): Entry[] {
  const table = view.table(resourceType);
  if (!table) return [];
  const out: Entry[] = [];
  for (const id of candidateIds(view, table, criteria, memo)) {
    const entry = table.entries.get(id);
    if (entry && entryMatches(view, table, entry, criteria, memo)) out.push(entry);
  }
  return out;
}

/**
 * For a chain: the ids of the target type that satisfy the inner criterion. For `_has`: the ids of
 * `table`'s type that matching source resources point at.
 */
function resolveSet(
  view: EngineView,
  table: TypeTable,
  criterion: Exclude<Criterion, ParamCriterion>,
  memo: CriterionMemo,
): ReadonlySet<string> {
  const known = memo.get(criterion);
  if (known) return known;
  const ids = new Set<string>();
  if (criterion.kind === 'chain') {
    for (const entry of matchingEntries(view, criterion.targetType, [criterion.criterion], memo)) ids.add(entry.id);
  } else {
    const sources = matchingEntries(view, criterion.sourceType, [criterion.criterion], memo);
    for (const source of sources) {
      for (const value of source.index?.[criterion.referenceParam.code] ?? []) {
        if (value.kind === 'reference' && value.type === table.resourceType && value.id !== undefined)
          ids.add(value.id);
      }
    }
  }
  memo.set(criterion, ids);
  return ids;
}

/** The ids a criterion can be narrowed to from an index, or undefined when it needs a check per resource. */
function indexedIds(
  view: EngineView,
  table: TypeTable,
  criterion: Criterion,
  memo: CriterionMemo,
): ReadonlySet<string> | undefined {
  if (criterion.kind === 'has') return resolveSet(view, table, criterion, memo);
  if (criterion.kind === 'chain') {
    const ids = new Set<string>();
    for (const target of resolveSet(view, table, criterion, memo)) {
      const referencing = table.referencing(criterion.param.code, `${criterion.targetType}/${target}`);
      for (const id of referencing ?? []) ids.add(id);
    }
    return ids;
  }
  if (criterion.modifier !== undefined) return undefined;
  if (criterion.param.code === '_id') {
    const ids = new Set<string>();
    for (const value of criterion.values) {
      if (value.kind !== 'token' || value.code === undefined) return undefined;
      ids.add(value.code);
    }
    return ids;
  }
  if (criterion.param.type !== 'reference') return undefined;
  const sets: ReadonlySet<string>[] = [];
  for (const value of criterion.values) {
    if (value.kind !== 'reference' || value.id === undefined || value.url !== undefined) return undefined;
    const type = value.type ?? criterion.targetType;
    const key = type === undefined ? value.id : `${type}/${value.id}`;
    sets.push(table.referencing(criterion.param.code, key) ?? NONE);
  }
  // One value (the common `patient=x`): the index's own set, which the table keeps sorted between changes.
  if (sets.length === 1) return sets[0];
  const ids = new Set<string>();
  for (const set of sets) for (const id of set) ids.add(id);
  return ids;
}
