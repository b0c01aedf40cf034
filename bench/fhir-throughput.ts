/**
 * Public Provider Directory throughput against a bare node:http server sending the same bytes (the
 * baseline), in alternating turns within one run so that all sides see the same machine state: the FHIR
 * API with its response cache (what repeated reads and searches get), the FHIR API without it (a first
 * request or a cache miss), and a bare Express app sending the same bytes (the floor of any Express route,
 * which tells Express's share of the gap from ours). Reports requests/second and the ratios for a read by
 * id and a specialty search with its practitioners included.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median, startServerProcess } from './common.ts';
import type { Scenario, ServerReady, Side } from './fhir-throughput-server.ts';

const CONNECTIONS = 10;
const TURNS = 5;
const TURN_SECONDS = 1.5;
const WARMUP_SECONDS = 0.5;
const SCENARIOS: readonly Scenario[] = ['read', 'directory search'];
const SIDES: readonly Side[] = ['baseline', 'express', 'subject', 'uncached'];

export interface ThroughputRow {
  scenario: Scenario;
  bytes: number;
  /** Successful requests per second of each side in each turn. */
  turns: Record<Side, number[]>;
  /** The median of the turns. */
  median: Record<Side, number>;
  /** subject / baseline (the headline number). */
  ratio: number;
  /** subject / express: what the FHIR layer costs on top of Express itself. */
  ratioToExpress: number;
  /** uncached / baseline: a request the cache cannot answer. */
  uncachedRatio: number;
  path: string;
}

async function measure(url: string, seconds: number): Promise<number> {
  // A short sampling interval ends the run on time (it stops on a sample tick).
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, sampleInt: 100 });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`bench: ${url} had ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  }
  return result['2xx'] / result.duration;
}

/** Every side answers every scenario with 200 and a body of the same size. */
async function checkSameBytes(ready: ServerReady): Promise<void> {
  for (const scenario of SCENARIOS) {
    for (const side of SIDES) {
      const res = await fetch(ready.urls[side][scenario]);
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || body.length !== ready.bytes[scenario]) {
        throw new Error(`bench: ${side} ${scenario} answered ${res.status} with ${body.length} bytes`);
      }
    }
  }
}

function rowOf(scenario: Scenario, ready: ServerReady, turns: Record<Side, number[]>): ThroughputRow {
  const med = Object.fromEntries(SIDES.map((side) => [side, median(turns[side])])) as Record<Side, number>;
  return {
    scenario,
    path: ready.paths[scenario],
    bytes: ready.bytes[scenario],
    turns: Object.fromEntries(SIDES.map((side) => [side, turns[side].map(Math.round)])) as Record<Side, number[]>,
    median: Object.fromEntries(SIDES.map((side) => [side, Math.round(med[side])])) as Record<Side, number>,
    ratio: Number((med.subject / med.baseline).toFixed(3)),
    ratioToExpress: Number((med.subject / med.express).toFixed(3)),
    uncachedRatio: Number((med.uncached / med.baseline).toFixed(3)),
  };
}

/**
 * Runs the benchmark, prints a table and writes the results to bench/results/. With `profileDir`, the
 * server process writes a V8 CPU profile there (`.cpuprofile`, for Chrome DevTools) when it stops.
 */
export async function runFhirThroughput(options: { profileDir?: string } = {}): Promise<ThroughputRow[]> {
  const { ready, stop } = await startServerProcess<ServerReady>('./fhir-throughput-server.ts', options.profileDir);
  try {
    await checkSameBytes(ready);
    const turns = Object.fromEntries(
      SCENARIOS.map((s) => [s, { baseline: [], express: [], subject: [], uncached: [] }]),
    ) as unknown as Record<Scenario, Record<Side, number[]>>;
    for (const scenario of SCENARIOS) {
      for (const side of SIDES) await measure(ready.urls[side][scenario], WARMUP_SECONDS);
    }
    for (let turn = 0; turn < TURNS; turn++) {
      // Rotate which side goes first so a drift in machine load favours none of them.
      const order = SIDES.map((_, i) => SIDES[(i + turn) % SIDES.length] as Side);
      for (const scenario of SCENARIOS) {
        for (const side of order) turns[scenario][side].push(await measure(ready.urls[side][scenario], TURN_SECONDS));
      }
      console.log(`turn ${turn + 1}/${TURNS} done`);
    }
    const rows = SCENARIOS.map((scenario) => rowOf(scenario, ready, turns[scenario]));
    console.log(
      `\nProvider Directory throughput: ${ready.resources} resources in a memory store (the search answers` +
        ` ${ready.searchEntries} entries), ${CONNECTIONS} keep-alive connections, median req/s of ${TURNS} turns of` +
        ` ${TURN_SECONDS} s`,
    );
    console.table(
      rows.map((r) => ({
        scenario: r.scenario,
        'response bytes': r.bytes,
        'node:http (baseline)': r.median.baseline,
        'bare Express': r.median.express,
        'FHIR API': r.median.subject,
        'uncached FHIR API': r.median.uncached,
        'FHIR/baseline': r.ratio,
        'uncached/baseline': r.uncachedRatio,
        'FHIR/Express': r.ratioToExpress,
      })),
    );
    const dir = fileURLToPath(new URL('./results/', import.meta.url));
    await mkdir(dir, { recursive: true });
    const file = `${dir}fhir-throughput-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    const settings = { connections: CONNECTIONS, turns: TURNS, turnSeconds: TURN_SECONDS, resources: ready.resources };
    await writeFile(
      file,
      `${JSON.stringify({ benchmark: 'fhir-throughput', settings, urls: ready.urls, rows }, null, 2)}\n`,
    );
    console.log(`results: ${file}`);
    return rows;
  } finally {
    await stop();
  }
}
