import type { StoredRecord } from '../records.ts';

/** Record ids by field value, for one field. */
type FieldIndex = Map<unknown, Set<string>>;

/**
 * Equality indexes over one collection's records, built for a field the first time a filter uses it and
 * kept up to date by every write afterwards. Hot queries filter on the same few fields (a launch's steps, an
 * app by client id), and without an index each of them scans the whole collection, so requests get slower as
 * the launch log and access log grow.
 */
export class EqualityIndexes {
  readonly #byField = new Map<string, FieldIndex>();
  readonly #records: () => Iterable<StoredRecord>;

  /** `records` lists every record held, to build an index the first time its field is filtered on. */
  constructor(records: () => Iterable<StoredRecord>) {
    this.#records = records;
  }

  /**
   * The ids of the records that can match `where` (a superset: the caller still applies the whole filter),
   * from the field with the fewest; undefined when the filter places no condition.
   */
  candidates(where: object | undefined): string[] | undefined {
    if (!where) return undefined;
    let best: Set<string>[] | undefined;
    let bestSize = Infinity;
    for (const [field, expected] of Object.entries(where)) {
      if (expected === undefined) continue;
      const index = this.#indexOf(field);
      // null matches null or a missing field (see matchesFilter).
      const keys: unknown[] = expected === null ? [null, undefined] : [expected];
      const sets = keys.map((key) => index.get(key)).filter((set) => set !== undefined);
      const size = sets.reduce((sum, set) => sum + set.size, 0);
      if (size < bestSize) {
        best = sets;
        bestSize = size;
      }
    }
    // Copied: the caller may delete while it walks the result.
    return best?.flatMap((set) => [...set]);
  }

  /** Records a new or changed record (`previous` is the version it replaces). */
  update(record: StoredRecord, previous: StoredRecord | undefined): void {
    for (const [field, index] of this.#byField) {
      const before = previous === undefined ? undefined : valueOf(previous, field);
      const after = valueOf(record, field);
      if (previous !== undefined && Object.is(before, after)) continue;
      if (previous !== undefined) unlink(index, before, previous.id);
      link(index, after, record.id);
    }
  }

  /** Forgets a deleted record. */
  remove(record: StoredRecord): void {
    for (const [field, index] of this.#byField) unlink(index, valueOf(record, field), record.id);
  }

  #indexOf(field: string): FieldIndex {
    let index = this.#byField.get(field);
    if (!index) {
      index = new Map();
      for (const record of this.#records()) link(index, valueOf(record, field), record.id);
      this.#byField.set(field, index);
    }
    return index;
  }
}

const valueOf = (record: StoredRecord, field: string): unknown =>
  Object.hasOwn(record, field) ? (record as unknown as Record<string, unknown>)[field] : undefined;

function link(index: FieldIndex, value: unknown, id: string): void {
  let ids = index.get(value);
  if (!ids) index.set(value, (ids = new Set()));
  ids.add(id);
}

function unlink(index: FieldIndex, value: unknown, id: string): void {
  const ids = index.get(value);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(value);
}
