import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { FhirStore } from '@plan-api/store';
import type { ServerConfig } from '../config.ts';
import type { ServerLogger } from '../logger.ts';
import { withCommandSession } from './session.ts';
import { parseCommand, UsageError } from './usage.ts';

/** A FHIR resource as the store takes it. */
type Resource = Parameters<FhirStore['bulkLoad']>[0] extends Iterable<infer R> | AsyncIterable<infer R> ? R : never;

const USAGE = 'pnpm server import FILE... (FHIR NDJSON, one resource a line, or a Bundle JSON)';

/** What one file gave: resources in, and the first rejections with their line (NDJSON) or entry index (Bundle). */
interface FileReport {
  imported: number;
  rejectedCount: number;
  rejected: { at: number; message: string }[];
  seconds: number;
}

/** A file is a Bundle when its first non-blank character opens an object spanning more than one line, or it says so. */
async function isBundle(file: string): Promise<boolean> {
  if (/\.(ndjson|jsonl)$/i.test(file)) return false;
  if (/\.json$/i.test(file)) return true;
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    return /^\s*\{\s*"resourceType"\s*:\s*"Bundle"/.test(head);
  } finally {
    await handle.close();
  }
}

/** The embedded (lowdb) store has no streaming import: NDJSON line by line, each resource on its own. */
async function importNdjsonEmbedded(fhir: FhirStore, file: string): Promise<FileReport> {
  const started = performance.now();
  const report: FileReport = { imported: 0, rejectedCount: 0, rejected: [], seconds: 0 };
  const reject = (at: number, message: string) => {
    report.rejectedCount++;
    if (report.rejected.length < 1000) report.rejected.push({ at, message });
  };
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let resource: Resource;
    try {
      resource = JSON.parse(text) as Resource;
    } catch {
      reject(line, 'not JSON');
      continue;
    }
    try {
      report.imported += await fhir.bulkLoad([resource]);
    } catch (error) {
      reject(line, error instanceof Error ? error.message : String(error));
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/**
 * `pnpm server import FILE...`: the plan's member records (FHIR NDJSON or Bundle JSON) into the production store,
 * streamed; prints the count of each file and its invalid resources with their line numbers (or entry index), and
 * exits 1 when any resource was rejected. On PostgreSQL the import is batched and ANALYZEd afterwards.
 */
export async function runImport(config: ServerConfig, logger: ServerLogger, args: string[]): Promise<number> {
  const { positionals } = parseCommand(args, {}, USAGE, true);
  if (positionals.length === 0) throw new UsageError(`Name at least one file.\nUsage: ${USAGE}`);
  for (const file of positionals) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new UsageError(`${file} is not a readable file.\nUsage: ${USAGE}`);
  }
  return withCommandSession(config, logger, async ({ stores }) => {
    let rejectedTotal = 0;
    for (const file of positionals) {
      const bundle = await isBundle(file);
      let report: FileReport;
      if (stores.postgres) {
        const input = createReadStream(file);
        report = bundle ? await stores.postgres.importBundle(input) : await stores.postgres.importNdjson(input);
      } else if (bundle) {
        throw new UsageError(
          `${file}: importing a Bundle needs DATABASE_URL (PostgreSQL); convert it to NDJSON for the embedded store.`,
        );
      } else {
        report = await importNdjsonEmbedded(stores.fhir, file);
      }
      rejectedTotal += report.rejectedCount;
      const where = bundle ? 'entry' : 'line';
      console.log(
        `${file}: imported ${report.imported} resource${report.imported === 1 ? '' : 's'} in ` +
          `${report.seconds.toFixed(1)} s` +
          (report.rejectedCount > 0 ? `; rejected ${report.rejectedCount}:` : '.'),
      );
      for (const rejection of report.rejected) console.log(`  ${where} ${rejection.at}: ${rejection.message}`);
      if (report.rejectedCount > report.rejected.length) {
        console.log(`  ... and ${report.rejectedCount - report.rejected.length} more.`);
      }
    }
    if (stores.postgres) await stores.postgres.analyze();
    return rejectedTotal > 0 ? 1 : 0;
  });
}
