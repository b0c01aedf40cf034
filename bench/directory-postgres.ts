/**
 * `pnpm bench directory-postgres`: the public Plan-Net directory served from PostgreSQL over HTTP
 * (createFhirApp = createFhirRouter with base `directory`, read-only) at 100k and 1M resources; p50 and
 * p95 latency of a mix of Plan-Net searches (by specialty, network, near a point, by name, with
 * _include). Goals: p95 < 50 ms at 1M, and p50 at 1M at most 1.5 x p50 at 100k (measured in the same run).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from './common.ts';
import { measureLatency, ms, openBenchStores, percentile } from './postgres-common.ts';
import { ensureDirectory } from './postgres-datasets.ts';
import type { PostgresServerReady } from './postgres-server.ts';

export const DIRECTORY_SIZES = [100_000, 1_000_000];
const SAMPLES = 12;
const ROUNDS = 8;
const CONCURRENCY = 2;
const NUCC = 'http://nucc.org/provider-taxonomy';

/** Search paths of the mix, with values sampled from the data (the same rule at every size). */
async function searchMix(schema: string): Promise<Record<string, string[]>> {
  const stores = await openBenchStores(schema);
  const q = async (sql: string): Promise<string[]> =>
    (await stores.pool.query<{ v: string }>(sql.replaceAll('S.', `"${schema}".`))).rows.map((r) => r.v);
  try {
    const specialties = await q(
      `SELECT code AS v FROM (SELECT DISTINCT code FROM S.idx_token WHERE rtype = 'PractitionerRole' AND param = 'specialty' AND system = '${NUCC}') c ORDER BY md5(code) LIMIT ${SAMPLES}`,
    );
    const networks = await q(
      `SELECT DISTINCT tid AS v FROM S.idx_reference WHERE rtype = 'PractitionerRole' AND param = 'network' ORDER BY tid LIMIT ${SAMPLES}`,
    );
    const points = await q(
      `SELECT lat || '|' || lon AS v FROM S.idx_position WHERE rtype = 'Location' ORDER BY md5(id) LIMIT ${SAMPLES}`,
    );
    const names = await q(
      `SELECT left(norm, 5) AS v FROM S.idx_string WHERE rtype = 'Organization' AND param = 'name' ORDER BY md5(id) LIMIT ${SAMPLES}`,
    );
    const families = await q(
      `SELECT left(norm, 4) AS v FROM S.idx_string WHERE rtype = 'Practitioner' AND param = 'family' ORDER BY md5(id) LIMIT ${SAMPLES}`,
    );
    const e = encodeURIComponent;
    return {
      specialty: specialties.map((c) => `PractitionerRole?specialty=${e(`${NUCC}|${c}`)}`),
      network: networks.map((n) => `PractitionerRole?network=Organization/${n}`),
      near: points.map((p) => `Location?near=${e(`${p}|10|km`)}`),
      'organization name': names.map((n) => `Organization?name=${e(n)}`),
      'practitioner name': families.map((n) => `Practitioner?name=${e(n)}`),
      'specialty + _include': specialties.map(
        (c) =>
          `PractitionerRole?specialty=${e(`${NUCC}|${c}`)}&_include=PractitionerRole:practitioner&_include=PractitionerRole:location`,
      ),
    };
  } finally {
    await stores.close();
  }
}

interface SizeResult {
  size: number;
  byScenario: Record<string, { p50: number; p95: number; requests: number }>;
  all: { p50: number; p95: number; requests: number };
}

interface Served {
  size: number;
  url: string;
  mix: Record<string, string[]>;
  stop: () => Promise<void>;
  times: Map<string, number[]>;
}

async function serve(size: number): Promise<Served> {
  const schema = await ensureDirectory(size);
  const mix = await searchMix(schema);
  const { ready, stop } = await startServerProcess<PostgresServerReady>('./postgres-server.ts', undefined, [
    schema,
    'directory',
  ]);
  return { size, url: ready.url, mix, stop, times: new Map() };
}

function resultOf(served: Served): SizeResult {
  const byScenario: SizeResult['byScenario'] = {};
  const all: number[] = [];
  for (const [scenario, paths] of Object.entries(served.mix)) {
    const values = paths.flatMap((p) => served.times.get(`${served.url}/${p}`) ?? []);
    all.push(...values);
    byScenario[scenario] = {
      p50: ms(percentile(values, 50)),
      p95: ms(percentile(values, 95)),
      requests: values.length,
    };
  }
  return {
    size: served.size,
    byScenario,
    all: { p50: ms(percentile(all, 50)), p95: ms(percentile(all, 95)), requests: all.length },
  };
}

/**
 * Serves every size at once and measures them in alternating rounds (the order rotating), so a drift in
 * the machine's load weighs on all sizes alike.
 */
async function measureSizes(sizes: readonly number[]): Promise<SizeResult[]> {
  const served: Served[] = [];
  try {
    for (const size of sizes) served.push(await serve(size));
    const urlsOf = (s: Served): string[] => Object.values(s.mix).flatMap((paths) => paths.map((p) => `${s.url}/${p}`));
    for (const s of served) await measureLatency(urlsOf(s), { rounds: 1, concurrency: CONCURRENCY });
    for (let round = 0; round < ROUNDS; round++) {
      const order = served.map((_, i) => served[(i + round) % served.length]!);
      for (const s of order) {
        for (const [url, values] of await measureLatency(urlsOf(s), { rounds: 1, concurrency: CONCURRENCY })) {
          s.times.set(url, [...(s.times.get(url) ?? []), ...values]);
        }
      }
    }
    return served.map(resultOf);
  } finally {
    for (const s of served) await s.stop();
  }
}

/** Runs the benchmark, prints a table and writes the results to bench/results/. */
export async function runDirectoryPostgres(sizes: readonly number[] = DIRECTORY_SIZES): Promise<SizeResult[]> {
  const results = await measureSizes(sizes);
  console.log(
    `\nPlan-Net directory on PostgreSQL over HTTP: ${CONCURRENCY} concurrent clients, ${ROUNDS} alternating rounds, latency in ms`,
  );
  const scenarios = Object.keys(results[0]?.byScenario ?? {});
  console.table(
    [...scenarios, 'all'].map((scenario) =>
      Object.fromEntries([
        ['search', scenario],
        ...results.flatMap((r) => {
          const s = scenario === 'all' ? r.all : r.byScenario[scenario]!;
          return [
            [`p50 ${r.size}`, s.p50],
            [`p95 ${r.size}`, s.p95],
          ];
        }),
      ]),
    ),
  );
  const [small, large] = [results[0], results.at(-1)];
  if (small && large && small !== large) {
    const ratio = large.all.p50 / small.all.p50;
    console.log(`p50 ${large.size} / p50 ${small.size} = ${ratio.toFixed(2)} (goal <= 1.5)`);
    console.log(`p95 at ${large.size}: ${large.all.p95} ms (goal < 50)`);
  }
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const file = `${dir}directory-postgres-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(
    file,
    `${JSON.stringify({ benchmark: 'directory-postgres', concurrency: CONCURRENCY, results }, null, 2)}\n`,
  );
  console.log(`results: ${file}`);
  return results;
}
