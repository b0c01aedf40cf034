import type { KeyValueStore } from '@plan-api/store';
import type pg from 'pg';
import type { Tables } from './sql.ts';

export interface PostgresKeyValueOptions {
  /** The clock expiry is measured by, in epoch milliseconds (tests pass a fake one). */
  now?: () => number;
  /** At most one purge of expired rows per this many milliseconds (default one minute). */
  purgeIntervalMs?: number;
}

function jsonText(value: unknown, what: string): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError(`${what}: the value is not JSON-serializable.`);
  return text;
}

/**
 * A KeyValueStore on PostgreSQL: one `kv` table keyed by (namespace, key), the value as JSON text,
 * expiry as epoch ms (rows past it are never returned, and are purged by writes at most once a
 * purge interval), secondary keys as a jsonb object under a GIN index. increment and take are single
 * statements, so they are atomic across processes.
 */
export function createPostgresKeyValueStore(
  pool: pg.Pool,
  t: Tables,
  options: PostgresKeyValueOptions = {},
): KeyValueStore {
  const now = options.now ?? Date.now;
  const interval = options.purgeIntervalMs ?? 60_000;
  let closed = false;
  let lastPurge = Number.NEGATIVE_INFINITY;
  const live = (at: string): string => `(expires_at IS NULL OR expires_at > ${at})`;
  const writable = async (): Promise<number> => {
    if (closed) throw new Error('The key-value store is closed.');
    const time = now();
    if (time - lastPurge >= interval) {
      lastPurge = time;
      await pool.query(`DELETE FROM ${t.kv} WHERE expires_at <= $1`, [time]);
    }
    return time;
  };
  return {
    get: async <T>(namespace: string, key: string) => {
      const result = await pool.query<{ value: string }>(
        `SELECT value FROM ${t.kv} WHERE namespace = $1 AND key = $2 AND ${live('$3')}`,
        [namespace, key, now()],
      );
      const row = result.rows[0];
      return row === undefined ? undefined : (JSON.parse(row.value) as T);
    },
    set: async (namespace, key, value, setOptions = {}) => {
      const text = jsonText(value, `${namespace}/${key}`);
      const time = await writable();
      const expires = setOptions.expiresInSeconds === undefined ? null : time + setOptions.expiresInSeconds * 1000;
      await pool.query(
        `INSERT INTO ${t.kv} (namespace, key, value, expires_at, idx) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (namespace, key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at, idx = EXCLUDED.idx`,
        [namespace, key, text, expires, setOptions.index ? JSON.stringify(setOptions.index) : null],
      );
    },
    delete: async (namespace, key) => {
      await writable();
      await pool.query(`DELETE FROM ${t.kv} WHERE namespace = $1 AND key = $2`, [namespace, key]);
    },
    increment: async (namespace, key, incrementOptions) => {
      const time = await writable();
      const expired = `${t.kv}.expires_at IS NOT NULL AND ${t.kv}.expires_at <= $3`;
      const result = await pool.query<{ value: string }>(
        `INSERT INTO ${t.kv} (namespace, key, value, expires_at) VALUES ($1, $2, '1', $4)
         ON CONFLICT (namespace, key) DO UPDATE SET
           value = CASE WHEN ${expired} THEN '1' ELSE ((${t.kv}.value)::numeric + 1)::text END,
           expires_at = CASE WHEN ${expired} THEN $4 ELSE ${t.kv}.expires_at END,
           idx = CASE WHEN ${expired} THEN NULL ELSE ${t.kv}.idx END
         RETURNING value`,
        [namespace, key, time, time + incrementOptions.expiresInSeconds * 1000],
      );
      return Number(result.rows[0]?.value);
    },
    take: async <T>(namespace: string, key: string) => {
      const time = await writable();
      const result = await pool.query<{ value: string; live: boolean }>(
        `DELETE FROM ${t.kv} WHERE namespace = $1 AND key = $2 RETURNING value, ${live('$3')} AS live`,
        [namespace, key, time],
      );
      const row = result.rows[0];
      return row?.live ? (JSON.parse(row.value) as T) : undefined;
    },
    findByIndex: async <T>(namespace: string, name: string, value: string) => {
      const result = await pool.query<{ key: string; value: string }>(
        `SELECT key, value FROM ${t.kv} WHERE namespace = $1 AND idx @> $2::jsonb AND ${live('$3')} ORDER BY key`,
        [namespace, JSON.stringify({ [name]: value }), now()],
      );
      return result.rows.map((r) => ({ key: r.key, value: JSON.parse(r.value) as T }));
    },
    deleteByIndex: async (name, value) => {
      const time = await writable();
      const result = await pool.query<{ live: boolean }>(
        `DELETE FROM ${t.kv} WHERE idx @> $1::jsonb RETURNING ${live('$2')} AS live`,
        [JSON.stringify({ [name]: value }), time],
      );
      return result.rows.filter((r) => r.live).length;
    },
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
}
