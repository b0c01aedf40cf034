import type { Bundle, Resource } from 'fhir/r4';
import type { SearchRequest } from '@plan-api/fhir';
import { processBundle } from './engine/bundle.ts';
import { FhirEngine, type EngineOptions } from './engine/engine.ts';
import type { CreateOptions, FhirStore, SearchResult, StoredResource, UpdateOptions, WriteResult } from './port.ts';

export type MemoryStoreOptions = EngineOptions;

/** Hooks a persistent adapter wraps around the engine's operations. */
export interface EngineStoreHooks {
  /** Resolves once every change made so far is durable (memory: at once). */
  settled(): Promise<void>;
  /** Throws when the store can no longer take writes (persistence failed). */
  assertWritable?(): void;
  /** Around a bulk load: persistence may hold its writes until the end. */
  bulk?<T>(fn: () => Promise<T>): Promise<T>;
  close?(): Promise<void>;
}

const IMMEDIATE: EngineStoreHooks = { settled: () => Promise.resolve() };

/**
 * A FhirStore over the in-memory engine. Nothing is persisted; every resource version is serialized
 * once at write time and searches return the stored objects.
 */
export function createMemoryStore(options: MemoryStoreOptions): FhirStore {
  return storeOverEngine(new FhirEngine(options), IMMEDIATE);
}

/** The FhirStore methods over an engine; persistence hooks decide when a write is done. */
export function storeOverEngine(engine: FhirEngine, hooks: EngineStoreHooks): FhirStore {
  // Methods are async so that a thrown FhirError becomes a rejection, as the port promises.
  const write = async <T>(fn: () => T): Promise<T> => {
    hooks.assertWritable?.();
    const result = fn();
    await hooks.settled();
    return result;
  };
  return {
    create: (resource: Resource, options?: CreateOptions): Promise<WriteResult> =>
      write(() => engine.create(resource, options)),
    update: (resource: Resource, options?: UpdateOptions): Promise<WriteResult> =>
      write(() => engine.update(resource, options)),
    read: async (resourceType: string, id: string): Promise<StoredResource> => engine.read(resourceType, id),
    vread: async (resourceType: string, id: string, versionId: string): Promise<StoredResource> =>
      engine.vread(resourceType, id, versionId),
    delete: async (resourceType: string, id: string): Promise<void> => {
      await write(() => engine.delete(resourceType, id));
    },
    history: async (resourceType: string, id?: string, options?: { count?: number; offset?: number }) =>
      engine.history(resourceType, id, options),
    search: async (request: SearchRequest): Promise<SearchResult> => engine.search(request),
    bundle: (bundle: Bundle, options: { baseUrl: string }): Promise<Bundle> =>
      write(() => processBundle(engine, bundle, options.baseUrl)),
    bulkLoad: async (resources: Iterable<Resource> | AsyncIterable<Resource>): Promise<number> => {
      hooks.assertWritable?.();
      const load = async (): Promise<number> => {
        let count = 0;
        if (Symbol.iterator in resources) {
          for (const resource of resources) {
            engine.load(resource);
            count++;
          }
        } else {
          for await (const resource of resources) {
            engine.load(resource);
            count++;
          }
        }
        return count;
      };
      const count = await (hooks.bulk ? hooks.bulk(load) : load());
      await hooks.settled();
      return count;
    },
    close: async (): Promise<void> => {
      await hooks.close?.();
    },
  };
}
