import type { Bundle, Resource } from 'fhir/r4';
import type { ParseOptions, SearchRegistry, SearchRequest } from '@plan-api/fhir';
import type { CreateOptions, FhirStore, SearchResult, UpdateOptions, WriteResult } from '@plan-api/store';
import type pg from 'pg';
import { inTransaction } from '../db.ts';
import type { Tables } from '../sql.ts';
import { processBundle } from './bundle.ts';
import { BulkWriter } from './bulk.ts';
import { createIn, deleteIn, historyIn, readIn, updateIn, vreadIn, type FhirContext } from './operations.ts';
import { runSearch } from './search.ts';
import { CreateRace } from './versions.ts';

/** Options of the PostgreSQL FhirStore (the pool and schema come from createPostgresStores). */
export interface PostgresFhirOptions {
  registry: SearchRegistry;
  /** Clock for `meta.lastUpdated` (tests pin it). */
  now?: () => Date;
  /** Ids for created resources (default: random UUIDs). */
  idGenerator?: () => string;
  /** How searches inside Bundles and If-None-Exist queries are parsed. */
  searchOptions?: Partial<ParseOptions>;
  /** Resources per transaction of bulkLoad (default 1000). */
  batchSize?: number;
  /** Called when a write has finished (committed or not): caches over this data move on. */
  onWrite?: () => void;
}

const DEFAULT_SEARCH: ParseOptions = { defaultCount: 50, maxCount: 1000, strict: false };
const isRace = (err: unknown): boolean => err instanceof CreateRace;

/** The FHIR context of a store: tables, registry, clock, ids, parsing. */
export function fhirContext(t: Tables, options: PostgresFhirOptions): FhirContext {
  return {
    t,
    registry: options.registry,
    now: options.now ?? (() => new Date()),
    newId: options.idGenerator ?? (() => crypto.randomUUID()),
    searchOptions: { ...DEFAULT_SEARCH, ...options.searchOptions },
  };
}

/**
 * A FhirStore on PostgreSQL. Each write is one transaction holding row locks on what it changes, so
 * processes sharing the database see If-Match and conditional creates decided once; reads and searches
 * run on any pooled connection. `close` does not end the pool (its owner does).
 */
export function createPostgresFhirStore(pool: pg.Pool, t: Tables, options: PostgresFhirOptions): FhirStore {
  const ctx = fhirContext(t, options);
  const written = <T>(write: Promise<T>): Promise<T> => (options.onWrite ? write.finally(options.onWrite) : write);
  return {
    create: (resource: Resource, createOptions?: CreateOptions): Promise<WriteResult> =>
      written(inTransaction(pool, (db) => createIn(db, ctx, resource, createOptions), isRace)),
    update: (resource: Resource, updateOptions?: UpdateOptions): Promise<WriteResult> =>
      written(inTransaction(pool, (db) => updateIn(db, ctx, resource, updateOptions), isRace)),
    read: (resourceType, id) => readIn(pool, ctx, resourceType, id),
    vread: (resourceType, id, versionId) => vreadIn(pool, ctx, resourceType, id, versionId),
    delete: (resourceType, id) => written(inTransaction(pool, (db) => deleteIn(db, ctx, resourceType, id))),
    history: (resourceType, id, historyOptions) => historyIn(pool, ctx, resourceType, id, historyOptions),
    search: (request: SearchRequest): Promise<SearchResult> => runSearch(pool, t, options.registry, request),
    bundle: (bundle: Bundle, bundleOptions: { baseUrl: string }) =>
      written(processBundle(pool, ctx, bundle, bundleOptions.baseUrl)),
    bulkLoad: (resources: Iterable<Resource> | AsyncIterable<Resource>): Promise<number> =>
      written(
        (async () => {
          const writer = new BulkWriter(pool, ctx, options.batchSize);
          for await (const resource of resources) await writer.add(resource);
          await writer.finish();
          return writer.written;
        })(),
      ),
    close: () => Promise.resolve(),
  };
}
