import { matchValue } from './match-values.ts';
import type { IndexValue, ParamCriterion, SortSpec, SearchIndex } from './types.ts';

/**
 * Whether a resource's index values for one parameter satisfy a (non-chained) criterion: the OR of
 * its values, with the modifier applied (`:missing`, `:not`, `:exact`, `:contains`, `:text`,
 * `:identifier`, type modifier). Date prefixes follow FHIR R4 range semantics; `near` uses the
 * great-circle distance.
 */
export function matchesCriterion(values: readonly IndexValue[] | undefined, criterion: ParamCriterion): boolean {
  const present = values ?? [];
  if (criterion.modifier === 'missing') {
    return criterion.values.some((v) => v.kind === 'missing' && v.missing === (present.length === 0));
  }
  const { modifier, targetType } = criterion;
  const anyMatch = criterion.values.some((v) => present.some((iv) => matchValue(iv, v, modifier, targetType)));
  // `:not` keeps resources that have no value at all (FHIR R4 3.1.1.5.1).
  return modifier === 'not' ? !anyMatch : anyMatch;
}

type SortKey = string | number;

function sortKey(iv: IndexValue): SortKey | undefined {
  switch (iv.kind) {
    case 'token':
      return iv.code;
    case 'string':
      return iv.normalized;
    case 'date':
      return iv.start;
    case 'reference':
      return iv.reference ?? iv.url ?? (iv.id !== undefined ? `${iv.type ?? ''}/${iv.id}` : undefined);
    case 'quantity':
    case 'number':
      return iv.value;
    case 'uri':
      return iv.value;
    case 'position':
      return undefined;
  }
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  // Code-point order, not locale order: the same in every adapter and in SQL with C collation.
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The value a resource sorts by: its smallest (ascending) or largest (descending) key. */
function pick(values: readonly IndexValue[] | undefined, descending: boolean): SortKey | undefined {
  let best: SortKey | undefined;
  for (const iv of values ?? []) {
    const key = sortKey(iv);
    if (key === undefined) continue;
    if (best === undefined || compareKeys(key, best) * (descending ? -1 : 1) < 0) best = key;
  }
  return best;
}

/**
 * Compares two resources' indexes by the sort specs (missing values last whatever the direction),
 * for `_sort`. Ties return 0; the store breaks them by id.
 */
export function compareBySort(a: SearchIndex, b: SearchIndex, sort: readonly SortSpec[]): number {
  for (const { param, descending } of sort) {
    const ka = pick(a[param.code], descending);
    const kb = pick(b[param.code], descending);
    if (ka === undefined || kb === undefined) {
      if (ka !== kb) return ka === undefined ? 1 : -1;
      continue;
    }
    const c = compareKeys(ka, kb);
    if (c !== 0) return descending ? -c : c;
  }
  return 0;
}
