import type { ParamCriterion, SearchRegistry, SearchRequest } from '@plan-api/fhir';
import type { SearchResult } from '@plan-api/store';
import type { Db } from '../db.ts';
import type { Tables } from '../sql.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { collectIncludes } from './include.ts';
import { toStored, type ResourceRow } from './rows.ts';
import { countStatement, driverCandidates, driverProbe, pageStatement } from './search-sql.ts';

type KeyedRow = ResourceRow & Record<string, unknown>;

/** A probe counts a candidate driver's ids only this far: enough to tell selective from broad. */
const PROBE_CAP = 2000;

/**
 * The criterion whose lookup index reads the page (see pageStatement). With one candidate it is that
 * one; with several, the one yielding the fewest ids as counted by capped probes (index-only scans), as
 * the planner cannot tell a rare code from a common one across our generic index tables.
 */
export async function chooseDriver(db: Db, t: Tables, request: SearchRequest): Promise<ParamCriterion | undefined> {
  const candidates = driverCandidates(request);
  if (candidates.length <= 1) return candidates[0];
  let best: ParamCriterion | undefined;
  let fewest = Infinity;
  for (const candidate of candidates) {
    const n = (await db.query<{ n: number }>(driverProbe(request, t, candidate, PROBE_CAP))).rows[0]?.n ?? 0;
    if (n < fewest) {
      best = candidate;
      fewest = n;
    }
    if (n === 0) break;
  }
  return best;
}

/**
 * Runs a parsed search as SQL. Order: `_sort` keys (NULLs last) then id; without `_sort`, id. A request
 * with `_cursor` continues after that position (keyset paging: stable while rows come and go); otherwise
 * `_offset` applies. Every page with more matches after it hands out `nextCursor`.
 *
 * Totals: `_total=accurate` and `_summary=count` count every match; otherwise `total` is given only
 * when the first page holds every match (the count is known without another query).
 */
export async function runSearch(
  db: Db,
  t: Tables,
  registry: SearchRegistry,
  request: SearchRequest,
): Promise<SearchResult> {
  if (!registry.hasType(request.resourceType)) return { matches: [], included: [], total: 0, hasMore: false };
  const countOnly = request.summary === 'count';
  const counted =
    countOnly || request.total === 'accurate'
      ? (await db.query<{ n: number }>(countStatement(request, t))).rows[0]?.n
      : undefined;
  if (countOnly) return { matches: [], included: [], total: counted ?? 0, hasMore: false };
  const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, request.sort.length);
  const offset = after ? 0 : request.offset;
  const driver = await chooseDriver(db, t, request);
  const page = { limit: request.count + 1, offset, ...(after ? { after } : {}), ...(driver ? { driver } : {}) };
  const rows = (await db.query<KeyedRow>(pageStatement(request, t, page))).rows;
  const hasMore = rows.length > request.count;
  const pageRows = rows.slice(0, request.count);
  const matches = pageRows.map(toStored);
  const result: SearchResult = {
    matches,
    included: await collectIncludes(
      db,
      t,
      registry,
      request.resourceType,
      matches,
      request.include,
      request.revinclude,
    ),
    hasMore,
  };
  const last = pageRows.at(-1);
  if (hasMore && last) {
    result.nextCursor = encodeCursor({
      keys: request.sort.map((_, i) => (last[`k${i}`] ?? null) as string | number | null),
      id: last.id,
    });
  }
  if (counted !== undefined) result.total = counted;
  else if (!hasMore && offset === 0 && after === undefined) result.total = matches.length;
  return result;
}
