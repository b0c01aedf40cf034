/**
 * @plan-api/store-postgres: the store ports (FhirStore, RecordStore, KeyValueStore) on PostgreSQL, with
 * versioned migrations and a streamed FHIR importer. Packages receive config objects; only apps read
 * the environment.
 */
export {
  createPostgresStores,
  migrate,
  type PostgresConfig,
  type PostgresConnection,
  type PostgresStores,
  type PostgresStoresOptions,
} from './stores.ts';
export type { PostgresFhirOptions } from './fhir/store.ts';
export type { MigrationReport } from './migrate.ts';
export type { RecordIndexes } from './records.ts';
export type { ImportOptions, ImportReport, Rejection } from './import.ts';
export { LATEST_VERSION } from './schema.ts';
export { FHIR_CHANGES_CHANNEL, type ChangeFeedOptions, type FhirChangeFeed } from './changes.ts';
