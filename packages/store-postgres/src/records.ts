import {
  RecordConflictError,
  type ListOptions,
  type RecordCollection,
  type RecordFilter,
  type RecordStore,
  type StoredRecord,
} from '@plan-api/store';
import type pg from 'pg';
import { Params, type Tables } from './sql.ts';

/**
 * Indexes to declare per collection: each entry lists top-level fields; the index holds their values
 * in that order, then the id. A list whose `where` gives the leading fields and whose order is the
 * next field (or the id) reads the index in order instead of scanning, e.g.
 * `{ accessLog: [['patientId'], ['clientId'], ['patientId', 'at']] }`.
 */
export type RecordIndexes = Record<string, readonly (readonly string[])[]>;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function checkField(field: string): string {
  if (!FIELD.test(field)) throw new TypeError(`Invalid record field name "${field}".`);
  return field;
}

/**
 * The two expressions a field sorts and is indexed by: its number value (NULL unless a number) and its
 * text (code-unit order, `COLLATE "C"`). Equality filters and indexes use the same expressions, so the
 * planner matches them to declared indexes.
 */
function fieldExprs(field: string): [string, string] {
  const f = `'${checkField(field)}'`;
  return [
    `(CASE WHEN jsonb_typeof(data -> ${f}) = 'number' THEN (data ->> ${f})::float8 END)`,
    `((data ->> ${f}) COLLATE "C")`,
  ];
}

/** SQL of an equality filter: undefined places no condition; null matches null or a missing field. */
function filterSql<T>(where: RecordFilter<T> | undefined, params: Params): string {
  const parts: string[] = [];
  for (const [field, value] of Object.entries(where ?? {})) {
    if (value === undefined) continue;
    const [num, text] = fieldExprs(field);
    const type = `jsonb_typeof(data -> '${field}')`;
    if (value === null) parts.push(`coalesce(${type}, 'null') = 'null'`);
    else if (typeof value === 'number') parts.push(`${num} = ${params.add(value, 'float8')}`);
    else if (typeof value === 'string' || typeof value === 'boolean') {
      parts.push(`${num} IS NULL`, `${text} = ${params.add(String(value))}`, `${type} = '${typeof value}'`);
    } else throw new TypeError(`Record filter on ${field} must be a string, number, boolean or null.`);
  }
  return parts.map((p) => ` AND ${p}`).join('');
}

/** Creates the declared indexes (idempotent; names derive from collection and fields). */
export async function declareRecordIndexes(
  client: pg.Pool | pg.PoolClient,
  t: Tables,
  indexes: RecordIndexes,
): Promise<void> {
  for (const [collection, lists] of Object.entries(indexes)) {
    for (const fields of lists) {
      const name = `records_${collection}_${fields.join('_')}`
        .replace(/[^A-Za-z0-9_]/g, '_')
        .slice(0, 63)
        .toLowerCase();
      const exprs = fields.flatMap(fieldExprs).join(', ');
      const literal = collection.replace(/'/g, "''");
      await client.query(
        `CREATE INDEX IF NOT EXISTS ${name} ON ${t.records} (${exprs}, id) WHERE collection = '${literal}'`,
      );
    }
  }
}

/** The query of `list` (exported for the EXPLAIN tests). */
export function listStatement<T>(t: Tables, collection: string, options: ListOptions<T> = {}) {
  const params = new Params();
  const where = `collection = ${params.add(collection)}${filterSql(options.where, params)}`;
  const direction = options.descending ? 'DESC' : 'ASC';
  const field = options.orderBy ?? 'id';
  const order =
    field === 'id'
      ? `id ${direction}`
      : `${fieldExprs(field)
          .map((e) => `${e} ${direction}`)
          .join(', ')}, id ASC`;
  const limit = options.limit === undefined ? '' : ` LIMIT ${params.add(Math.max(0, options.limit), 'integer')}`;
  const offset = options.offset ? ` OFFSET ${params.add(Math.max(0, options.offset), 'integer')}` : '';
  return {
    text: `SELECT data FROM ${t.records} WHERE ${where} ORDER BY ${order}${limit}${offset}`,
    values: params.values,
  };
}

class PostgresCollection<T extends StoredRecord> implements RecordCollection<T> {
  readonly #pool: pg.Pool;
  readonly #t: Tables;
  readonly #name: string;
  readonly #writable: () => void;

  constructor(pool: pg.Pool, t: Tables, name: string, writable: () => void) {
    this.#pool = pool;
    this.#t = t;
    this.#name = name;
    this.#writable = writable;
  }

  async get(id: string): Promise<T | undefined> {
    const result = await this.#pool.query<{ data: T }>(
      `SELECT data FROM ${this.#t.records} WHERE collection = $1 AND id = $2`,
      [this.#name, id],
    );
    return result.rows[0]?.data;
  }

  async list(options: ListOptions<T> = {}): Promise<T[]> {
    const { text, values } = listStatement(this.#t, this.#name, options);
    return (await this.#pool.query<{ data: T }>(text, values)).rows.map((r) => r.data);
  }

  async count(where?: RecordFilter<T>): Promise<number> {
    const params = new Params();
    const sql = `SELECT count(*)::integer AS n FROM ${this.#t.records} WHERE collection = ${params.add(this.#name)}${filterSql(where, params)}`;
    return (await this.#pool.query<{ n: number }>(sql, params.values)).rows[0]?.n ?? 0;
  }

  async put(record: T): Promise<void> {
    const [id, data] = this.#check(record);
    await this.#pool.query(
      `INSERT INTO ${this.#t.records} (collection, id, data) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (collection, id) DO UPDATE SET data = EXCLUDED.data`,
      [this.#name, id, data],
    );
  }

  async insert(record: T): Promise<void> {
    const [id, data] = this.#check(record);
    const result = await this.#pool.query(
      `INSERT INTO ${this.#t.records} (collection, id, data) VALUES ($1, $2, $3::jsonb) ON CONFLICT DO NOTHING`,
      [this.#name, id, data],
    );
    if (result.rowCount !== 1) throw new RecordConflictError(this.#name, id);
  }

  async putIf(record: T, where: RecordFilter<T>): Promise<boolean> {
    const [id, data] = this.#check(record);
    const params = new Params();
    const sql = `UPDATE ${this.#t.records} SET data = ${params.add(data, 'jsonb')}
      WHERE collection = ${params.add(this.#name)} AND id = ${params.add(id)}${filterSql(where, params)}`;
    return (await this.#pool.query(sql, params.values)).rowCount === 1;
  }

  async delete(id: string): Promise<boolean> {
    this.#writable();
    const result = await this.#pool.query(`DELETE FROM ${this.#t.records} WHERE collection = $1 AND id = $2`, [
      this.#name,
      id,
    ]);
    return result.rowCount === 1;
  }

  async deleteWhere(where: RecordFilter<T>): Promise<number> {
    this.#writable();
    const params = new Params();
    const sql = `DELETE FROM ${this.#t.records} WHERE collection = ${params.add(this.#name)}${filterSql(where, params)}`;
    return (await this.#pool.query(sql, params.values)).rowCount ?? 0;
  }

  /** The id and JSON text of a record about to be written; throws for what cannot be stored. */
  #check(record: T): [string, string] {
    this.#writable();
    if (typeof record.id !== 'string' || record.id === '') {
      throw new TypeError(`${this.#name}: a record needs a non-empty string id.`);
    }
    const text = JSON.stringify(record) as string | undefined;
    if (text === undefined) throw new TypeError(`${this.#name}/${record.id}: the value is not JSON-serializable.`);
    return [record.id, text];
  }
}

/**
 * A RecordStore on PostgreSQL: one `records` table of JSON documents keyed by (collection, id).
 * Filters, order and paging run in SQL; declare indexes (see RecordIndexes) for large collections.
 */
export function createPostgresRecordStore(pool: pg.Pool, t: Tables): RecordStore {
  let closed = false;
  const writable = (): void => {
    if (closed) throw new Error('The record store is closed.');
  };
  const collections = new Map<string, PostgresCollection<StoredRecord>>();
  return {
    collection: <C extends StoredRecord>(name: string) => {
      let collection = collections.get(name);
      if (!collection) collections.set(name, (collection = new PostgresCollection(pool, t, name, writable)));
      return collection as unknown as RecordCollection<C>;
    },
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };
}
