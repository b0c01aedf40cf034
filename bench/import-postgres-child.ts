/**
 * The import of the import-postgres benchmark, in a process of its own so its memory is its alone:
 * streams an NDJSON file into a schema with the PostgreSQL importer, printing `progress <n>` lines and,
 * last, a JSON report with the importer's figures and the process's peak RSS.
 * Arguments: `<schema> <file> <dataset>`.
 */
import { createReadStream } from 'node:fs';
import { markLoaded, openBenchStores } from './postgres-common.ts';

export interface ImportChildReport {
  imported: number;
  rejected: number;
  seconds: number;
  resourcesPerSecond: number;
  /** Peak resident set size of the importing process, MiB. */
  peakRssMiB: number;
  /** RSS (MiB) after each tenth of the input, to show it stays flat. */
  rssByTenth: number[];
  /** Seconds of ANALYZE after the import (not part of the rate). */
  analyzeSeconds: number;
}

const [schema = '', file = '', dataset = ''] = process.argv.slice(2);
const stores = await openBenchStores(schema);
const total = Number(/directory-(\d+)-/.exec(file)?.[1] ?? 0);
const rssByTenth: number[] = [];
const mib = (bytes: number): number => Math.round(bytes / 1048576);
const report = await stores.importNdjson(createReadStream(file), {
  onProgress: (n) => {
    if (n % 20_000 < 1000) process.stdout.write(`progress ${n}\n`);
    if (total > 0 && rssByTenth.length < Math.floor((10 * n) / total)) rssByTenth.push(mib(process.memoryUsage().rss));
  },
});
const analyzeStarted = performance.now();
await markLoaded(stores, dataset, report.imported);
const result: ImportChildReport = {
  imported: report.imported,
  rejected: report.rejectedCount,
  seconds: Math.round(report.seconds * 10) / 10,
  resourcesPerSecond: report.resourcesPerSecond,
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  rssByTenth,
  analyzeSeconds: Math.round((performance.now() - analyzeStarted) / 100) / 10,
};
await stores.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
