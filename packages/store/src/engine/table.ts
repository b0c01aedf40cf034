import type { IndexValue, SearchIndex } from '@plan-api/fhir';
import type { StoredResource } from '../port.ts';

/** One resource (all its versions) as the engine keeps it. */
export interface Entry {
  readonly id: string;
  /** The newest version; a tombstone when the resource is deleted. */
  current: StoredResource;
  /** Search index of the current version; undefined while deleted. */
  index: SearchIndex | undefined;
  /** Every version, oldest first. */
  readonly versions: StoredResource[];
}

/** Reverts one change; transactions run these in reverse order to roll back. */
export type Undo = () => void;

/** The key under which a reference index value is found: `Type/id`, and also the bare id for untyped queries. */
function refKeys(value: IndexValue): string[] {
  if (value.kind !== 'reference' || value.id === undefined) return [];
  return value.type === undefined ? [value.id] : [`${value.type}/${value.id}`, value.id];
}

/**
 * The resources of one type: entries by id, the write log (for type history and persistence), and a
 * reverse reference index (`param` -> `Type/id` -> ids of this type) so that patient-compartment
 * searches, `_revinclude`, `_has` and chains look up instead of scanning.
 */
export class TypeTable {
  readonly resourceType: string;
  readonly entries = new Map<string, Entry>();
  /** Every version ever written, in write order. */
  readonly log: StoredResource[] = [];
  readonly #refs = new Map<string, Map<string, Set<string>>>();
  #sortedIds: string[] | undefined;
  /** Sorted copies of id sets (the reverse index's among them), forgotten on every change. */
  #sortedSets: WeakMap<ReadonlySet<string>, readonly string[]> | undefined;
  #live = 0;

  constructor(resourceType: string) {
    this.resourceType = resourceType;
  }

  /** Number of resources that are not deleted. */
  get liveCount(): number {
    return this.#live;
  }

  /** Ids of this type (deleted ones included), in code-unit order; cached until an id is added. */
  sortedIds(): readonly string[] {
    this.#sortedIds ??= [...this.entries.keys()].sort(compareIds);
    return this.#sortedIds;
  }

  /**
   * The ids of `ids` in code-unit order. The sets of the reverse index answer the same searches over and
   * over (a patient's Observations), so their order is kept until the table changes.
   */
  sortedOf(ids: ReadonlySet<string>): readonly string[] {
    this.#sortedSets ??= new WeakMap();
    let sorted = this.#sortedSets.get(ids);
    if (!sorted) this.#sortedSets.set(ids, (sorted = [...ids].sort(compareIds)));
    return sorted;
  }

  /** Ids of this type whose parameter `code` references `key` (`Type/id` or a bare id). */
  referencing(code: string, key: string): ReadonlySet<string> | undefined {
    return this.#refs.get(code)?.get(key);
  }

  /** Appends a version as the resource's current one and returns how to take it back. */
  put(stored: StoredResource, index: SearchIndex | undefined): Undo {
    const existing = this.entries.get(stored.id);
    this.#sortedSets = undefined;
    this.log.push(stored);
    if (!existing) {
      const entry: Entry = { id: stored.id, current: stored, index, versions: [stored] };
      this.entries.set(stored.id, entry);
      this.#sortedIds = undefined;
      this.#indexRefs(entry.id, index, 1);
      return () => {
        this.#sortedSets = undefined;
        this.#indexRefs(entry.id, index, -1);
        this.entries.delete(entry.id);
        this.#sortedIds = undefined;
        this.log.pop();
      };
    }
    const previous = { current: existing.current, index: existing.index };
    this.#indexRefs(existing.id, existing.index, -1);
    existing.versions.push(stored);
    existing.current = stored;
    existing.index = index;
    this.#indexRefs(existing.id, index, 1);
    return () => {
      this.#sortedSets = undefined;
      this.#indexRefs(existing.id, existing.index, -1);
      existing.versions.pop();
      existing.current = previous.current;
      existing.index = previous.index;
      this.#indexRefs(existing.id, previous.index, 1);
      this.log.pop();
    };
  }

  #indexRefs(id: string, index: SearchIndex | undefined, delta: 1 | -1): void {
    if (!index) return;
    this.#live += delta;
    for (const [code, values] of Object.entries(index)) {
      for (const value of values) {
        for (const key of refKeys(value)) {
          let byKey = this.#refs.get(code);
          if (!byKey) this.#refs.set(code, (byKey = new Map()));
          let ids = byKey.get(key);
          if (delta === 1) {
            if (!ids) byKey.set(key, (ids = new Set()));
            ids.add(id);
          } else if (ids) {
            ids.delete(id);
            if (ids.size === 0) byKey.delete(key);
          }
        }
      }
    }
  }
}

/** The default result order of searches: ids by UTF-16 code unit (what `COLLATE "C"` gives in SQL for ASCII ids). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
