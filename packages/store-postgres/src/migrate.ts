import type pg from 'pg';
import { LATEST_VERSION, MIGRATIONS } from './schema.ts';
import { quoteSchema, tablesOf } from './sql.ts';

/**
 * Key of the advisory lock migrations run under: one for the whole database, since creating extensions
 * is database-wide too. Processes starting at once wait for each other instead of racing.
 */
const MIGRATION_LOCK = 727_301_942;

/** What migrate did. */
export interface MigrationReport {
  schema: string;
  /** Versions applied by this call (empty when the schema was already current). */
  applied: number[];
  version: number;
}

/**
 * Runs `work` on one connection holding the migrations' advisory lock: schema changes of processes that start
 * together (migrations, declared indexes) take turns instead of racing in the catalog.
 */
export async function withMigrationLock<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/**
 * Brings `schema` to the latest version under a session advisory lock: creates the schema and the
 * extensions it needs (pg_trgm), then applies each missing migration in its own transaction.
 */
export async function migrateSchema(pool: pg.Pool, schema: string): Promise<MigrationReport> {
  const t = tablesOf(schema);
  return withMigrationLock(pool, async (client) => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteSchema(schema)}`);
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    const trgm = await client.query<{ nspname: string }>(
      `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    );
    const trgmSchema = `"${trgm.rows[0]?.nspname ?? 'public'}"`;
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${t.migrations} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ version: number }>(`SELECT version FROM ${t.migrations}`)).rows.map((r) => r.version),
    );
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql(t, trgmSchema));
        await client.query(`INSERT INTO ${t.migrations} (version, name) VALUES ($1, $2)`, [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(
          `Migration ${migration.version} (${migration.name}) of schema ${schema} failed: ${(err as Error).message}`,
        );
      }
      applied.push(migration.version);
    }
    return { schema, applied, version: LATEST_VERSION };
  });
}

/** Whether `schema` has every migration applied (the server's readiness check). False when unreachable. */
export async function schemaIsCurrent(pool: pg.Pool, schema: string): Promise<boolean> {
  try {
    const result = await pool.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${tablesOf(schema).migrations}`,
    );
    return result.rows[0]?.version === LATEST_VERSION;
  } catch {
    return false;
  }
}
