import { join } from 'node:path';
import { createDefaultRegistry } from '@plan-api/fhir';
import type { SearchRegistry } from '@plan-api/fhir';
import {
  createLowdbKeyValueStore,
  createLowdbRecordStore,
  createLowdbStore,
  countWrites,
  type FhirStore,
  type KeyValueStore,
  type RecordStore,
} from '@plan-api/store';
import { OUTBOX_RECORD_INDEXES } from '@plan-api/mail';
import { ACCOUNT_RECORD_INDEXES, MEMBER_RECORD_INDEXES, PRODUCTION_RECORD_INDEXES } from '@plan-api/portal';
import { createPostgresStores, type PostgresStores, type RecordIndexes } from '@plan-api/store-postgres';

/** The server's storage: the plan's FHIR data, the sandbox's own FHIR data, and the shared records and key-values. */
export interface ServerStores {
  kind: 'postgres' | 'lowdb';
  registry: SearchRegistry;
  /** Members' records and the provider directory (the production realm and `/directory/fhir`). */
  fhir: FhirStore;
  /** Synthetic patients of the hosted sandbox and its small synthetic directory: never the plan's members. */
  sandboxFhir: FhirStore;
  /** Accounts, apps, launches, logs, the outbox. */
  records: RecordStore;
  /** Sessions, rate-limit counters, the authorization servers' state. */
  kv: KeyValueStore;
  /** The PostgreSQL stores (imports, ANALYZE), when the server runs on PostgreSQL. */
  postgres?: PostgresStores;
  /** `/ready`: the database answers and its migrations are applied. */
  ready(): Promise<boolean>;
  /**
   * Starts following the changes of `fhir` (on PostgreSQL, every process's writes) and resolves the version that
   * moves on with them (undefined while changes cannot be followed): what the directory's cached answers check.
   */
  watchFhirChanges(onError: (error: unknown) => void): Promise<() => string | undefined>;
  close(): Promise<void>;
}

/** The record collections that grow with use, indexed for their lists (PostgreSQL). */
export const RECORD_INDEXES: RecordIndexes = {
  ...OUTBOX_RECORD_INDEXES,
  ...ACCOUNT_RECORD_INDEXES,
  ...PRODUCTION_RECORD_INDEXES,
  ...MEMBER_RECORD_INDEXES,
  accessLog: [['ownerId'], ['patientId'], ['clientId'], ['patientId', 'clientId']],
  launchSteps: [['launchId', 'seq']],
  launches: [['clientId'], ['appId']],
};

/** The schema of the sandbox's FHIR data, beside the plan's. */
export function sandboxSchema(schema: string): string {
  return `${schema}_sandbox`;
}

/** Closes the stores in order, each even when another fails; rethrows the first failure. */
async function closeAll(stores: { close(): Promise<void> }[]): Promise<void> {
  let failure: unknown;
  for (const store of stores) {
    try {
      await store.close();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
}

/**
 * Opens the stores: PostgreSQL when `databaseUrl` is set (migrations applied under an advisory lock, so several
 * processes may start at once), else lowdb files under `dataDir` (one process; for trying the server out).
 */
export async function openServerStores(options: {
  databaseUrl?: string;
  schema?: string;
  dataDir: string;
}): Promise<ServerStores> {
  const schema = options.schema ?? 'plan_api';
  const registry = createDefaultRegistry();
  if (options.databaseUrl !== undefined) {
    const main = await createPostgresStores({
      connectionString: options.databaseUrl,
      schema,
      registry,
      recordIndexes: RECORD_INDEXES,
    });
    try {
      const sandbox = await createPostgresStores({ pool: main.pool, schema: sandboxSchema(schema), registry });
      return {
        kind: 'postgres',
        registry,
        fhir: main.fhir,
        sandboxFhir: sandbox.fhir,
        records: main.records,
        kv: main.kv,
        postgres: main,
        ready: async () => (await main.migrationsApplied()) && (await sandbox.migrationsApplied()),
        watchFhirChanges: async (onError) => {
          const feed = await main.watchChanges({ onError });
          return () => feed.version();
        },
        // The sandbox's stores share the pool, which closing the main stores ends.
        close: () => closeAll([sandbox, main]),
      };
    } catch (error) {
      await main.close().catch(() => undefined);
      throw error;
    }
  }
  const opened: { close(): Promise<void> }[] = [];
  const keep = <T extends { close(): Promise<void> }>(store: T): T => {
    opened.push(store);
    return store;
  };
  try {
    // One process owns the lowdb files: counting its writes tells every change.
    const fhir = countWrites(keep(await createLowdbStore({ dir: join(options.dataDir, 'fhir'), registry })));
    const sandboxFhir = keep(await createLowdbStore({ dir: join(options.dataDir, 'sandbox', 'fhir'), registry }));
    const records = keep(await createLowdbRecordStore({ dir: join(options.dataDir, 'records') }));
    const kv = keep(await createLowdbKeyValueStore({ dir: join(options.dataDir, 'kv') }));
    return {
      kind: 'lowdb',
      registry,
      fhir: fhir.store,
      sandboxFhir,
      records,
      kv,
      ready: () => Promise.resolve(true),
      watchFhirChanges: () => Promise.resolve(() => String(fhir.writes())),
      close: () => closeAll(opened.reverse()),
    };
  } catch (error) {
    await closeAll(opened.reverse()).catch(() => undefined);
    throw error;
  }
}
