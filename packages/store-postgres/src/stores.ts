import type { FhirStore, KeyValueStore, RecordStore } from '@plan-api/store';
import pg from 'pg';
import { watchFhirChanges, type ChangeFeedOptions, type FhirChangeFeed } from './changes.ts';
import { createPostgresFhirStore, fhirContext, type PostgresFhirOptions } from './fhir/store.ts';
import { importBundle, importNdjson, type ImportOptions, type ImportReport } from './import.ts';
import { createPostgresKeyValueStore } from './kv.ts';
import { migrateSchema, schemaIsCurrent, withMigrationLock, type MigrationReport } from './migrate.ts';
import { createPostgresRecordStore, declareRecordIndexes, type RecordIndexes } from './records.ts';
import { FHIR_TABLE_NAMES, tablesOf } from './sql.ts';

/** Where the database is: a connection string (the stores own the pool) or a pool the caller owns. */
export type PostgresConnection =
  { connectionString: string; pool?: undefined } | { pool: pg.Pool; connectionString?: undefined };

export type PostgresConfig = PostgresConnection & {
  /** The schema of every table (default `plan_api`); created by the migrations. */
  schema?: string;
  /** Connections of a pool made from the connection string (default 10). */
  maxConnections?: number;
};

export type PostgresStoresOptions = PostgresConfig &
  PostgresFhirOptions & {
    /** Indexes of large record collections (see RecordIndexes). */
    recordIndexes?: RecordIndexes;
    /** The clock key-value expiry is measured by, in epoch ms (tests pass a fake one). */
    kvNow?: () => number;
  };

/** The three ports on one pool, plus what the server's commands and probes need. */
export interface PostgresStores {
  fhir: FhirStore;
  records: RecordStore;
  kv: KeyValueStore;
  /** The pool every store uses. */
  pool: pg.Pool;
  schema: string;
  /** What the migrations run at open did. */
  migrations: MigrationReport;
  /** Readiness: the database answers and every migration is applied. */
  migrationsApplied(): Promise<boolean>;
  /** Streams FHIR NDJSON into the FHIR store (see importNdjson). */
  importNdjson(input: NodeJS.ReadableStream, options?: ImportOptions): Promise<ImportReport>;
  /** Streams a FHIR Bundle JSON into the FHIR store (see importBundle). */
  importBundle(input: NodeJS.ReadableStream, options?: ImportOptions): Promise<ImportReport>;
  /**
   * VACUUM ANALYZE of the FHIR tables, for after a bulk import: planner statistics, and the visibility map
   * that lets search lookups be index-only scans (autovacuum gets there too, later).
   */
  analyze(): Promise<void>;
  /**
   * Starts following the FHIR data's changes (every process's committed writes, on a dedicated connection), for
   * caches of answers over it; stopped by close. The FhirStore of these stores touches it on its own writes.
   */
  watchChanges(options?: ChangeFeedOptions): Promise<FhirChangeFeed>;
  /** Closes the stores, and the pool when they made it. */
  close(): Promise<void>;
}

const DEFAULT_SCHEMA = 'plan_api';

function openPool(config: PostgresConfig): { pool: pg.Pool; owned: boolean } {
  if (config.pool) return { pool: config.pool, owned: false };
  const pool = new pg.Pool({ connectionString: config.connectionString, max: config.maxConnections ?? 10 });
  // An idle connection that dies (a database restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return { pool, owned: true };
}

/**
 * Applies the migrations of a schema (what `pnpm server migrate` runs): under an advisory lock, so
 * several processes may start at once. Closes the pool when it made one.
 */
export async function migrate(config: PostgresConfig): Promise<MigrationReport> {
  const { pool, owned } = openPool(config);
  try {
    return await migrateSchema(pool, config.schema ?? DEFAULT_SCHEMA);
  } finally {
    if (owned) await pool.end();
  }
}

/**
 * Opens the FhirStore, RecordStore and KeyValueStore on PostgreSQL: migrates the schema first (under an
 * advisory lock), creates the declared record indexes, and shares one pool between the stores.
 */
export async function createPostgresStores(options: PostgresStoresOptions): Promise<PostgresStores> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const { pool, owned } = openPool(options);
  try {
    const migrations = await migrateSchema(pool, schema);
    const t = tablesOf(schema);
    const { recordIndexes } = options;
    // Under the migrations' lock: CREATE INDEX IF NOT EXISTS of two processes at once collides in the catalog.
    if (recordIndexes) await withMigrationLock(pool, (client) => declareRecordIndexes(client, t, recordIndexes));
    const ctx = fhirContext(t, options);
    const kvOptions = options.kvNow ? { now: options.kvNow } : {};
    const feeds: FhirChangeFeed[] = [];
    const touch = (): void => {
      for (const feed of feeds) feed.touch();
    };
    return {
      fhir: createPostgresFhirStore(pool, t, { ...options, onWrite: touch }),
      records: createPostgresRecordStore(pool, t),
      kv: createPostgresKeyValueStore(pool, t, kvOptions),
      pool,
      schema,
      migrations,
      migrationsApplied: () => schemaIsCurrent(pool, schema),
      importNdjson: (input, importOptions) => importNdjson(pool, ctx, input, importOptions),
      importBundle: (input, importOptions) => importBundle(pool, ctx, input, importOptions),
      analyze: async () => {
        await pool.query(`VACUUM (ANALYZE) ${FHIR_TABLE_NAMES.map((name) => `${t.schema}.${name}`).join(', ')}`);
      },
      watchChanges: async (feedOptions) => {
        const feed = await watchFhirChanges(pool, schema, feedOptions);
        feeds.push(feed);
        return feed;
      },
      close: async () => {
        await Promise.all(feeds.splice(0).map((feed) => feed.close()));
        if (owned) await pool.end();
      },
    };
  } catch (err) {
    if (owned) await pool.end();
    throw err;
  }
}
