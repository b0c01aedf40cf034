import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from 'fhir/r4';
import { FHIR_TABLES, TEST_DATABASE_URL, testSchema } from './testing/database.ts';

const here = dirname(fileURLToPath(import.meta.url));
const db = testSchema('import');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plan-api-import-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.drop();
});

const observation = (id: string): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  subject: { reference: 'Patient/imp' },
});

const ndjson = (lines: readonly string[]): Readable => Readable.from([`${lines.join('\n')}\n`]);

describe('streamed import', () => {
  it('imports NDJSON, rejects bad lines with their line numbers, and keeps the good ones', async () => {
    const stores = await db.open();
    await db.truncate(...FHIR_TABLES);
    const lines = [
      JSON.stringify(observation('imp-1')),
      '{"resourceType": "Observation", "id": ',
      '',
      JSON.stringify({ resourceType: 'NotAType', id: 'x' }),
      JSON.stringify(observation('imp-2')),
      JSON.stringify({ ...observation('bad id!') }),
      '[1, 2]',
      JSON.stringify(observation('imp-3')),
      JSON.stringify({ ...observation('imp-nul'), code: { text: 'a\u0000b' } }),
    ];
    const report = await stores.importNdjson(ndjson(lines), { batchSize: 2 });
    expect(report.imported).toBe(3);
    expect(report.rejectedCount).toBe(5);
    expect(report.rejected.map((r) => r.at)).toEqual([2, 4, 6, 7, 9]);
    expect(report.rejected[0]?.message).toMatch(/not JSON/);
    expect(report.rejected[1]?.message).toMatch(/NotAType/);
    expect(report.resourcesPerSecond).toBeGreaterThan(0);
    const found = await stores.fhir.search({
      resourceType: 'Observation',
      criteria: [],
      include: [],
      revinclude: [],
      sort: [],
      count: 10,
      offset: 0,
      total: 'accurate',
      selfParams: [],
      ignored: [],
    });
    expect(found.matches.map((m) => m.id)).toEqual(['imp-1', 'imp-2', 'imp-3']);
  });

  it('imports the resources of a Bundle entry by entry and rejects entries without a storable resource', async () => {
    const stores = await db.open();
    await db.truncate(...FHIR_TABLES);
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      meta: { tag: [{ code: 'before entry' }] },
      entry: [
        { resource: observation('b-1') },
        { fullUrl: 'urn:x' },
        { resource: { resourceType: 'Observation', id: 'b 2' } },
        { resource: observation('b-3') },
      ],
      signature: { who: { display: 'after entry' } },
    };
    const report = await stores.importBundle(Readable.from([JSON.stringify(bundle)]));
    expect(report.imported).toBe(2);
    expect(report.rejected.map((r) => r.at)).toEqual([1, 2]);
    expect((await stores.fhir.read('Observation', 'b-3')).versionId).toBe('1');
    await expect(stores.importBundle(Readable.from(['{"entry": [{"resource": ']))).rejects.toThrow();
  });

  it('an import killed with SIGKILL leaves whole batches only', async () => {
    await db.open();
    await db.truncate(...FHIR_TABLES);
    const ids = Array.from({ length: 6000 }, (_, i) => `kill-${String(i).padStart(5, '0')}`);
    const file = join(dir, 'big.ndjson');
    await writeFile(file, `${ids.map((id) => JSON.stringify(observation(id))).join('\n')}\n`);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'testing/import-child.ts'), TEST_DATABASE_URL, db.schema, file],
      { cwd: here, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let batches = 0;
    let done = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      batches += chunk.split('\n').filter((l) => l.startsWith('batch ')).length;
      done ||= chunk.includes('done');
      // Kill a little after a few batches are in, so the kill lands inside a later batch.
      if (batches >= 3 && child.exitCode === null && !child.killed) {
        setTimeout(() => child.kill('SIGKILL'), 5 + Math.floor(Math.random() * 20));
      }
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(done).toBe(false);
    const stored = await db.pool.query<{ id: string }>(`SELECT id FROM "${db.schema}".resources ORDER BY id`);
    const count = stored.rows.length;
    expect(count % 200).toBe(0);
    expect(count).toBeGreaterThanOrEqual(600);
    expect(stored.rows.map((r) => r.id)).toEqual(ids.slice(0, count));
    const indexed = await db.pool.query<{ n: number }>(
      `SELECT count(DISTINCT id)::integer AS n FROM "${db.schema}".idx_reference WHERE param = 'patient'`,
    );
    expect(indexed.rows[0]?.n).toBe(count);
  }, 60_000);
});
