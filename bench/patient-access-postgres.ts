/**
 * `pnpm bench patient-access-postgres`: 2,000 synthetic members in PostgreSQL, served over HTTP by the
 * FHIR router (base patientAccess, read-only; the SMART token check is left out: it is measured by the
 * smart benchmark); p50 and p95 of a member's EOB search and Observation patient+category searches.
 * Goal: p95 < 30 ms.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from './common.ts';
import { measureLatency, ms, percentile } from './postgres-common.ts';
import { ensureMembers } from './postgres-datasets.ts';
import type { PostgresServerReady } from './postgres-server.ts';

const MEMBERS = 2000;
const SAMPLED = 150;
const CONCURRENCY = 2;

/** Runs the benchmark, prints a table and writes the results to bench/results/. */
export async function runPatientAccessPostgres(): Promise<void> {
  const { schema, patients } = await ensureMembers(MEMBERS);
  const step = Math.max(1, Math.floor(patients.length / SAMPLED));
  const sampled = patients.filter((_, i) => i % step === 0).slice(0, SAMPLED);
  const mix: Record<string, string[]> = {
    'ExplanationOfBenefit?patient': sampled.map((p) => `ExplanationOfBenefit?patient=${p}`),
    'Observation?patient&category=vital-signs': sampled.map((p) => `Observation?patient=${p}&category=vital-signs`),
    'Observation?patient&category=laboratory': sampled.map((p) => `Observation?patient=${p}&category=laboratory`),
  };
  const { ready, stop } = await startServerProcess<PostgresServerReady>('./postgres-server.ts', undefined, [
    schema,
    'patientAccess',
  ]);
  const rows = [];
  try {
    const urls = Object.values(mix).flatMap((paths) => paths.map((p) => `${ready.url}/${p}`));
    await measureLatency(urls, { rounds: 1, concurrency: CONCURRENCY });
    const times = await measureLatency(urls, { rounds: 3, concurrency: CONCURRENCY });
    const all: number[] = [];
    for (const [search, paths] of Object.entries(mix)) {
      const values = paths.flatMap((p) => times.get(`${ready.url}/${p}`) ?? []);
      all.push(...values);
      rows.push({ search, p50: ms(percentile(values, 50)), p95: ms(percentile(values, 95)), requests: values.length });
    }
    rows.push({ search: 'all', p50: ms(percentile(all, 50)), p95: ms(percentile(all, 95)), requests: all.length });
  } finally {
    await stop();
  }
  console.log(
    `\nPatient Access searches on PostgreSQL over HTTP (${MEMBERS} members, ${CONCURRENCY} clients), ms; goal p95 < 30`,
  );
  console.table(rows);
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const file = `${dir}patient-access-postgres-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(
    file,
    `${JSON.stringify({ benchmark: 'patient-access-postgres', members: MEMBERS, rows }, null, 2)}\n`,
  );
  console.log(`results: ${file}`);
}
