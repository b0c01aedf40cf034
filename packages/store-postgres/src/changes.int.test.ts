import { afterAll, describe, expect, it } from 'vitest';
import type { Organization } from 'fhir/r4';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createPostgresStores } from './stores.ts';
import type { PostgresStores } from './stores.ts';
import { TEST_DATABASE_URL, uniqueSchema } from './testing/database.ts';

const registry = createDefaultRegistry();
const opened: PostgresStores[] = [];
const schemas: string[] = [];

afterAll(async () => {
  const [first] = opened;
  for (const schema of schemas) await first?.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  for (const stores of opened.reverse()) await stores.close();
});

async function open(schema: string): Promise<PostgresStores> {
  const stores = await createPostgresStores({ connectionString: TEST_DATABASE_URL, schema, registry });
  opened.push(stores);
  return stores;
}

/** Waits (up to 5 s) until `check` holds: notices arrive asynchronously, after the writer's commit. */
async function eventually(check: () => boolean): Promise<void> {
  const until = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for a change notice');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The version once notices in flight (e.g. of this process's own writes) have arrived. */
async function settled(feed: { version(): string | undefined }): Promise<string | undefined> {
  await new Promise((resolve) => setTimeout(resolve, 250));
  return feed.version();
}

const org = (id: string): Organization => ({ resourceType: 'Organization', id, name: `Org ${id}` });

describe('the FHIR change feed on PostgreSQL', () => {
  it("moves on with this process's writes at once and with another process's writes after their commit", async () => {
    const schema = uniqueSchema('changes');
    schemas.push(schema);
    const reader = await open(schema);
    // Another "process": its own pool on the same schema.
    const writer = await open(schema);
    const feed = await reader.watchChanges();
    const start = feed.version();
    expect(start).toBeDefined();

    await reader.fhir.update(org('own'));
    expect(feed.version()).not.toBe(start);

    const afterOwn = await settled(feed);
    await writer.fhir.update(org('theirs'));
    await eventually(() => feed.version() !== afterOwn);

    let seen = await settled(feed);
    await writer.fhir.bulkLoad([org('b1'), org('b2')]);
    await eventually(() => feed.version() !== seen);
    seen = await settled(feed);
    await writer.fhir.delete('Organization', 'b1');
    await eventually(() => feed.version() !== seen);

    // Reads and other schemas' writes do not move it.
    seen = await settled(feed);
    const other = uniqueSchema('changes_other');
    schemas.push(other);
    const elsewhere = await open(other);
    await elsewhere.fhir.update(org('elsewhere'));
    await writer.fhir.read('Organization', 'theirs');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(feed.version()).toBe(seen);
  });

  it('is unknown while its connection is lost, and starts a new epoch once it is back', async () => {
    const schema = uniqueSchema('changes');
    schemas.push(schema);
    const stores = await open(schema);
    const errors: unknown[] = [];
    const feed = await stores.watchChanges({ retryMs: 50, onError: (error) => errors.push(error) });
    const before = feed.version();
    expect(before).toBeDefined();
    await stores.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN plan_api_fhir_changes%' AND pid <> pg_backend_pid()`,
    );
    await eventually(() => feed.version() === undefined);
    expect(errors.length).toBeGreaterThan(0);
    await eventually(() => feed.version() !== undefined);
    expect(feed.version()).not.toBe(before);
    await feed.close();
    expect(feed.version()).toBeUndefined();
  });
});
