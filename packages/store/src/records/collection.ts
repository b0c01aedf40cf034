import {
  RecordConflictError,
  type ListOptions,
  type RecordCollection,
  type RecordFilter,
  type StoredRecord,
} from '../records.ts';
import { toJsonText } from '../kv/files.ts';
import { EqualityIndexes } from './equality-index.ts';
import { applyListOptions, matchesFilter } from './query.ts';

/** A record as held in memory: the parsed object (never handed out) and its JSON text (copied out). */
export interface HeldRecord {
  record: StoredRecord;
  text: string;
}

/** What an adapter plugs into a collection: a check before writing and a wait after. */
export interface WriteHooks {
  /** Throws when the store takes no more writes (closed, or a failed disk write). */
  beforeWrite(): void;
  /** Resolves when the collection's change is durable (immediately for memory). */
  afterWrite(collection: string): Promise<void>;
}

/**
 * One collection over an in-memory map, shared by the memory and lowdb adapters. Records are copied
 * on the way in (through JSON) and on the way out, so no caller can change the store by mutating an
 * object it gave or received.
 */
export class MapCollection<T extends StoredRecord> implements RecordCollection<T> {
  readonly #name: string;
  readonly #held: Map<string, HeldRecord>;
  readonly #hooks: WriteHooks;
  readonly #indexes: EqualityIndexes;

  /** `held` may already hold records (loaded from disk); from then on only this collection changes it. */
  constructor(name: string, held: Map<string, HeldRecord>, hooks: WriteHooks) {
    this.#name = name;
    this.#held = held;
    this.#hooks = hooks;
    this.#indexes = new EqualityIndexes(() => [...held.values()].map((h) => h.record));
  }

  get(id: string): Promise<T | undefined> {
    const held = this.#held.get(id);
    return Promise.resolve(held ? (JSON.parse(held.text) as T) : undefined);
  }

  list(options?: ListOptions<T>): Promise<T[]> {
    return this.#run(() => {
      return applyListOptions(this.#matching(options?.where), options).map((r) => JSON.parse(this.#textOf(r.id)) as T);
    });
  }

  count(where?: RecordFilter<T>): Promise<number> {
    return this.#run(() => this.#matching(where).length);
  }

  put(record: T): Promise<void> {
    return this.#write(() => {
      this.#store(record);
    });
  }

  insert(record: T): Promise<void> {
    return this.#write(() => {
      if (this.#held.has(record.id)) throw new RecordConflictError(this.#name, record.id);
      this.#store(record);
    });
  }

  putIf(record: T, where: RecordFilter<T>): Promise<boolean> {
    return this.#write(() => {
      const held = this.#held.get(record.id);
      if (held === undefined || !matchesFilter(held.record as T, where)) return false;
      this.#store(record);
      return true;
    });
  }

  delete(id: string): Promise<boolean> {
    return this.#write(() => this.#remove(id));
  }

  deleteWhere(where: RecordFilter<T>): Promise<number> {
    return this.#write(() => {
      let count = 0;
      for (const record of this.#matching(where)) if (this.#remove(record.id)) count++;
      return count;
    });
  }

  /** The held records that pass `where`, looked up through an equality index when the filter has a condition. */
  #matching(where: RecordFilter<T> | undefined): T[] {
    const ids = this.#indexes.candidates(where);
    const held = ids === undefined ? [...this.#held.values()] : ids.map((id) => this.#held.get(id));
    const out: T[] = [];
    for (const h of held) if (h !== undefined && matchesFilter(h.record as T, where)) out.push(h.record as T);
    return out;
  }

  #remove(id: string): boolean {
    const held = this.#held.get(id);
    if (held === undefined) return false;
    this.#held.delete(id);
    this.#indexes.remove(held.record);
    return true;
  }

  #textOf(id: string): string {
    return this.#held.get(id)?.text ?? 'null';
  }

  #store(record: T): void {
    if (typeof record.id !== 'string' || record.id === '') {
      throw new TypeError(`${this.#name}: a record needs a non-empty string id.`);
    }
    const text = toJsonText(record, `${this.#name}/${record.id}`);
    const stored = JSON.parse(text) as StoredRecord;
    const previous = this.#held.get(record.id)?.record;
    this.#held.set(record.id, { record: stored, text });
    this.#indexes.update(stored, previous);
  }

  /** Runs `fn` now, turning a throw into a rejection. */
  #run<R>(fn: () => R): Promise<R> {
    return new Promise((resolve) => resolve(fn()));
  }

  /** Changes memory synchronously (so parallel calls see each other at once), then waits for durability. */
  async #write<R>(fn: () => R): Promise<R> {
    this.#hooks.beforeWrite();
    const result = fn();
    await this.#hooks.afterWrite(this.#name);
    return result;
  }
}
