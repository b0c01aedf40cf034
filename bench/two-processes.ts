/**
 * `pnpm bench two-processes`: does a second server process on the same PostgreSQL add throughput? Patient
 * Access searches of synthetic members (EOB, vital signs, laboratory; the member rotating on every request)
 * served by the FHIR router over one PostgreSQL schema, from ONE server process vs TWO (each on its own
 * port), in alternating turns within one run. The load generator is the same on both sides: two autocannon
 * instances running at the same time, summed; on the one-process side both aim at the same process. Goal:
 * two / one >= 1.3.
 *
 * Each turn also records the CPU time spent by the server processes, by their PostgreSQL backends (found in
 * pg_stat_activity by application_name), by the load generator and by the rest of the machine (from
 * /proc), per request: on a small machine this tells whether node, PostgreSQL or the load generator is the
 * bottleneck. `pnpm bench two-processes --cpu-prof` writes the servers' CPU profiles too.
 */
import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { median, startServerProcess, writeResults } from './common.ts';
import { openBenchStores } from './postgres-common.ts';
import { ensureMembers } from './postgres-datasets.ts';
import type { PostgresServerReady } from './postgres-server.ts';

/** Fewer members than patient-access-postgres (2000) load in about a minute; the searches are the same. */
const MEMBERS = 500;
/** Connections of each of the two autocannon instances (16 in all, enough to saturate two cores). */
const CONNECTIONS_EACH = 8;
const TURNS = 7;
const TURN_SECONDS = 3;
const WARMUP_SECONDS = 1;
/**
 * A pause after each turn: autocannon abandons its in-flight requests when a turn ends, and the servers
 * finish them before the next turn (or the stop) rather than during it.
 */
const SETTLE_MS = 1000;
const APPLICATION_NAME = 'plan-api-bench-two-processes';
/** Linux clock ticks per second of /proc times (USER_HZ, 100 on every mainstream architecture). */
const TICKS_PER_SECOND = 100;

export type Side = 'one' | 'two';

/** CPU milliseconds per request of each part of the machine during a side's turns. */
export interface CpuSplit {
  /** The server processes (node). */
  node: number;
  /** Their PostgreSQL backends. */
  postgres: number;
  /** This process: autocannon. */
  loadGenerator: number;
  /** Everything else running on the machine meanwhile. */
  other: number;
  /** Idle CPU time per request (all cores). */
  idle: number;
}

/** What the one-process CPU split allows: is a second node process able to add anything on this machine? */
export interface Ceilings {
  /** req/s when one node process (one core) is the only limit: 1000 / node ms per request. */
  oneNodeProcess: number;
  /** req/s when every core does only this work: cores x 1000 / (node + postgres + load generator ms per request). */
  wholeMachine: number;
  /** min(2 x oneNodeProcess, wholeMachine) / min(oneNodeProcess, wholeMachine): the best two/one possible here. */
  bestRatio: number;
  /** The largest CPU share per request: `node`, `postgres` or `loadGenerator`. */
  largestShare: string;
}

export interface SideResult {
  /** Successful requests per second, summed over both load generators, in each turn. */
  turns: number[];
  median: number;
  cpuMsPerRequest: CpuSplit;
  /**
   * The share of the machine's CPU time (busy and idle) that this workload (servers, backends, load generator)
   * got. On a shared machine the scheduler may give more processes a larger share: compare before reading the
   * ratio as the servers' own doing.
   */
  machineShare: number;
}

export interface TwoProcessesResult {
  benchmark: 'two-processes';
  settings: { members: number; paths: number; connections: number; turns: number; turnSeconds: number; cores: number };
  one: SideResult;
  two: SideResult;
  /** two / one (the headline number). */
  ratio: number;
  ceilings: Ceilings;
}

/** Every member's Patient Access searches of patient-access-postgres, interleaved so that members rotate. */
function searchPaths(patients: readonly string[]): string[] {
  return patients.flatMap((p) => [
    `ExplanationOfBenefit?patient=${p}`,
    `Observation?patient=${p}&category=vital-signs`,
    `Observation?patient=${p}&category=laboratory`,
  ]);
}

/** utime + stime of a process, in ms (0 when it is gone). */
export async function processCpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Busy and idle CPU ms of the whole machine (all cores) from /proc/stat. */
async function machineCpuMs(): Promise<{ busy: number; idle: number; cores: number }> {
  const lines = (await readFile('/proc/stat', 'utf8')).split('\n');
  const [, ...values] = (lines[0] ?? '').trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already inside user).
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = values;
  const toMs = (ticks: number): number => (ticks * 1000) / TICKS_PER_SECOND;
  return {
    busy: toMs(user + nice + system + irq + softirq + steal),
    idle: toMs(idle + iowait),
    cores: lines.filter((l) => /^cpu\d/.test(l)).length,
  };
}

interface CpuSnapshot {
  node: number;
  /** By backend pid: a backend opened during the turn counts from 0. */
  backends: Map<number, number>;
  loadGenerator: number;
  machine: { busy: number; idle: number };
}

async function backendPids(query: (sql: string) => Promise<number[]>): Promise<number[]> {
  return query(`SELECT pid AS v FROM pg_stat_activity WHERE application_name = '${APPLICATION_NAME}'`);
}

async function snapshot(serverPids: readonly number[], backends: readonly number[]): Promise<CpuSnapshot> {
  const usage = process.cpuUsage();
  const node = (await Promise.all(serverPids.map(processCpuMs))).reduce((a, b) => a + b, 0);
  const backendTimes = new Map(await Promise.all(backends.map(async (pid) => [pid, await processCpuMs(pid)] as const)));
  return {
    node,
    backends: backendTimes,
    loadGenerator: (usage.user + usage.system) / 1000,
    machine: await machineCpuMs(),
  };
}

/** CPU ms of each part between two snapshots (a backend closed during the turn is lost: pools keep theirs open). */
function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuSplit {
  let postgres = 0;
  for (const [pid, ms] of after.backends) postgres += ms - (before.backends.get(pid) ?? 0);
  const node = after.node - before.node;
  const loadGenerator = after.loadGenerator - before.loadGenerator;
  const busy = after.machine.busy - before.machine.busy;
  return {
    node,
    postgres,
    loadGenerator,
    other: Math.max(0, busy - node - postgres - loadGenerator),
    idle: after.machine.idle - before.machine.idle,
  };
}

/** One autocannon instance on `base`, requesting the paths in turn from `offset`; successful requests. */
async function cannon(base: string, paths: readonly string[], offset: number, seconds: number): Promise<number> {
  const origin = new URL(base);
  let next = offset;
  const result = await autocannon({
    url: origin.origin,
    connections: CONNECTIONS_EACH,
    duration: seconds,
    // A short sampling interval ends the run on time (it stops on a sample tick).
    sampleInt: 100,
    headers: { accept: 'application/fhir+json' },
    requests: [{ setupRequest: (req) => ({ ...req, path: `${origin.pathname}/${paths[next++ % paths.length]}` }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`bench: ${base} had ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  }
  return result['2xx'];
}

/** Both load generators at once, on `targets` (the same process twice for one side); requests per second. */
async function measure(targets: readonly [string, string], paths: readonly string[], seconds: number) {
  const half = Math.floor(paths.length / 2);
  const started = performance.now();
  const counts = await Promise.all([cannon(targets[0], paths, 0, seconds), cannon(targets[1], paths, half, seconds)]);
  const requests = counts[0] + counts[1];
  return { requests, perSecond: requests / ((performance.now() - started) / 1000) };
}

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** The ceilings that the CPU cost per request of the one-process turns sets on `cores` cores. */
export function ceilingsOf(split: CpuSplit, cores: number): Ceilings {
  const oneNodeProcess = 1000 / Math.max(split.node, 0.001);
  const wholeMachine = (cores * 1000) / Math.max(split.node + split.postgres + split.loadGenerator, 0.001);
  const shares = { node: split.node, postgres: split.postgres, loadGenerator: split.loadGenerator };
  return {
    oneNodeProcess: Math.round(oneNodeProcess),
    wholeMachine: Math.round(wholeMachine),
    bestRatio: round(Math.min(2 * oneNodeProcess, wholeMachine) / Math.min(oneNodeProcess, wholeMachine)),
    largestShare: Object.entries(shares).reduce((a, b) => (b[1] > a[1] ? b : a))[0],
  };
}

function shareOf(sum: CpuSplit): number {
  const ours = sum.node + sum.postgres + sum.loadGenerator;
  return round(ours / Math.max(1, ours + sum.other + sum.idle));
}

function splitOf(sum: CpuSplit, requests: number): CpuSplit {
  const per = (ms: number): number => round(ms / Math.max(1, requests), 3);
  return {
    node: per(sum.node),
    postgres: per(sum.postgres),
    loadGenerator: per(sum.loadGenerator),
    other: per(sum.other),
    idle: per(sum.idle),
  };
}

/**
 * Runs the benchmark, prints a table and writes the results to bench/results/. With `profileDir`, both
 * server processes write a V8 CPU profile there when they stop.
 */
export async function runTwoProcesses(options: { profileDir?: string } = {}): Promise<TwoProcessesResult> {
  const { schema, patients } = await ensureMembers(MEMBERS);
  const paths = searchPaths(patients);
  const servers = [];
  const stores = await openBenchStores(schema);
  const query = async (sql: string): Promise<number[]> =>
    (await stores.pool.query<{ v: number }>(sql)).rows.map((r) => Number(r.v));
  try {
    for (let i = 0; i < 2; i++) {
      servers.push(
        await startServerProcess<PostgresServerReady>('./postgres-server.ts', options.profileDir, [
          schema,
          'patientAccess',
          APPLICATION_NAME,
        ]),
      );
    }
    const [a, b] = servers.map((s) => s.ready.url) as [string, string];
    const serverPids = servers.map((s) => s.pid);
    const sides: Record<Side, (turn: number) => [string, string]> = {
      // The single process alternates between the two, which are alike.
      one: (turn) => (turn % 2 === 0 ? [a, a] : [b, b]),
      two: () => [a, b],
    };
    await measure([a, b], paths, WARMUP_SECONDS);
    await measure([a, a], paths, WARMUP_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const turns: Record<Side, number[]> = { one: [], two: [] };
    const cpu: Record<Side, CpuSplit & { requests: number }> = {
      one: { node: 0, postgres: 0, loadGenerator: 0, other: 0, idle: 0, requests: 0 },
      two: { node: 0, postgres: 0, loadGenerator: 0, other: 0, idle: 0, requests: 0 },
    };
    for (let turn = 0; turn < TURNS; turn++) {
      // Rotate which side goes first so a drift in machine load favours neither.
      const order: Side[] = turn % 2 === 0 ? ['one', 'two'] : ['two', 'one'];
      for (const side of order) {
        const before = await snapshot(serverPids, await backendPids(query));
        const { requests, perSecond } = await measure(sides[side](turn), paths, TURN_SECONDS);
        const after = await snapshot(serverPids, await backendPids(query));
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const spent = cpuBetween(before, after);
        turns[side].push(perSecond);
        for (const part of ['node', 'postgres', 'loadGenerator', 'other', 'idle'] as const)
          cpu[side][part] += spent[part];
        cpu[side].requests += requests;
      }
      console.log(`turn ${turn + 1}/${TURNS} done`);
    }
    const sideResult = (side: Side): SideResult => ({
      turns: turns[side].map(Math.round),
      median: Math.round(median(turns[side])),
      cpuMsPerRequest: splitOf(cpu[side], cpu[side].requests),
      machineShare: shareOf(cpu[side]),
    });
    const cores = (await machineCpuMs()).cores;
    const one = sideResult('one');
    const result: TwoProcessesResult = {
      benchmark: 'two-processes',
      settings: {
        members: MEMBERS,
        paths: paths.length,
        connections: 2 * CONNECTIONS_EACH,
        turns: TURNS,
        turnSeconds: TURN_SECONDS,
        cores,
      },
      one,
      two: sideResult('two'),
      ratio: round(median(turns.two) / median(turns.one), 3),
      ceilings: ceilingsOf(one.cpuMsPerRequest, cores),
    };
    print(result);
    await writeResults('two-processes', result);
    return result;
  } finally {
    await stores.close();
    for (const server of servers) await server.stop();
  }
}

function print(result: TwoProcessesResult): void {
  const { settings } = result;
  console.log(
    `\nPatient Access searches on PostgreSQL (${settings.members} members, ${settings.paths} rotating URLs),` +
      ` ${settings.connections} keep-alive connections from two load generators; median req/s of ${settings.turns}` +
      ` turns of ${settings.turnSeconds} s; CPU ms per request (${settings.cores} cores)`,
  );
  console.table(
    (['one', 'two'] as const).map((side) => ({
      'server processes': side,
      'req/s': result[side].median,
      'node ms/req': result[side].cpuMsPerRequest.node,
      'postgres ms/req': result[side].cpuMsPerRequest.postgres,
      'load generator ms/req': result[side].cpuMsPerRequest.loadGenerator,
      'other ms/req': result[side].cpuMsPerRequest.other,
      'idle ms/req': result[side].cpuMsPerRequest.idle,
      'machine share': result[side].machineShare,
    })),
  );
  console.log(`two / one = ${result.ratio} (goal >= 1.3)`);
  const c = result.ceilings;
  console.log(
    `largest CPU share per request: ${c.largestShare}; from the one-process split, one node process caps at` +
      ` ${c.oneNodeProcess} req/s and ${settings.cores} cores doing only this work at ${c.wholeMachine} req/s,` +
      ` so two/one can reach at most ${c.bestRatio} on this machine with the same share of it` +
      ` (one: ${result.one.machineShare}, two: ${result.two.machineShare})`,
  );
}
