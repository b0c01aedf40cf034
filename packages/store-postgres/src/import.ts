import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { isFhirError } from '@plan-api/fhir';
import type pg from 'pg';
import StreamJson from 'stream-json';
import Pick from 'stream-json/filters/Pick.js';
import StreamArray from 'stream-json/streamers/StreamArray.js';
import { BulkWriter } from './fhir/bulk.ts';
import type { FhirContext } from './fhir/operations.ts';

export interface ImportOptions {
  /** Resources per transaction (default 1000). */
  batchSize?: number;
  /** At most this many rejections are listed (all are counted); default 1000, so memory stays flat. */
  maxListedRejections?: number;
  /** Hears the running count after each written batch. */
  onProgress?: (imported: number) => void;
}

/** One input that was not imported: its line (NDJSON) or entry position (Bundle), and why. */
export interface Rejection {
  /** 1-based line of an NDJSON file, or 0-based `Bundle.entry` index. */
  at: number;
  message: string;
}

export interface ImportReport {
  imported: number;
  rejectedCount: number;
  /** The first rejections (see maxListedRejections). */
  rejected: Rejection[];
  seconds: number;
  resourcesPerSecond: number;
}

/** Counts and reports; the writer does the batching. */
class Importer {
  readonly writer: BulkWriter;
  readonly #options: ImportOptions;
  readonly #started = performance.now();
  readonly #rejected: Rejection[] = [];
  #rejectedCount = 0;
  #reported = 0;

  constructor(pool: pg.Pool, ctx: FhirContext, options: ImportOptions) {
    this.writer = new BulkWriter(pool, ctx, options.batchSize);
    this.#options = options;
  }

  reject(at: number, message: string): void {
    this.#rejectedCount++;
    if (this.#rejected.length < (this.#options.maxListedRejections ?? 1000)) this.#rejected.push({ at, message });
  }

  /** Queues a resource; a resource the store refuses (a FhirError 400) is rejected, anything else is thrown. */
  async add(at: number, resource: unknown): Promise<void> {
    try {
      await this.writer.add(resource);
    } catch (err) {
      if (!isFhirError(err) || err.status !== 400) throw err;
      this.reject(at, err.message);
    }
    if (this.writer.written !== this.#reported) {
      this.#reported = this.writer.written;
      this.#options.onProgress?.(this.#reported);
    }
  }

  async finish(): Promise<ImportReport> {
    await this.writer.finish();
    const seconds = (performance.now() - this.#started) / 1000;
    const imported = this.writer.written;
    return {
      imported,
      rejectedCount: this.#rejectedCount,
      rejected: this.#rejected,
      seconds,
      resourcesPerSecond: seconds > 0 ? Math.round(imported / seconds) : imported,
    };
  }
}

/**
 * Imports FHIR NDJSON (one resource per line) from a stream, in batches of one transaction each: a
 * killed import leaves whole batches. Lines that are not JSON or not a storable resource are rejected
 * with their line number while the others are kept; blank lines are skipped. Reads line by line, so
 * memory stays flat whatever the file size.
 */
export async function importNdjson(
  pool: pg.Pool,
  ctx: FhirContext,
  input: NodeJS.ReadableStream,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const importer = new Importer(pool, ctx, options);
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let resource: unknown;
    try {
      resource = JSON.parse(text);
    } catch (err) {
      importer.reject(line, `not JSON: ${(err as Error).message}`);
      continue;
    }
    await importer.add(line, resource);
  }
  return importer.finish();
}

/**
 * Imports the resources of a FHIR Bundle JSON (`entry[].resource`) from a stream, parsed entry by entry
 * (stream-json), so a Bundle larger than memory imports flat. Entries without a resource or with one that
 * cannot be stored are rejected with their index; malformed JSON ends the import with an error after the
 * batches before it are written.
 */
export async function importBundle(
  pool: pg.Pool,
  ctx: FhirContext,
  input: NodeJS.ReadableStream,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const importer = new Importer(pool, ctx, options);
  await pipeline(
    input,
    StreamJson.parser(),
    Pick.pick({ filter: 'entry' }),
    StreamArray.streamArray(),
    async (entries: AsyncIterable<{ key: number; value: unknown }>) => {
      for await (const { key, value } of entries) {
        const resource = (value as { resource?: unknown } | null)?.resource;
        if (resource === undefined) importer.reject(key, 'the entry has no resource');
        else await importer.add(key, resource);
      }
    },
  );
  return importer.finish();
}
