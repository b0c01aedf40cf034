import { afterAll, describe, expect, it } from 'vitest';
import type { Patient } from 'fhir/r4';
import pg from 'pg';
import { createDefaultRegistry, FhirError, parseSearch } from '@plan-api/fhir';
import { schemaIsCurrent } from './migrate.ts';
import { createPostgresStores, migrate } from './stores.ts';
import { TEST_DATABASE_URL, testSchema, uniqueSchema } from './testing/database.ts';

const db = testSchema('concurrency');
const registry = createDefaultRegistry();
const extra: string[] = [];

afterAll(async () => {
  for (const schema of extra) await db.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.drop();
});

const patient = (id: string, family: string): Patient => ({ resourceType: 'Patient', id, name: [{ family }] });

describe('migrations', () => {
  it('two processes opening one new schema at once both start, and the migrations run once', async () => {
    const schema = uniqueSchema('migrate');
    extra.push(schema);
    // With declared record indexes too: their CREATE INDEX runs under the same lock as the migrations.
    const recordIndexes = { accessLog: [['patientId'], ['clientId']] };
    const open = () => createPostgresStores({ connectionString: TEST_DATABASE_URL, schema, registry, recordIndexes });
    const [a, b] = await Promise.all([open(), open()]);
    expect([a.migrations.applied, b.migrations.applied].sort()).toEqual([[], [1, 2, 3]]);
    expect(await a.migrationsApplied()).toBe(true);
    const rows = await db.pool.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    expect(rows.rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    const indexes = await db.pool.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE 'records_accesslog_%' ORDER BY 1`,
      [schema],
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual(['records_accesslog_clientid', 'records_accesslog_patientid']);
    await Promise.all([a.close(), b.close()]);
  });

  it('migrate reports what it applied, and readiness is false for a schema that was never migrated', async () => {
    const schema = uniqueSchema('migrate');
    extra.push(schema);
    expect((await migrate({ connectionString: TEST_DATABASE_URL, schema })).applied).toEqual([1, 2, 3]);
    expect((await migrate({ connectionString: TEST_DATABASE_URL, schema })).applied).toEqual([]);
    expect(await schemaIsCurrent(db.pool, schema)).toBe(true);
    const bare = uniqueSchema('bare');
    extra.push(bare);
    await db.pool.query(`CREATE SCHEMA "${bare}"`);
    expect(await schemaIsCurrent(db.pool, bare)).toBe(false);
    await expect(migrate({ connectionString: TEST_DATABASE_URL, schema: 'Not-Valid' })).rejects.toThrow(/schema name/);
  });
});

describe('writers in two processes', () => {
  it('two pools racing If-Match on one version: one update wins, the other gets 412', async () => {
    const stores = await db.open();
    await stores.fhir.update(patient('race-1', 'Start'));
    const other = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    try {
      const second = await createPostgresStores({ pool: other, schema: db.schema, registry });
      for (let round = 0; round < 5; round++) {
        const current = await stores.fhir.read('Patient', 'race-1');
        const results = await Promise.allSettled([
          stores.fhir.update(patient('race-1', `A${round}`), { ifMatch: `W/"${current.versionId}"` }),
          second.fhir.update(patient('race-1', `B${round}`), { ifMatch: `W/"${current.versionId}"` }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as FhirError).status);
        expect(won).toHaveLength(1);
        expect(lost).toEqual([412]);
        expect((await stores.fhir.read('Patient', 'race-1')).versionId).toBe(String(Number(current.versionId) + 1));
      }
      expect(await stores.fhir.history('Patient', 'race-1')).toHaveLength(6);
    } finally {
      await other.end();
    }
  });

  it('two pools creating the same new id at once: both succeed as versions 1 and 2, nothing is lost', async () => {
    const stores = await db.open();
    const other = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    try {
      const second = await createPostgresStores({ pool: other, schema: db.schema, registry });
      const results = await Promise.all([
        stores.fhir.update(patient('race-new', 'A')),
        second.fhir.update(patient('race-new', 'B')),
      ]);
      expect(results.map((r) => r.resource.versionId).sort()).toEqual(['1', '2']);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    } finally {
      await other.end();
    }
  });
});

describe('keyset paging', () => {
  it('following next cursors visits every match once while resources are added and deleted between pages', async () => {
    const stores = await db.open();
    await stores.fhir.bulkLoad(
      Array.from({ length: 30 }, (_, i) => patient(`page-${String(i).padStart(2, '0')}`, 'Pager')),
    );
    const page = (cursor?: string) =>
      stores.fhir.search({
        ...parseSearch(
          'Patient',
          [
            ['family', 'pager'],
            ['_count', '7'],
          ],
          registry,
          { defaultCount: 7, maxCount: 50, strict: true },
        ),
        ...(cursor === undefined ? {} : { cursor }),
      });
    const seen: string[] = [];
    let result = await page();
    seen.push(...result.matches.map((m) => m.id));
    // Changes before the cursor position must not shift the pages after it.
    await stores.fhir.delete('Patient', 'page-00');
    await stores.fhir.update(patient('page-00a', 'Pager'));
    await stores.fhir.update(patient('page-29z', 'Pager'));
    while (result.nextCursor) {
      result = await page(result.nextCursor);
      seen.push(...result.matches.map((m) => m.id));
    }
    const expected = [...Array.from({ length: 30 }, (_, i) => `page-${String(i).padStart(2, '0')}`), 'page-29z'];
    expect(seen).toEqual(expected);
    expect(result.hasMore).toBe(false);
  });

  it('a sorted search pages by its sort keys, and a cursor that is not ours is a 400', async () => {
    const stores = await db.open();
    const sorted = (cursor?: string) =>
      stores.fhir.search({
        ...parseSearch(
          'Patient',
          [
            ['family', 'pager'],
            ['_sort', '-_lastUpdated'],
            ['_count', '4'],
          ],
          registry,
          {
            defaultCount: 4,
            maxCount: 50,
            strict: true,
          },
        ),
        ...(cursor === undefined ? {} : { cursor }),
      });
    const all = await stores.fhir.search(
      parseSearch(
        'Patient',
        [
          ['family', 'pager'],
          ['_sort', '-_lastUpdated'],
          ['_count', '100'],
        ],
        registry,
        {
          defaultCount: 100,
          maxCount: 100,
          strict: true,
        },
      ),
    );
    const seen: string[] = [];
    let result = await sorted();
    seen.push(...result.matches.map((m) => m.id));
    while (result.nextCursor) {
      result = await sorted(result.nextCursor);
      seen.push(...result.matches.map((m) => m.id));
    }
    expect(seen).toEqual(all.matches.map((m) => m.id));
    const bad = await sorted('not-a-cursor').catch((err: unknown) => err);
    expect(bad).toBeInstanceOf(FhirError);
    expect((bad as FhirError).status).toBe(400);
  });
});
