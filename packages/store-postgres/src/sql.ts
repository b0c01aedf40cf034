/** Small SQL-building helpers: parameter lists and the schema's qualified names. */
import { badRequest } from '@plan-api/fhir';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema name (lower-case letters, digits, underscore) and returns it quoted. */
export function quoteSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name "${schema}": use lower-case letters, digits and _.`);
  }
  return `"${schema}"`;
}

/** The tables of one schema, qualified, so queries never depend on search_path. */
export interface Tables {
  schema: string;
  resources: string;
  history: string;
  versionSeq: string;
  token: string;
  string: string;
  date: string;
  reference: string;
  number: string;
  uri: string;
  position: string;
  records: string;
  kv: string;
  migrations: string;
}

/** Qualified table names of `schema`. */
export function tablesOf(schema: string): Tables {
  const q = quoteSchema(schema);
  return {
    schema: q,
    resources: `${q}.resources`,
    history: `${q}.resource_history`,
    versionSeq: `${q}.version_seq`,
    token: `${q}.idx_token`,
    string: `${q}.idx_string`,
    date: `${q}.idx_date`,
    reference: `${q}.idx_reference`,
    number: `${q}.idx_number`,
    uri: `${q}.idx_uri`,
    position: `${q}.idx_position`,
    records: `${q}.records`,
    kv: `${q}.kv`,
    migrations: `${q}.schema_migrations`,
  };
}

/** The tables of FHIR resources and their index rows, unqualified. */
export const FHIR_TABLE_NAMES = [
  'resources',
  'resource_history',
  'idx_token',
  'idx_string',
  'idx_date',
  'idx_reference',
  'idx_number',
  'idx_uri',
  'idx_position',
] as const;

/** Positional parameters of one statement; the same value given twice reuses its placeholder. */
export class Params {
  readonly values: unknown[] = [];
  readonly #seen = new Map<unknown, string>();

  /**
   * The placeholder (`$3`) of a value, with an optional cast (`$3::bigint`). PostgreSQL text cannot hold
   * the NUL character, so a value with one is refused as a bad request rather than failing in the database.
   */
  add(value: unknown, cast?: string): string {
    if (typeof value === 'string' && value.includes('\u0000')) {
      throw badRequest('A value cannot contain the NUL character (U+0000), which PostgreSQL text cannot hold.');
    }
    const primitive = value === null || typeof value !== 'object';
    let ref = primitive ? this.#seen.get(value) : undefined;
    if (ref === undefined) {
      this.values.push(value);
      ref = `$${this.values.length}`;
      if (primitive) this.#seen.set(value, ref);
    }
    return cast ? `${ref}::${cast}` : ref;
  }
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
