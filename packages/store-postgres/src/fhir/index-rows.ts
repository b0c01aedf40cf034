import type { IndexValue, SearchIndex } from '@plan-api/fhir';
import { invalidResource, normalizeText } from '@plan-api/fhir';
import type { Tables } from '../sql.ts';

/** Columns (after rtype, id, param) and their SQL array types, per index table. */
const COLUMNS = {
  token: [
    ['system', 'text'],
    ['code', 'text'],
    ['text', 'text'],
  ],
  string: [
    ['norm', 'text'],
    ['exact', 'text'],
  ],
  date: [
    ['lo', 'bigint'],
    ['hi', 'bigint'],
  ],
  reference: [
    ['ttype', 'text'],
    ['tid', 'text'],
    ['url', 'text'],
    ['isys', 'text'],
    ['ival', 'text'],
  ],
  number: [
    ['value', 'float8'],
    ['system', 'text'],
    ['code', 'text'],
    ['unit', 'text'],
  ],
  uri: [['value', 'text']],
  position: [
    ['lat', 'float8'],
    ['lon', 'float8'],
  ],
} as const;

export type IndexTable = keyof typeof COLUMNS;
export const INDEX_TABLES = Object.keys(COLUMNS) as IndexTable[];

/** Parameters kept as columns of `resources` rather than in index tables. */
export const COLUMN_PARAMS = new Set(['_id', '_lastUpdated']);

/** Open date ends (±Infinity) as the widest bigint values JavaScript numbers hold exactly. */
const bound = (ms: number): number =>
  ms === -Infinity ? Number.MIN_SAFE_INTEGER : ms === Infinity ? Number.MAX_SAFE_INTEGER : Math.round(ms);

/** The table and column values of one index value. */
function rowOf(value: IndexValue): [IndexTable, unknown[]] {
  switch (value.kind) {
    case 'token':
      // :text compares normalized text, as the memory adapters do.
      return [
        'token',
        [value.system ?? null, value.code ?? null, value.text === undefined ? null : normalizeText(value.text)],
      ];
    case 'string':
      return ['string', [value.normalized, value.exact]];
    case 'date':
      return ['date', [bound(value.start), bound(value.end)]];
    case 'reference':
      return [
        'reference',
        [
          value.id === undefined ? null : (value.type ?? null),
          value.id ?? null,
          value.url ?? null,
          value.identifierSystem ?? null,
          value.identifierValue ?? null,
        ],
      ];
    case 'quantity':
      return ['number', [value.value, value.system ?? null, value.code ?? null, value.unit ?? null]];
    case 'number':
      return ['number', [value.value, null, null, null]];
    case 'uri':
      return ['uri', [value.value]];
    case 'position':
      return ['position', [value.latitude, value.longitude]];
  }
}

/**
 * Throws a 400 when an index value holds the NUL character: PostgreSQL text cannot store it (and FHIR
 * strings do not allow it), so the resource is refused before it reaches the database.
 */
export function assertStorableIndex(rtype: string, id: string, index: SearchIndex): void {
  for (const [param, values] of Object.entries(index)) {
    for (const value of values) {
      if (rowOf(value)[1].some((v) => typeof v === 'string' && v.includes('\u0000'))) {
        throw invalidResource(`${rtype}/${id}: the value of ${param} contains the NUL character (U+0000).`);
      }
    }
  }
}

/**
 * Index rows of many resources as column arrays per table, ready for one `INSERT ... SELECT FROM
 * unnest(...)` per table: a few statements per batch whatever its size.
 */
export class IndexRows {
  readonly #columns = new Map<IndexTable, unknown[][]>();

  /** Adds the rows of one resource's index (the column-backed parameters are skipped). */
  add(rtype: string, id: string, index: SearchIndex): void {
    for (const [param, values] of Object.entries(index)) {
      if (COLUMN_PARAMS.has(param)) continue;
      for (const value of values) {
        const [table, row] = rowOf(value);
        let columns = this.#columns.get(table);
        if (!columns) this.#columns.set(table, (columns = [[], [], [], ...COLUMNS[table].map(() => [])]));
        columns[0]!.push(rtype);
        columns[1]!.push(id);
        columns[2]!.push(param);
        row.forEach((v, i) => columns[3 + i]!.push(v));
      }
    }
  }

  /** One statement inserting every row (data-modifying CTEs, one per table), or undefined when empty. */
  statement(t: Tables): { text: string; values: unknown[] } | undefined {
    const values: unknown[] = [];
    const parts: string[] = [];
    for (const [table, columns] of this.#columns) {
      const spec = COLUMNS[table];
      const names = ['rtype', 'id', 'param', ...spec.map(([name]) => name)];
      const types = ['text', 'text', 'text', ...spec.map(([, type]) => type)];
      const args = columns.map((col, i) => {
        values.push(col);
        return `$${values.length}::${types[i]}[]`;
      });
      const select =
        table === 'position'
          ? `SELECT u.*, point(u.lon, u.lat) FROM unnest(${args.join(', ')}) AS u(${names.join(', ')})`
          : `SELECT * FROM unnest(${args.join(', ')})`;
      const target = table === 'position' ? `${names.join(', ')}, pt` : names.join(', ');
      parts.push(`i_${table} AS (INSERT INTO ${t[table]} (${target}) ${select})`);
    }
    if (parts.length === 0) return undefined;
    return { text: `WITH ${parts.join(', ')} SELECT 1`, values };
  }
}

/** One statement deleting the index rows of resources given as parallel arrays of types and ids. */
export function deleteIndexRows(t: Tables): string {
  const parts = INDEX_TABLES.map(
    (table) =>
      `d_${table} AS (DELETE FROM ${t[table]} x USING unnest($1::text[], $2::text[]) AS k(rtype, id) WHERE x.rtype = k.rtype AND x.id = k.id)`,
  );
  return `WITH ${parts.join(', ')} SELECT 1`;
}
