/**
 * `pnpm bench`: runs every benchmark in turn; each compares against a baseline measured in the same run.
 * `pnpm bench --cpu-prof` also writes CPU profiles of the server processes to bench/results/profiles/.
 */
import { fileURLToPath } from 'node:url';
import { runFhirThroughput } from './fhir-throughput.ts';

const profileDir = process.argv.includes('--cpu-prof')
  ? fileURLToPath(new URL('./results/profiles/', import.meta.url))
  : undefined;
const benchmarks: [string, () => Promise<unknown>][] = [
  ['fhir-throughput', () => runFhirThroughput(profileDir === undefined ? {} : { profileDir })],
];

for (const [name, run] of benchmarks) {
  console.log(`== ${name}`);
  await run();
}
