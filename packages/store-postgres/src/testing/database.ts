/**
 * Test support (not shipped): each test file works in a schema of its own on the test database, made
 * at the start and dropped at the end, so files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDefaultRegistry } from '@plan-api/fhir';
import { FHIR_TABLE_NAMES } from '../sql.ts';
import { createPostgresStores, type PostgresStores, type PostgresStoresOptions } from '../stores.ts';

/** The test database (`PLAN_API_TEST_DATABASE_URL`, default the local trust-auth `test` database). */
export const TEST_DATABASE_URL = process.env['PLAN_API_TEST_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';

/** A new schema name, unique per call. */
export function uniqueSchema(label: string): string {
  return `t_${label}_${randomBytes(4).toString('hex')}`;
}

/** Store options a test may vary (the pool and schema are the file's). */
export type StoreOptions = Partial<Omit<PostgresStoresOptions, 'pool' | 'connectionString' | 'schema'>>;

export interface TestSchema {
  schema: string;
  /** A pool of the test file (closed by drop). */
  pool: pg.Pool;
  /** Opens the stores on this schema over the file's pool. */
  open(options?: StoreOptions): Promise<PostgresStores>;
  /** Empties tables of the schema. */
  truncate(...tables: string[]): Promise<void>;
  /** Drops the schema and closes the pool. */
  drop(): Promise<void>;
}

/** A schema for one test file (created when first opened). */
export function testSchema(label: string): TestSchema {
  const schema = uniqueSchema(label);
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 6 });
  return {
    schema,
    pool,
    open: (options = {}) => createPostgresStores({ registry: createDefaultRegistry(), ...options, pool, schema }),
    truncate: async (...tables) => {
      await pool.query(`TRUNCATE ${tables.map((t) => `"${schema}".${t}`).join(', ')}`);
    },
    drop: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

/** The tables holding FHIR resources and their index rows. */
export const FHIR_TABLES: readonly string[] = FHIR_TABLE_NAMES;
