/** `pnpm bench`: runs every benchmark in turn; each compares against a baseline measured in the same run. */
import { runFhirThroughput } from './fhir-throughput.ts';

const benchmarks: [string, () => Promise<unknown>][] = [['fhir-throughput', runFhirThroughput]];

for (const [name, run] of benchmarks) {
  console.log(`== ${name}`);
  await run();
}
