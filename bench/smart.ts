/**
 * What SMART costs, against baselines measured in alternating turns within one run:
 * - refresh: the refresh-token grant of a confidential client (HTTP Basic) vs a minimal token endpoint in the same
 *   Express app doing the same cryptography (RS256 id_token, opaque tokens, rotation; the baseline), a trivial form
 *   POST, and the token endpoint's cheapest error (an unknown grant_type);
 * - search: `Observation?patient=<id>&category=laboratory` on /fhir with a bearer token vs the same search
 *   on the unauthenticated FHIR router over the same resources (the cost of authorization).
 * Reports requests/second and ratios; writes JSON to bench/results/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { median, startServerProcess } from './common.ts';
import type { SmartServerReady } from './smart-server.ts';
import { FAMILIES } from './smart-tokens.ts';

const TURNS = 5;
const TURN_SECONDS = 1.5;
const WARMUP_SECONDS = 0.5;

type Scenario = 'refresh' | 'search';
interface Side {
  name: string;
  /** The status every answer must have (anything else is an error). */
  status: number;
  options: (ready: SmartServerReady) => autocannon.Options;
}

const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
const basic = (r: SmartServerReady) =>
  `Basic ${Buffer.from(`${encodeURIComponent(r.clientId)}:${encodeURIComponent(r.clientSecret)}`).toString('base64')}`;

/**
 * The refresh grant at `url`, one token family per connection; a rotated refresh token replaces its predecessor
 * (the sandbox's token endpoint, or the minimal one with its own tokens).
 */
const pools = new Map<string, string[]>();
function refreshOptions(ready: SmartServerReady, url: string, tokens: readonly string[]): autocannon.Options {
  // The pool outlives a turn: a rotated token is the only one that works in the next turn.
  let pool = pools.get(url);
  if (!pool) pools.set(url, (pool = [...tokens]));
  let nextSlot = 0;
  return {
    url,
    connections: FAMILIES,
    requests: [
      {
        method: 'POST',
        headers: { authorization: basic(ready), 'content-type': 'application/x-www-form-urlencoded' },
        setupRequest: (req, context: { slot?: number }) => {
          context.slot ??= nextSlot++ % pool.length;
          return { ...req, body: form({ grant_type: 'refresh_token', refresh_token: pool?.[context.slot] ?? '' }) };
        },
        onResponse: (status, body, context: { slot?: number }) => {
          if (status !== 200 || context.slot === undefined) return;
          const rotated = (JSON.parse(body) as { refresh_token?: string }).refresh_token;
          if (rotated && pool) pool[context.slot] = rotated;
        },
      },
    ],
  };
}

const SIDES: Record<Scenario, Side[]> = {
  refresh: [
    {
      name: 'minimal server, same cryptography (baseline)',
      status: 200,
      options: (r) => refreshOptions(r, r.minimalTokenEndpoint, r.minimalRefreshTokens),
    },
    {
      name: 'trivial POST',
      status: 200,
      options: (r) => ({
        url: `${r.origin}/bench/noop`,
        method: 'POST',
        headers: { authorization: basic(r), 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ grant_type: 'refresh_token', refresh_token: r.refreshTokens[0] ?? '' }),
      }),
    },
    {
      name: 'token endpoint error',
      status: 400,
      options: (r) => ({
        url: r.tokenEndpoint,
        method: 'POST',
        headers: { authorization: basic(r), 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ grant_type: 'urn:bench:unsupported', refresh_token: r.refreshTokens[0] ?? '' }),
      }),
    },
    { name: 'refresh grant', status: 200, options: (r) => refreshOptions(r, r.tokenEndpoint, r.refreshTokens) },
  ],
  search: [
    {
      name: 'unauthenticated search (baseline)',
      status: 200,
      options: (r) => ({ url: `${r.origin}/plain/fhir/${r.searchPath}` }),
    },
    {
      name: 'authorized search',
      status: 200,
      options: (r) => ({
        url: `${r.origin}/fhir/${r.searchPath}`,
        headers: { authorization: `Bearer ${r.accessToken}` },
      }),
    },
  ],
};

async function measure(ready: SmartServerReady, side: Side, seconds: number): Promise<number> {
  // A short sampling interval ends the run on time (it stops on a sample tick).
  const result = await autocannon({ connections: FAMILIES, ...side.options(ready), duration: seconds, sampleInt: 100 });
  const classOf = `${Math.floor(side.status / 100)}xx` as '2xx' | '4xx';
  const good = result[classOf];
  const bad = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'] - good + result.errors;
  if (bad > 0) throw new Error(`bench: ${side.name} had ${bad} unexpected answers or errors (expected ${side.status})`);
  return good / result.duration;
}

export interface SmartRow {
  scenario: Scenario;
  side: string;
  turns: number[];
  median: number;
  /** median / the scenario's baseline median (first side). */
  ratio: number;
  /** last turn / first turn: well below 1 means each request leaves something behind that later ones pay for. */
  trend: number;
}

/**
 * Runs the benchmark, prints a table and writes the results to bench/results/. With `profileDir`, the
 * server process writes a V8 CPU profile there when it stops.
 */
export async function runSmart(options: { profileDir?: string } = {}): Promise<SmartRow[]> {
  const { ready, stop } = await startServerProcess<SmartServerReady>('./smart-server.ts', options.profileDir);
  try {
    const scenarios = Object.keys(SIDES) as Scenario[];
    const turns = new Map<Side, number[]>();
    for (const scenario of scenarios) {
      for (const side of SIDES[scenario]) {
        turns.set(side, []);
        await measure(ready, side, WARMUP_SECONDS);
      }
    }
    for (let turn = 0; turn < TURNS; turn++) {
      for (const scenario of scenarios) {
        // Rotate which side goes first so a drift in machine load favours none of them.
        const sides = SIDES[scenario];
        for (let i = 0; i < sides.length; i++) {
          const side = sides[(i + turn) % sides.length] as Side;
          turns.get(side)?.push(await measure(ready, side, TURN_SECONDS));
        }
      }
      console.log(`turn ${turn + 1}/${TURNS} done`);
    }
    const rows: SmartRow[] = scenarios.flatMap((scenario) => {
      const base = median(turns.get(SIDES[scenario][0] as Side) ?? []);
      return SIDES[scenario].map((side) => {
        const values = turns.get(side) ?? [];
        return {
          scenario,
          side: side.name,
          turns: values.map(Math.round),
          median: Math.round(median(values)),
          ratio: Number((median(values) / base).toFixed(3)),
          trend: Number(((values.at(-1) ?? 0) / (values[0] ?? 1)).toFixed(2)),
        };
      });
    });
    console.log(
      `\nSMART: ${ready.resources} resources in memory stores, the search answers ${ready.searchEntries} entries;` +
        ` ${FAMILIES} keep-alive connections, median req/s of ${TURNS} turns of ${TURN_SECONDS} s`,
    );
    console.table(
      rows.map((r) => ({
        scenario: r.scenario,
        side: r.side,
        'req/s': r.median,
        'x baseline': r.ratio,
        'last/first turn': r.trend,
      })),
    );
    const dir = fileURLToPath(new URL('./results/', import.meta.url));
    await mkdir(dir, { recursive: true });
    const file = `${dir}smart-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    const settings = { connections: FAMILIES, turns: TURNS, turnSeconds: TURN_SECONDS, resources: ready.resources };
    await writeFile(
      file,
      `${JSON.stringify({ benchmark: 'smart', settings, searchEntries: ready.searchEntries, rows }, null, 2)}\n`,
    );
    console.log(`results: ${file}`);
    return rows;
  } finally {
    await stop();
  }
}
