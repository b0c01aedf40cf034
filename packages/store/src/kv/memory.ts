import type { KeyValueStore } from '../kv.ts';
import { KvTable } from './table.ts';

export interface MemoryKeyValueStoreOptions {
  /** The clock expiry is measured by, in epoch milliseconds (tests pass a fake one). */
  now?: () => number;
}

/** Runs `fn` now, turning a throw into a rejection as an async adapter would. */
function settle<R>(fn: () => R): Promise<R> {
  return new Promise((resolve) => resolve(fn()));
}

/**
 * A KeyValueStore in memory: for tests and throwaway servers. Values go in and out as JSON copies,
 * exactly as the persistent adapters store them, so callers see the same semantics everywhere.
 */
export function createMemoryKeyValueStore(options: MemoryKeyValueStoreOptions = {}): KeyValueStore {
  const table = new KvTable(options.now ?? Date.now);
  let closed = false;
  const writable = (): void => {
    if (closed) throw new Error('The key-value store is closed.');
  };
  return {
    get: <T>(namespace: string, key: string) => settle(() => table.get(namespace, key) as T | undefined),
    set: (namespace, key, value, setOptions) =>
      settle(() => {
        writable();
        table.set(namespace, key, value, setOptions);
      }),
    delete: (namespace, key) =>
      settle(() => {
        writable();
        table.delete(namespace, key);
      }),
    increment: (namespace, key, incrementOptions) =>
      settle(() => {
        writable();
        return table.increment(namespace, key, incrementOptions.expiresInSeconds);
      }),
    take: <T>(namespace: string, key: string) =>
      settle(() => {
        writable();
        return table.take(namespace, key) as T | undefined;
      }),
    findByIndex: <T>(namespace: string, name: string, value: string) =>
      settle(() => table.findByIndex(namespace, name, value) as { key: string; value: T }[]),
    deleteByIndex: (name, value) =>
      settle(() => {
        writable();
        return table.deleteByIndex(name, value);
      }),
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
}
