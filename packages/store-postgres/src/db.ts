import type pg from 'pg';

/**
 * Runs `fn` in a transaction on one pooled connection: COMMIT when it resolves, ROLLBACK when it throws.
 * `retry` names errors after which the whole transaction runs again (a few times), such as a lost race
 * to create the same id.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  retry: (err: unknown) => boolean = () => false,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (attempt >= 5 || !retry(err)) throw err;
    } finally {
      client.release();
    }
  }
}

/** A pool or one of its connections: what read-only queries run on. */
export type Db = pg.Pool | pg.PoolClient;
