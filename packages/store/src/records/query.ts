import type { ListOptions, RecordFilter, StoredRecord } from '../records.ts';

/**
 * Whether a record passes an equality filter. A filter value of undefined places no condition (so
 * optional query parameters can be passed straight through); null matches null or a missing field,
 * as `IS NULL` does in SQL.
 */
export function matchesFilter<T extends StoredRecord>(record: T, where: RecordFilter<T> | undefined): boolean {
  if (!where) return true;
  const fields = record as unknown as Record<string, unknown>;
  for (const [field, expected] of Object.entries(where)) {
    if (expected === undefined) continue;
    const actual = fields[field];
    if (expected === null ? actual !== null && actual !== undefined : actual !== expected) return false;
  }
  return true;
}

/** Ascending order of two field values; null and missing come after every value, as NULLs do in SQL. */
function compareValues(a: unknown, b: unknown): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // Code-unit order (SQL `COLLATE "C"`), not locale order, so every adapter sorts strings alike.
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Filters, sorts (by `orderBy`, default id; ties by id ascending) and pages records. `descending`
 * reverses the field order, which puts missing values first.
 */
export function applyListOptions<T extends StoredRecord>(records: Iterable<T>, options: ListOptions<T> = {}): T[] {
  const field = options.orderBy ?? 'id';
  const sign = options.descending ? -1 : 1;
  const selected = [...records].filter((r) => matchesFilter(r, options.where));
  selected.sort((a, b) => {
    const byField = sign * compareValues((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field]);
    return byField !== 0 ? byField : compareValues(a.id, b.id);
  });
  const offset = Math.max(0, options.offset ?? 0);
  return options.limit === undefined
    ? selected.slice(offset)
    : selected.slice(offset, offset + Math.max(0, options.limit));
}
