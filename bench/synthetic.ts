/**
 * Synthetic data generation speed, against a baseline measured in the same run: JSON.stringify of as
 * much of the same kind of output ("cost vs just serializing").
 *
 * - Members: members and resources generated per second over every scenario, and the time per member;
 *   the baseline serializes every resource that was generated.
 * - Directory: a ~1,000,000-resource Plan-Net directory streamed as NDJSON to a Writable that drops the
 *   bytes, in a child process of its own so that its peak memory (rss, heapUsed) is its own; the baseline,
 *   in another child, streams as many resources through the same NDJSON writer, cycling over the
 *   resources of a small directory held in memory (the same mix of kinds and sizes).
 */
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Resource } from 'fhir/r4';
import { createDirectory, generateMember, SCENARIOS } from '@plan-api/synthetic';
import { repoTerminology } from './paths.ts';
import type { DirectoryRequest, DirectoryResult } from './synthetic-directory.ts';

const MEMBERS_PER_SCENARIO = 40;
const WARMUP_MEMBERS = 10;
const DIRECTORY_SIZE = 1_000_000;
const MEMBER_DIRECTORY_SIZE = 2000;
const SEED = 'bench';
const MB = 1024 * 1024;

export interface MemberFigures {
  members: number;
  resources: number;
  seconds: number;
  membersPerSecond: number;
  resourcesPerSecond: number;
  /** JSON size of everything generated. */
  megabytes: number;
  /** `cold`: the first member of the process, loading the terminology and making the directory handle. */
  msPerMember: { median: number; p95: number; max: number; cold: number };
  /** JSON.stringify of every generated resource. */
  baselineSeconds: number;
  /** Generation time / baseline time. */
  costVsSerializing: number;
}

export interface DirectoryFigures {
  subject: DirectoryResult;
  baseline: DirectoryResult;
  resourcesPerSecond: number;
  baselineResourcesPerSecond: number;
  costVsSerializing: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** Members of every scenario in turn, generated in this process. */
function benchMembers(): MemberFigures {
  const coldStarted = performance.now();
  const terminology = repoTerminology();
  const { handle: directory } = createDirectory({ seed: SEED, size: MEMBER_DIRECTORY_SIZE, terminology });
  generateMember({ seed: 'cold', directory, terminology });
  const coldMs = performance.now() - coldStarted;
  for (let i = 0; i < WARMUP_MEMBERS; i++) generateMember({ seed: `warmup-${i}`, directory, terminology });
  const times: number[] = [];
  const generated: Resource[][] = [];
  const started = performance.now();
  for (let i = 0; i < MEMBERS_PER_SCENARIO; i++) {
    for (const scenario of SCENARIOS) {
      const t = performance.now();
      const member = generateMember({ seed: `${SEED}-${scenario}-${i}`, scenario, directory, terminology });
      times.push(performance.now() - t);
      generated.push(member.resources);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // The baseline serializes exactly what was generated: generation cost in units of JSON.stringify.
  const baselineStarted = performance.now();
  let chars = 0;
  for (const resources of generated) for (const r of resources) chars += JSON.stringify(r).length;
  const baselineSeconds = (performance.now() - baselineStarted) / 1000;
  const resources = generated.reduce((n, list) => n + list.length, 0);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    members: times.length,
    resources,
    megabytes: round(chars / MB, 1),
    seconds: round(seconds, 3),
    membersPerSecond: round(times.length / seconds, 1),
    resourcesPerSecond: Math.round(resources / seconds),
    msPerMember: {
      median: round(quantile(sorted, 0.5)),
      p95: round(quantile(sorted, 0.95)),
      max: round(sorted.at(-1) ?? 0),
      cold: round(coldMs),
    },
    baselineSeconds: round(baselineSeconds, 3),
    costVsSerializing: round(seconds / baselineSeconds),
  };
}

/** Runs one directory stream in a fresh child process and returns its figures. */
async function directoryChild(request: DirectoryRequest): Promise<DirectoryResult> {
  const child = fork(fileURLToPath(new URL('./synthetic-directory.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const result = new Promise<DirectoryResult>((resolve, reject) => {
    child.once('message', (message) => resolve(message as DirectoryResult));
    child.once('exit', (code) => reject(new Error(`bench: the directory process exited with ${code}`)));
  });
  child.send(request);
  return result;
}

async function benchDirectory(): Promise<DirectoryFigures> {
  const subject = await directoryChild({ mode: 'generate', size: DIRECTORY_SIZE, seed: SEED });
  const baseline = await directoryChild({
    mode: 'serialize',
    size: DIRECTORY_SIZE,
    seed: SEED,
    count: subject.resources,
  });
  const rate = (r: DirectoryResult): number => Math.round(r.resources / r.seconds);
  return {
    subject,
    baseline,
    resourcesPerSecond: rate(subject),
    baselineResourcesPerSecond: rate(baseline),
    costVsSerializing: round(subject.seconds / baseline.seconds),
  };
}

const mb = (bytes: number): number => round(bytes / MB, 1);

function print(members: MemberFigures, directory: DirectoryFigures): void {
  console.log(`\nSynthetic members: ${members.members} members over ${SCENARIOS.length} scenarios`);
  console.table([
    {
      'members/s': members.membersPerSecond,
      'resources/s': members.resourcesPerSecond,
      'ms/member median': members.msPerMember.median,
      'ms/member p95': members.msPerMember.p95,
      'ms/member max': members.msPerMember.max,
      'first member cold ms': members.msPerMember.cold,
      'cost vs JSON.stringify': members.costVsSerializing,
    },
  ]);
  const { subject, baseline } = directory;
  console.log(`\nSynthetic directory: ${subject.resources} resources streamed as NDJSON (${mb(subject.bytes)} MB)`);
  console.table(
    [
      ['directory generator', subject, directory.resourcesPerSecond],
      ['baseline: serializing held resources', baseline, directory.baselineResourcesPerSecond],
    ].map(([name, r, rate]) => {
      const result = r as DirectoryResult;
      return {
        side: name,
        seconds: round(result.seconds, 1),
        'resources/s': rate,
        'rss before MB': mb(result.baseline.rss),
        'rss peak MB': mb(result.peak.rss),
        'heapUsed before MB': mb(result.baseline.heapUsed),
        'heapUsed peak MB': mb(result.peak.heapUsed),
      };
    }),
  );
  console.log(`directory cost vs just serializing: ${directory.costVsSerializing}x`);
}

/** Runs the synthetic benchmark, prints tables and writes the figures to bench/results/. */
export async function runSynthetic(): Promise<{ members: MemberFigures; directory: DirectoryFigures }> {
  const members = benchMembers();
  const directory = await benchDirectory();
  print(members, directory);
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const file = `${dir}synthetic-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  const settings = { membersPerScenario: MEMBERS_PER_SCENARIO, directorySize: DIRECTORY_SIZE, seed: SEED };
  await writeFile(file, `${JSON.stringify({ benchmark: 'synthetic', settings, members, directory }, null, 2)}\n`);
  console.log(`results: ${file}`);
  return { members, directory };
}
