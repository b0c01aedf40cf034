/**
 * Helpers of the PostgreSQL benchmarks: the database, a schema per data set (kept between runs, so the
 * 1M-resource directory is imported once), latency percentiles of a request mix, and the bench server.
 */
import { createDefaultRegistry } from '@plan-api/fhir';
import { createPostgresStores, type PostgresStores } from '@plan-api/store-postgres';

/** The benchmark database: `PLAN_API_BENCH_DATABASE_URL`, default the local trust-auth `test` database. */
export const BENCH_DATABASE_URL = process.env['PLAN_API_BENCH_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';

/**
 * Opens the stores on a benchmark schema. `applicationName` labels its database sessions, so a benchmark can
 * find their backend processes in `pg_stat_activity`.
 */
export function openBenchStores(schema: string, applicationName?: string): Promise<PostgresStores> {
  const url = new URL(BENCH_DATABASE_URL);
  if (applicationName !== undefined) url.searchParams.set('application_name', applicationName);
  return createPostgresStores({ connectionString: url.toString(), schema, registry: createDefaultRegistry() });
}

/** What a benchmark schema holds, recorded once its data is completely in. */
export interface DatasetMarker {
  id: string;
  /** e.g. `directory:1000000:seed=bench`. */
  dataset: string;
  resources: number;
}

/** The marker of a schema, or undefined when its load never finished (opening creates the schema when absent). */
export async function datasetMarker(schema: string): Promise<DatasetMarker | undefined> {
  const stores = await openBenchStores(schema);
  try {
    return await stores.records.collection<DatasetMarker>('bench').get('dataset');
  } finally {
    await stores.close();
  }
}

/** Drops a schema (before loading it again). */
export async function dropSchema(schema: string): Promise<void> {
  const stores = await openBenchStores(schema);
  try {
    await stores.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await stores.close();
  }
}

/**
 * Records that a schema's data set is completely loaded, after VACUUM ANALYZE: statistics for the
 * planner, and the visibility map that lets lookups be index-only scans (what an operator runs after a
 * bulk import; autovacuum would get there later).
 */
export async function markLoaded(stores: PostgresStores, dataset: string, resources: number): Promise<void> {
  await stores.analyze();
  await stores.records.collection<DatasetMarker>('bench').put({ id: 'dataset', dataset, resources });
}

/** The p-th percentile (0-100) of a list, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

/** Latency (ms) of each request of `urls`, sent `rounds` times over `concurrency` keep-alive loops. */
export async function measureLatency(
  urls: readonly string[],
  options: { rounds: number; concurrency: number },
): Promise<Map<string, number[]>> {
  const queue: string[] = [];
  for (let r = 0; r < options.rounds; r++) queue.push(...urls);
  const times = new Map<string, number[]>(urls.map((u) => [u, []]));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const url = queue[next++]!;
      const started = performance.now();
      const res = await fetch(url, { headers: { Accept: 'application/fhir+json' } });
      await res.arrayBuffer();
      const elapsed = performance.now() - started;
      if (res.status !== 200) throw new Error(`bench: ${url} answered ${res.status}`);
      times.get(url)!.push(elapsed);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return times;
}

/** Rounds a latency to 0.01 ms. */
export const ms = (value: number): number => Math.round(value * 100) / 100;
