import type { KeyValueStore } from '../kv.ts';
import { toJsonText } from './files.ts';

/** One entry; the value is kept as JSON text so every read hands out a fresh copy. */
export interface KvEntry {
  text: string;
  /** Epoch milliseconds after which the entry is gone. */
  expiresAt?: number;
  index?: Record<string, string>;
}

const SEP = '\u0000';

/**
 * The in-memory state of a KeyValueStore, shared by the memory and lowdb adapters: namespaces of
 * entries, a secondary index (index name + value → namespace → keys), and lazy expiry by the
 * injected clock. `onChange` hears every namespace whose contents changed (the lowdb adapter marks
 * its file dirty).
 */
export class KvTable {
  readonly #spaces = new Map<string, Map<string, KvEntry>>();
  readonly #index = new Map<string, Map<string, Set<string>>>();
  /** Earliest expiry per namespace, so a sweep only runs when something has actually expired. */
  readonly #nextExpiry = new Map<string, number>();
  readonly #now: () => number;
  readonly #onChange: (namespace: string) => void;

  constructor(now: () => number, onChange: (namespace: string) => void = () => undefined) {
    this.#now = now;
    this.#onChange = onChange;
  }

  namespaces(): string[] {
    return [...this.#spaces.keys()];
  }

  /** Unexpired entries of a namespace (for writing its file). */
  live(namespace: string): [string, KvEntry][] {
    this.sweep(namespace, false);
    return [...(this.#spaces.get(namespace) ?? [])];
  }

  /** Puts an entry read back from disk; expired ones are dropped. */
  load(namespace: string, key: string, entry: KvEntry): void {
    if (!this.#expired(entry)) this.#put(namespace, key, entry);
  }

  get(namespace: string, key: string): unknown {
    const entry = this.#spaces.get(namespace)?.get(key);
    return entry && !this.#expired(entry) ? JSON.parse(entry.text) : undefined;
  }

  set(namespace: string, key: string, value: unknown, options: Parameters<KeyValueStore['set']>[3] = {}): void {
    const entry: KvEntry = { text: toJsonText(value, `${namespace}/${key}`) };
    if (options.expiresInSeconds !== undefined) entry.expiresAt = this.#now() + options.expiresInSeconds * 1000;
    if (options.index) entry.index = { ...options.index };
    this.#remove(namespace, key);
    this.#put(namespace, key, entry);
    this.sweep(namespace);
    this.#onChange(namespace);
  }

  /** Adds 1 to a counter (see KeyValueStore.increment) and returns the new value. */
  increment(namespace: string, key: string, expiresInSeconds: number): number {
    const entry = this.#spaces.get(namespace)?.get(key);
    if (!entry || this.#expired(entry)) {
      this.set(namespace, key, 1, { expiresInSeconds });
      return 1;
    }
    const current: unknown = JSON.parse(entry.text);
    if (typeof current !== 'number') throw new TypeError(`${namespace}/${key} does not hold a number.`);
    entry.text = String(current + 1);
    this.#onChange(namespace);
    return current + 1;
  }

  /** Reads and deletes an entry; undefined when absent or expired. */
  take(namespace: string, key: string): unknown {
    const value = this.get(namespace, key);
    this.delete(namespace, key);
    return value;
  }

  delete(namespace: string, key: string): void {
    if (this.#remove(namespace, key)) this.#onChange(namespace);
  }

  findByIndex(namespace: string, name: string, value: string): { key: string; value: unknown }[] {
    const keys = this.#index.get(name + SEP + value)?.get(namespace);
    const found: { key: string; value: unknown }[] = [];
    for (const key of [...(keys ?? [])].sort()) {
      const entry = this.#spaces.get(namespace)?.get(key);
      if (entry && !this.#expired(entry)) found.push({ key, value: JSON.parse(entry.text) });
    }
    return found;
  }

  /** Deletes matching entries of every namespace; counts the unexpired ones (expired ones were already gone). */
  deleteByIndex(name: string, value: string): number {
    const byNamespace = this.#index.get(name + SEP + value);
    let count = 0;
    for (const [namespace, keys] of [...(byNamespace ?? [])]) {
      for (const key of [...keys]) {
        const entry = this.#spaces.get(namespace)?.get(key);
        if (entry && !this.#expired(entry)) count++;
        this.#remove(namespace, key);
      }
      this.#onChange(namespace);
    }
    return count;
  }

  /** Drops a namespace's expired entries when the earliest expiry has passed. */
  sweep(namespace: string, notify = true): void {
    const next = this.#nextExpiry.get(namespace);
    if (next === undefined || this.#now() < next) return;
    let removed = 0;
    for (const [key, entry] of [...(this.#spaces.get(namespace) ?? [])]) {
      if (this.#expired(entry) && this.#remove(namespace, key)) removed++;
    }
    let earliest: number | undefined;
    for (const entry of this.#spaces.get(namespace)?.values() ?? []) {
      if (entry.expiresAt !== undefined && (earliest === undefined || entry.expiresAt < earliest)) {
        earliest = entry.expiresAt;
      }
    }
    if (earliest === undefined) this.#nextExpiry.delete(namespace);
    else this.#nextExpiry.set(namespace, earliest);
    if (removed > 0 && notify) this.#onChange(namespace);
  }

  #expired(entry: KvEntry): boolean {
    return entry.expiresAt !== undefined && this.#now() >= entry.expiresAt;
  }

  #put(namespace: string, key: string, entry: KvEntry): void {
    let space = this.#spaces.get(namespace);
    if (!space) this.#spaces.set(namespace, (space = new Map()));
    space.set(key, entry);
    for (const [name, value] of Object.entries(entry.index ?? {})) {
      const indexKey = name + SEP + value;
      let byNamespace = this.#index.get(indexKey);
      if (!byNamespace) this.#index.set(indexKey, (byNamespace = new Map()));
      let keys = byNamespace.get(namespace);
      if (!keys) byNamespace.set(namespace, (keys = new Set()));
      keys.add(key);
    }
    if (entry.expiresAt !== undefined) {
      const next = this.#nextExpiry.get(namespace);
      if (next === undefined || entry.expiresAt < next) this.#nextExpiry.set(namespace, entry.expiresAt);
    }
  }

  #remove(namespace: string, key: string): boolean {
    const space = this.#spaces.get(namespace);
    const entry = space?.get(key);
    if (!space || !entry) return false;
    space.delete(key);
    for (const [name, value] of Object.entries(entry.index ?? {})) {
      const indexKey = name + SEP + value;
      const byNamespace = this.#index.get(indexKey);
      const keys = byNamespace?.get(namespace);
      keys?.delete(key);
      if (keys?.size === 0) byNamespace?.delete(namespace);
      if (byNamespace?.size === 0) this.#index.delete(indexKey);
    }
    return true;
  }
}
