/**
 * The child process of the synthetic benchmark: streams a directory (or, as the baseline, as many
 * resources cycled from a small directory held in memory) as NDJSON to a Writable that drops the bytes,
 * sampling memory as it goes, and sends the figures to the parent. Runs alone in its process so its peak memory is its own.
 */
import { Writable } from 'node:stream';
import type { Resource } from 'fhir/r4';
import { createDirectory, writeNdjson } from '@plan-api/synthetic';
import { repoTerminology } from './paths.ts';

export type DirectoryMode = 'generate' | 'serialize';

export interface DirectoryRequest {
  mode: DirectoryMode;
  size: number;
  seed: string;
  /** For `serialize`: how many resources to write (the count `generate` produced). */
  count?: number;
}

export interface MemorySample {
  rss: number;
  heapUsed: number;
}

export interface DirectoryResult {
  mode: DirectoryMode;
  resources: number;
  bytes: number;
  seconds: number;
  /** Before anything was generated (modules loaded). */
  baseline: MemorySample;
  /** The highest sample of each while streaming. */
  peak: MemorySample;
  samples: number;
}

const SAMPLE_EVERY = 5000;
const SAMPLE_SIZE = 2000;

function memoryNow(): MemorySample {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

/** Takes a memory sample every SAMPLE_EVERY resources (a timer would not fire: the stream never yields to it). */
function* sampled(
  resources: Iterable<Resource>,
  peak: MemorySample,
  counter: { samples: number },
): Generator<Resource> {
  let n = 0;
  for (const resource of resources) {
    if (++n % SAMPLE_EVERY === 0) {
      const s = memoryNow();
      peak.rss = Math.max(peak.rss, s.rss);
      peak.heapUsed = Math.max(peak.heapUsed, s.heapUsed);
      counter.samples++;
    }
    yield resource;
  }
}

function* cycled(sample: readonly Resource[], count: number): Generator<Resource> {
  for (let i = 0; i < count; i++) yield sample[i % sample.length] as Resource;
}

/** The resources of a small directory of the same seed: the mix of kinds and sizes the generator makes. */
function sampleDirectory(seed: string): Resource[] {
  return [...createDirectory({ seed, size: SAMPLE_SIZE, terminology: repoTerminology() }).resources()];
}

async function run(request: DirectoryRequest): Promise<DirectoryResult> {
  const baseline = memoryNow();
  const peak = { ...baseline };
  const counter = { samples: 0 };
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const sample = request.mode === 'serialize' ? sampleDirectory(request.seed) : undefined;
  const started = performance.now();
  const source = sample
    ? cycled(sample, request.count ?? request.size)
    : createDirectory({ seed: request.seed, size: request.size, terminology: repoTerminology() }).resources();
  const resources = await writeNdjson(sampled(source, peak, counter), sink);
  const seconds = (performance.now() - started) / 1000;
  const end = memoryNow();
  peak.rss = Math.max(peak.rss, end.rss);
  peak.heapUsed = Math.max(peak.heapUsed, end.heapUsed);
  return { mode: request.mode, resources, bytes, seconds, baseline, peak, samples: counter.samples + 1 };
}

process.once('message', (message) => {
  run(message as DirectoryRequest).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
