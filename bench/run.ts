/**
 * `pnpm bench`: runs every benchmark in turn; each compares against a baseline measured in the same run.
 * `pnpm bench synthetic` (or any benchmark names) runs only those.
 * `pnpm bench --cpu-prof` also writes CPU profiles of the server processes to bench/results/profiles/.
 * Either way, the benchmark table in README.md is then rewritten from the newest result of every benchmark.
 */
import { fileURLToPath } from 'node:url';
import { runDirectoryPostgres } from './directory-postgres.ts';
import { runFhirThroughput } from './fhir-throughput.ts';
import { runImportPostgres } from './import-postgres.ts';
import { runPatientAccessPostgres } from './patient-access-postgres.ts';
import { refreshReadmeTable } from './readme-table.ts';
import { runSmart } from './smart.ts';
import { runSynthetic } from './synthetic.ts';
import { runTwoProcesses } from './two-processes.ts';

const args = process.argv.slice(2);
const profileDir = args.includes('--cpu-prof')
  ? fileURLToPath(new URL('./results/profiles/', import.meta.url))
  : undefined;
const benchmarks: [string, () => Promise<unknown>][] = [
  ['fhir-throughput', () => runFhirThroughput(profileDir === undefined ? {} : { profileDir })],
  ['synthetic', () => runSynthetic()],
  ['smart', () => runSmart(profileDir === undefined ? {} : { profileDir })],
  // PostgreSQL (PLAN_API_BENCH_DATABASE_URL); data sets stay in their schemas for later runs.
  ['import-postgres', () => runImportPostgres()],
  ['directory-postgres', () => runDirectoryPostgres()],
  ['patient-access-postgres', () => runPatientAccessPostgres()],
  ['two-processes', () => runTwoProcesses(profileDir === undefined ? {} : { profileDir })],
];

const wanted = args.filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !benchmarks.some(([n]) => n === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; benchmarks: ${benchmarks.map(([n]) => n).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of benchmarks) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`== ${name}`);
  await run();
}
await refreshReadmeTable();
