import type { RecordStore, StoredRecord } from '../records.ts';
import { MapCollection, type HeldRecord } from './collection.ts';

/** A RecordStore in memory: for tests and throwaway servers, with the same copy semantics as lowdb. */
export function createMemoryRecordStore(): RecordStore {
  const collections = new Map<string, MapCollection<StoredRecord>>();
  let closed = false;
  const hooks = {
    beforeWrite: () => {
      if (closed) throw new Error('The record store is closed.');
    },
    afterWrite: () => Promise.resolve(),
  };
  return {
    collection: <T extends StoredRecord>(name: string) => {
      let collection = collections.get(name);
      if (!collection)
        collections.set(name, (collection = new MapCollection(name, new Map<string, HeldRecord>(), hooks)));
      return collection as unknown as MapCollection<T>;
    },
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
}
