import { compareBySort, type SearchRequest } from '@plan-api/fhir';
import type { SearchResult } from '../port.ts';
import { candidateIds, entryMatches, type CriterionMemo, type EngineView } from './criteria.ts';
import { collectIncludes } from './include.ts';
import { compareIds, type Entry } from './table.ts';

/**
 * Evaluates a parsed search against the engine's tables.
 *
 * Order: by the `_sort` specs (compareBySort, ties by id); without `_sort`, by id (code-unit order),
 * which keeps pages stable while resources are updated.
 *
 * Totals: `_total=accurate` and `_summary=count` count every match. Otherwise (`estimate`, the
 * default, or `none`) the scan stops once the page and one more match (for `hasMore`) are found, and
 * `total` is given only when it is known anyway: every match was seen, or there are no criteria.
 */
export function runSearch(view: EngineView, request: SearchRequest): SearchResult {
  const table = view.table(request.resourceType);
  const countOnly = request.summary === 'count';
  if (!table) return { matches: [], included: [], total: 0, hasMore: false };
  const memo: CriterionMemo = new Map();
  const sorted = request.sort.length > 0;
  const wantTotal = countOnly || request.total === 'accurate';
  const enough = request.offset + request.count + 1;
  const found: Entry[] = [];
  let complete = true;
  for (const id of candidateIds(view, table, request.criteria, memo)) {
    const entry = table.entries.get(id);
    if (!entry || !entryMatches(view, table, entry, request.criteria, memo)) continue;
    found.push(entry);
    if (!sorted && !wantTotal && found.length >= enough) {
      complete = false;
      break;
    }
  }
  if (countOnly) return { matches: [], included: [], total: found.length, hasMore: false };
  if (sorted) {
    // The indexes are kept per entry; compareBySort reads them, ties fall back to the id.
    found.sort((a, b) => compareBySort(a.index ?? {}, b.index ?? {}, request.sort) || compareIds(a.id, b.id));
  }
  const end = request.offset + request.count;
  const page = found.slice(request.offset, end);
  const result: SearchResult = {
    matches: page.map((e) => e.current),
    included: collectIncludes(view, request.resourceType, page, request.include, request.revinclude),
    hasMore: found.length > end,
  };
  if (complete) result.total = found.length;
  else if (request.criteria.length === 0) result.total = table.liveCount;
  return result;
}
