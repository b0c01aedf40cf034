import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the server's tests use (CI makes sure it answers at 127.0.0.1:5432). */
export const TEST_DATABASE_URL = process.env.PLAN_API_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** A schema name of its own for one test file, and a way to drop it (and the sandbox's beside it) afterwards. */
export function testDatabaseSchema(label: string): { schema: string; drop(): Promise<void> } {
  const schema = `t_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  return {
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        for (const name of [schema, `${schema}_sandbox`]) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
