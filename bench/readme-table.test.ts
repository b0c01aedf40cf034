import { describe, expect, it } from 'vitest';
import {
  at,
  END_MARKER,
  FIGURES,
  newestFiles,
  renderTable,
  replaceSection,
  START_MARKER,
  tableRows,
  type FigureSpec,
  type Result,
  type TableRow,
} from './readme-table.ts';

const ran = (json: unknown, ranAt = '2026-12-06 20:40 UTC'): Result => ({ json, ranAt });

describe('newestFiles', () => {
  it('keeps the newest result file of each benchmark and reads its time from the name', () => {
    const newest = newestFiles([
      'smart-2026-12-06T20-42-48-459Z.json',
      'smart-2026-12-06T20-41-38-666Z.json',
      'two-processes-2026-12-06T09-05-00-000Z.json',
      'profiles',
      'data',
      'notes.json',
    ]);
    expect([...newest.keys()].sort()).toEqual(['smart', 'two-processes']);
    expect(newest.get('smart')).toEqual({ file: 'smart-2026-12-06T20-42-48-459Z.json', ranAt: '2026-12-06 20:42 UTC' });
    expect(newest.get('two-processes')?.ranAt).toBe('2026-12-06 09:05 UTC');
  });
});

describe('at', () => {
  const json = {
    rows: [
      { size: 100_000, p50: 4 },
      { size: 1_000_000, all: { p95: 41.5 } },
    ],
  };

  it('follows fields and picks array elements by their fields', () => {
    expect(at(json, ['rows', { size: 1_000_000 }, 'all', 'p95'])).toBe(41.5);
    expect(at(json, ['rows', { size: '100000' }, 'p50'])).toBe(4);
  });

  it('answers undefined for anything missing or of another shape', () => {
    expect(at(json, ['rows', { size: 5 }, 'p50'])).toBeUndefined();
    expect(at(json, ['results', 'all'])).toBeUndefined();
    expect(at({ rows: 'not a list' }, ['rows', { size: 1 }])).toBeUndefined();
    expect(at(undefined, ['rows'])).toBeUndefined();
  });
});

describe('tableRows', () => {
  const figuresOf = (...benchmarks: string[]): FigureSpec[] => FIGURES.filter((f) => benchmarks.includes(f.benchmark));
  const cells = (rows: TableRow[]): string[][] => rows.map((r) => [r.measured, r.figure, r.goal, r.met]);
  /** The rows of one benchmark's figures from one result JSON. */
  const rowsOf = (benchmark: string, json: unknown): TableRow[] =>
    tableRows(new Map([[benchmark, ran(json)]]), figuresOf(benchmark));

  it('makes a row per scenario, with its goal when it has one, met or not', () => {
    const rows = rowsOf('fhir-throughput', {
      rows: [
        { scenario: 'read', ratio: 0.184, uncachedRatio: 0.1 },
        { scenario: 'search', ratio: 0.61 },
        { scenario: 'directory search', ratio: 0.5, uncachedRatio: 0.25 },
      ],
    });
    expect(rows[0]).toEqual({
      benchmark: 'fhir-throughput',
      measured: 'read: FHIR API / bare node:http (req/s)',
      figure: '0.18',
      goal: '≥ 0.4',
      met: 'no',
      ranAt: '2026-12-06 20:40 UTC',
    });
    expect(cells(rows)).toEqual([
      ['read: FHIR API / bare node:http (req/s)', '0.18', '≥ 0.4', 'no'],
      ['search: FHIR API / bare node:http (req/s)', '0.61', '—', '—'],
      ['directory search: FHIR API / bare node:http (req/s)', '0.50', '≥ 0.5', 'yes'],
      ['read, a cache miss: FHIR API without the response cache / bare node:http (req/s)', '0.10', '—', '—'],
      ['search, a cache miss: FHIR API without the response cache / bare node:http (req/s)', '—', '—', '—'],
      [
        'directory search, a cache miss: FHIR API without the response cache / bare node:http (req/s)',
        '0.25',
        '—',
        '—',
      ],
    ]);
  });

  it("names each side after its group's baseline and gives the baseline no row", () => {
    const rows = rowsOf('smart', {
      rows: [
        { scenario: 'search', side: 'unauthenticated search (baseline)', ratio: 1 },
        { scenario: 'search', side: 'authorized search', ratio: 0.9 },
        { scenario: 'refresh', side: 'minimal server', ratio: 1 },
        { scenario: 'refresh', side: 'token endpoint error', ratio: 0.7 },
        { scenario: 'refresh', side: 'refresh grant', ratio: 0.3 },
      ],
    });
    expect(cells(rows)).toEqual([
      ['authorized search / unauthenticated search (baseline)', '0.90', '≥ 0.85', 'yes'],
      ['token endpoint error / minimal server', '0.70', '—', '—'],
      ['refresh grant / minimal server', '0.30', '≥ 0.5', 'no'],
    ]);
  });

  it('shows "not run" for a benchmark without results and keeps the goals of its rows visible', () => {
    const rows = tableRows(new Map());
    expect(rows.every((r) => r.figure === 'not run' && r.met === '—' && r.ranAt === '—')).toBe(true);
    expect(cells(rows)).toContainEqual(['Plan-Net searches, 1M resources: p95 latency', 'not run', '< 50 ms', '—']);
    expect(cells(rows)).toContainEqual(['read: FHIR API / bare node:http (req/s)', 'not run', '≥ 0.4', '—']);
    expect(cells(rows)).toContainEqual(['authorized search / baseline', 'not run', '≥ 0.85', '—']);
    expect(rows.filter((r) => r.goal !== '—')).toHaveLength(8);
  });

  it('divides and scales figures, and shows "—" for a figure the JSON does not have', () => {
    const results = new Map([
      [
        'directory-postgres',
        ran({
          results: [
            { size: 100_000, all: { p50: 10 } },
            { size: 1_000_000, all: { p50: 16 } },
          ],
        }),
      ],
      ['synthetic', ran({ directory: { subject: { peak: { rss: 180 * 1024 * 1024 } } } })],
    ]);
    const rows = cells(tableRows(results, figuresOf('directory-postgres', 'synthetic')));
    expect(rows).toEqual([
      ['Plan-Net searches, 1M resources: p95 latency', '—', '< 50 ms', '—'],
      ['Plan-Net searches: p50 at 1M / p50 at 100k', '1.60', '≤ 1.5', 'no'],
      ['members: generation time / JSON.stringify time', '—', '—', '—'],
      ['1M-resource directory: generation time / serializing time', '—', '—', '—'],
      ['1M-resource directory: peak RSS', '180 MiB', '—', '—'],
    ]);
  });
});

describe('renderTable and replaceSection', () => {
  const table = renderTable([
    { benchmark: 'two-processes', measured: 'two / one', figure: '1.02', goal: '≥ 1.3', met: 'no', ranAt: 'today' },
    { benchmark: 'x', measured: 'a | b', figure: '—', goal: '—', met: '—', ranAt: '—' },
  ]);

  it('renders a Markdown table, escaping pipes in cells', () => {
    expect(table.split('\n')).toEqual([
      '| benchmark | what is measured | figure | goal | met | run |',
      '| --- | --- | --- | --- | --- | --- |',
      '| `two-processes` | two / one | 1.02 | ≥ 1.3 | no | today |',
      '| `x` | a \\| b | — | — | — | — |',
    ]);
  });

  it('replaces only what is between the markers, the same way every time', () => {
    const readme = `# Title\n\nintro\n\n${START_MARKER}\nold table\n${END_MARKER}\n\n## Next\n`;
    const once = replaceSection(readme, table);
    expect(once).toBe(`# Title\n\nintro\n\n${START_MARKER}\n\n${table}\n\n${END_MARKER}\n\n## Next\n`);
    expect(replaceSection(once, table)).toBe(once);
  });

  it('refuses a README without the markers', () => {
    expect(() => replaceSection('# Title\n', table)).toThrow(/bench-table/);
    expect(() => replaceSection(`${END_MARKER}\n${START_MARKER}\n`, table)).toThrow(/bench-table/);
  });
});
