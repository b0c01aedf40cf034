/**
 * `pnpm bench import-postgres`: imports the synthetic Plan-Net directory (NDJSON from `pnpm synthetic
 * directory`) into PostgreSQL with the streamed importer, at 100k and 1M resources, and reports the
 * import rate and the importer's peak RSS (it should stay flat: about the same at both sizes).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importDirectory } from './postgres-datasets.ts';

export const IMPORT_SIZES = [100_000, 1_000_000];

/** Runs the benchmark, prints a table and writes the results to bench/results/. */
export async function runImportPostgres(sizes: readonly number[] = IMPORT_SIZES): Promise<void> {
  const rows = [];
  for (const size of sizes) {
    const report = await importDirectory(size);
    rows.push({ size, ...report });
  }
  console.log('\nPostgreSQL import of the synthetic directory (NDJSON, streamed, batches of 1000 per transaction)');
  console.table(
    rows.map((r) => ({
      'directory size': r.size,
      imported: r.imported,
      seconds: r.seconds,
      'resources/s': r.resourcesPerSecond,
      'peak RSS MiB': r.peakRssMiB,
      'RSS by tenth MiB': r.rssByTenth.join(' '),
      'ANALYZE s': r.analyzeSeconds,
    })),
  );
  const first = rows[0];
  const last = rows.at(-1);
  if (first && last && first !== last) {
    console.log(`peak RSS ${last.size} / ${first.size}: ${(last.peakRssMiB / first.peakRssMiB).toFixed(2)}`);
  }
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const file = `${dir}import-postgres-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  await writeFile(file, `${JSON.stringify({ benchmark: 'import-postgres', rows }, null, 2)}\n`);
  console.log(`results: ${file}`);
}
