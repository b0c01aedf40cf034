/**
 * The README's benchmark table: the newest result of every benchmark in bench/results/, one row per speed goal
 * or headline figure, written between `<!-- bench-table -->` and `<!-- /bench-table -->` in README.md.
 * `pnpm bench` rewrites it after running (a benchmark not run keeps its newest earlier result).
 *
 * The figures and goals are data (FIGURES): where each figure sits in its benchmark's JSON, read defensively
 * (a missing field shows "—", so a benchmark may change its JSON shape without breaking the table).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format as prettierFormat, resolveConfig } from 'prettier';
import { RESULTS_DIR } from './common.ts';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
export const START_MARKER = '<!-- bench-table -->';
export const END_MARKER = '<!-- /bench-table -->';

/** A step into a JSON value: a field, or (an object) the first array element whose fields have these values. */
export type Step = string | Record<string, string | number>;

export interface Goal {
  op: '>=' | '<=' | '<' | '>';
  value: number;
}

export type Unit = 'ratio' | 'ms' | 'per second' | 'MiB';

/** One figure at a fixed place in a benchmark's JSON, optionally divided by another. */
export interface FixedFigure {
  benchmark: string;
  measured: string;
  path: Step[];
  /** The figure is path / over (a ratio of two figures of the same run). */
  over?: Step[];
  /** Multiplies the figure (e.g. bytes to MiB). */
  scale?: number;
  unit: Unit;
  goal?: Goal;
}

/**
 * A figure per element of an array (a row per scenario), so scenarios a benchmark adds show up by themselves.
 * With `group`, the first element of each group is the baseline of the others and gets no row of its own.
 */
export interface RowFigures {
  benchmark: string;
  rows: Step[];
  /** The fields naming an element, joined by ": " (the key of `goals`). */
  key: string[];
  /** What is measured; `{field}` is the element's field, `{baseline.field}` its group baseline's. */
  measured: string;
  figure: string;
  group?: string;
  unit: Unit;
  goals: Record<string, Goal>;
}

export type FigureSpec = FixedFigure | RowFigures;

const MiB = 1 / (1024 * 1024);

/** The speed goals of issue #13 and the headline figures of the other benchmarks. */
export const FIGURES: FigureSpec[] = [
  {
    benchmark: 'fhir-throughput',
    rows: ['rows'],
    key: ['scenario'],
    measured: '{scenario}: FHIR API / bare node:http (req/s)',
    figure: 'ratio',
    unit: 'ratio',
    goals: { read: { op: '>=', value: 0.4 }, 'directory search': { op: '>=', value: 0.5 } },
  },
  {
    benchmark: 'fhir-throughput',
    rows: ['rows'],
    key: ['scenario'],
    measured: '{scenario}, a cache miss: FHIR API without the response cache / bare node:http (req/s)',
    figure: 'uncachedRatio',
    unit: 'ratio',
    goals: {},
  },
  {
    benchmark: 'smart',
    rows: ['rows'],
    key: ['scenario', 'side'],
    group: 'scenario',
    measured: '{side} / {baseline.side}',
    figure: 'ratio',
    unit: 'ratio',
    goals: {
      'search: authorized search': { op: '>=', value: 0.85 },
      'refresh: refresh grant': { op: '>=', value: 0.5 },
    },
  },
  {
    benchmark: 'two-processes',
    measured: 'Patient Access searches on PostgreSQL: two server processes / one (req/s)',
    path: ['ratio'],
    unit: 'ratio',
    goal: { op: '>=', value: 1.3 },
  },
  {
    benchmark: 'directory-postgres',
    measured: 'Plan-Net searches, 1M resources: p95 latency',
    path: ['results', { size: 1_000_000 }, 'all', 'p95'],
    unit: 'ms',
    goal: { op: '<', value: 50 },
  },
  {
    benchmark: 'directory-postgres',
    measured: 'Plan-Net searches: p50 at 1M / p50 at 100k',
    path: ['results', { size: 1_000_000 }, 'all', 'p50'],
    over: ['results', { size: 100_000 }, 'all', 'p50'],
    unit: 'ratio',
    goal: { op: '<=', value: 1.5 },
  },
  {
    benchmark: 'patient-access-postgres',
    measured: 'Patient Access searches on PostgreSQL: p95 latency',
    path: ['rows', { search: 'all' }, 'p95'],
    unit: 'ms',
    goal: { op: '<', value: 30 },
  },
  {
    benchmark: 'import-postgres',
    measured: 'streamed import of the 1M directory: resources/s',
    path: ['rows', { size: 1_000_000 }, 'resourcesPerSecond'],
    unit: 'per second',
  },
  {
    benchmark: 'import-postgres',
    measured: "importer's peak RSS: 1M / 100k (flat is 1)",
    path: ['rows', { size: 1_000_000 }, 'peakRssMiB'],
    over: ['rows', { size: 100_000 }, 'peakRssMiB'],
    unit: 'ratio',
  },
  {
    benchmark: 'synthetic',
    measured: 'members: generation time / JSON.stringify time',
    path: ['members', 'costVsSerializing'],
    unit: 'ratio',
  },
  {
    benchmark: 'synthetic',
    measured: '1M-resource directory: generation time / serializing time',
    path: ['directory', 'costVsSerializing'],
    unit: 'ratio',
  },
  {
    benchmark: 'synthetic',
    measured: '1M-resource directory: peak RSS',
    path: ['directory', 'subject', 'peak', 'rss'],
    scale: MiB,
    unit: 'MiB',
  },
];

/** A benchmark's newest result: its JSON and when it ran (from the file name). */
export interface Result {
  json: unknown;
  ranAt: string;
}

export interface TableRow {
  benchmark: string;
  measured: string;
  figure: string;
  goal: string;
  met: string;
  ranAt: string;
}

const RESULT_FILE = /^(.+)-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-\d\d-\d{3}Z\.json$/;

/** The newest result file of each benchmark among `files` (names as bench/common.ts writeResults makes them). */
export function newestFiles(files: readonly string[]): Map<string, { file: string; ranAt: string }> {
  const newest = new Map<string, { file: string; ranAt: string }>();
  for (const file of [...files].sort()) {
    const match = RESULT_FILE.exec(file);
    if (match) newest.set(match[1]!, { file, ranAt: `${match[2]} ${match[3]}:${match[4]} UTC` });
  }
  return newest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` in `json`, or undefined when any step is missing. */
export function at(json: unknown, path: readonly Step[]): unknown {
  let value = json;
  for (const step of path) {
    if (typeof step === 'string') {
      value = isRecord(value) ? value[step] : undefined;
    } else {
      const match = ([] as unknown[])
        .concat(Array.isArray(value) ? value : [])
        .find((e) => isRecord(e) && Object.entries(step).every(([k, v]) => String(e[k]) === String(v)));
      value = match;
    }
    if (value === undefined) return undefined;
  }
  return value;
}

const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

const SYMBOL: Record<Goal['op'], string> = { '>=': '≥', '<=': '≤', '<': '<', '>': '>' };

function format(value: number, unit: Unit): string {
  switch (unit) {
    case 'ratio':
      return value.toFixed(2);
    case 'ms':
      return `${value.toFixed(1)} ms`;
    case 'per second':
      return `${Math.round(value).toLocaleString('en-US')}/s`;
    case 'MiB':
      return `${Math.round(value)} MiB`;
  }
}

function meets(value: number, goal: Goal): boolean {
  switch (goal.op) {
    case '>=':
      return value >= goal.value;
    case '<=':
      return value <= goal.value;
    case '<':
      return value < goal.value;
    case '>':
      return value > goal.value;
  }
}

function row(
  benchmark: string,
  measured: string,
  value: number | undefined,
  unit: Unit,
  goal: Goal | undefined,
  result: Result | undefined,
): TableRow {
  const goalText = goal ? `${SYMBOL[goal.op]} ${goal.value}${unit === 'ms' ? ' ms' : ''}` : '—';
  let figure = 'not run';
  if (result) figure = value === undefined ? '—' : format(value, unit);
  let met = '—';
  if (goal && value !== undefined) met = meets(value, goal) ? 'yes' : 'no';
  return { benchmark, measured, figure, goal: goalText, met, ranAt: result?.ranAt ?? '—' };
}

const fill = (template: string, element: unknown, baseline: unknown): string =>
  template.replace(/\{(baseline\.)?([^}]+)\}/g, (_, isBaseline: string | undefined, field: string) =>
    String(at(isBaseline ? baseline : element, [field]) ?? (isBaseline ? 'baseline' : '?')),
  );

function rowsOf(spec: RowFigures, result: Result | undefined): TableRow[] {
  const elements = at(result?.json, spec.rows);
  const keyOf = (e: unknown): string => spec.key.map((k) => String(at(e, [k]) ?? '?')).join(': ');
  if (!Array.isArray(elements) || elements.length === 0) {
    // Not run, or not in the expected shape: one row per goal, so the goals stay visible.
    return Object.entries(spec.goals).map(([key, goal]) => {
      const element = Object.fromEntries(spec.key.map((field, i) => [field, key.split(': ')[i]]));
      return row(spec.benchmark, fill(spec.measured, element, undefined), undefined, spec.unit, goal, result);
    });
  }
  const baselines = new Map<string, unknown>();
  const rows: TableRow[] = [];
  for (const element of elements) {
    const group = spec.group === undefined ? undefined : String(at(element, [spec.group]));
    if (group !== undefined && !baselines.has(group)) {
      baselines.set(group, element);
      continue;
    }
    const measured = fill(spec.measured, element, group === undefined ? undefined : baselines.get(group));
    const value = asNumber(at(element, [spec.figure]));
    rows.push(row(spec.benchmark, measured, value, spec.unit, spec.goals[keyOf(element)], result));
  }
  return rows;
}

function fixedRow(spec: FixedFigure, result: Result | undefined): TableRow {
  let value = asNumber(at(result?.json, spec.path));
  if (value !== undefined && spec.over) {
    const over = asNumber(at(result?.json, spec.over));
    value = over ? value / over : undefined;
  }
  if (value !== undefined && spec.scale !== undefined) value *= spec.scale;
  return row(spec.benchmark, spec.measured, value, spec.unit, spec.goal, result);
}

/** The table's rows from the newest result of each benchmark (by name). */
export function tableRows(results: ReadonlyMap<string, Result>, figures: readonly FigureSpec[] = FIGURES): TableRow[] {
  return figures.flatMap((spec) =>
    'rows' in spec ? rowsOf(spec, results.get(spec.benchmark)) : [fixedRow(spec, results.get(spec.benchmark))],
  );
}

/** The rows as a Markdown table. */
export function renderTable(rows: readonly TableRow[]): string {
  const cell = (text: string): string => text.replaceAll('|', '\\|');
  const lines = [
    '| benchmark | what is measured | figure | goal | met | run |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) => `| \`${r.benchmark}\` | ${cell(r.measured)} | ${cell(r.figure)} | ${r.goal} | ${r.met} | ${r.ranAt} |`,
    ),
  ];
  return lines.join('\n');
}

/** `readme` with the text between the markers replaced by `table`; throws when the markers are missing. */
export function replaceSection(readme: string, table: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER, start);
  if (start === -1 || end === -1) {
    throw new Error(`bench: README.md has no ${START_MARKER} ... ${END_MARKER} section for the benchmark table`);
  }
  return `${readme.slice(0, start + START_MARKER.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

/** Reads the newest results in `dir` (a file that does not parse counts as not run). */
export async function readResults(dir: string = RESULTS_DIR): Promise<Map<string, Result>> {
  const files = await readdir(dir).catch(() => [] as string[]);
  const results = new Map<string, Result>();
  for (const [benchmark, { file, ranAt }] of newestFiles(files)) {
    try {
      results.set(benchmark, { json: JSON.parse(await readFile(`${dir}${file}`, 'utf8')) as unknown, ranAt });
    } catch {
      // Unreadable: the table shows the benchmark as not run.
    }
  }
  return results;
}

/** Rewrites README.md's benchmark table from the newest results, formatted as `prettier --check` wants it. */
export async function refreshReadmeTable(): Promise<void> {
  const readme = await readFile(README, 'utf8');
  const replaced = replaceSection(readme, renderTable(tableRows(await readResults())));
  const updated = await prettierFormat(replaced, { ...(await resolveConfig(README)), filepath: README });
  if (updated !== readme) await writeFile(README, updated);
  console.log(`README.md benchmark table ${updated === readme ? 'unchanged' : 'updated'}`);
}
