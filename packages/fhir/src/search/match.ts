import type { IndexValue, ParamCriterion, SortSpec, SearchIndex } from './types.ts';

/**
 * Whether a resource's index values for one parameter satisfy a (non-chained) criterion: the OR of
 * its values, with the modifier applied (`:missing`, `:not`, `:exact`, `:contains`, `:text`,
 * `:identifier`, type modifier). Date prefixes follow FHIR R4 range semantics; `near` uses the
 * great-circle distance.
 */
export function matchesCriterion(values: readonly IndexValue[] | undefined, criterion: ParamCriterion): boolean {
  void values;
  void criterion;
  throw new Error('matchesCriterion: not implemented yet');
}

/** Compares two resources' indexes by the sort specs (missing values last), for `_sort`. */
export function compareBySort(a: SearchIndex, b: SearchIndex, sort: readonly SortSpec[]): number {
  void a;
  void b;
  void sort;
  throw new Error('compareBySort: not implemented yet');
}
