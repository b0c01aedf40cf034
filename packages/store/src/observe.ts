import type { FhirStore } from './port.ts';

/** A FhirStore that counts the writes made through it. */
export interface CountedFhirStore {
  store: FhirStore;
  /** Writes finished so far (committed or failed: either may have changed something). */
  writes(): number;
}

/**
 * Counts the writes of a store that only this process writes to (memory, lowdb), so caches of answers over its
 * data can tell when they are stale. A write counts once it has finished, so an answer read while it ran is
 * stale as soon as it is done.
 */
export function countWrites(inner: FhirStore): CountedFhirStore {
  let writes = 0;
  const counted = <T>(write: Promise<T>): Promise<T> =>
    write.finally(() => {
      writes++;
    });
  const store: FhirStore = {
    create: (resource, options) => counted(inner.create(resource, options)),
    update: (resource, options) => counted(inner.update(resource, options)),
    read: (resourceType, id) => inner.read(resourceType, id),
    vread: (resourceType, id, versionId) => inner.vread(resourceType, id, versionId),
    delete: (resourceType, id) => counted(inner.delete(resourceType, id)),
    history: (resourceType, id, options) => inner.history(resourceType, id, options),
    search: (request) => inner.search(request),
    bundle: (bundle, options) => counted(inner.bundle(bundle, options)),
    bulkLoad: (resources) => counted(inner.bulkLoad(resources)),
    close: () => inner.close(),
  };
  return { store, writes: () => writes };
}
