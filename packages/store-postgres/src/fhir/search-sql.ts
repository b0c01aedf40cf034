import type { Criterion, ParamCriterion, SearchRequest, SortSpec } from '@plan-api/fhir';
import { Params, type Tables } from '../sql.ts';
import { canDrive, CriteriaCompiler, tableOf } from './criteria-sql.ts';
import type { IndexTable } from './index-rows.ts';
import type { Position } from './cursor.ts';

/** The columns a search reads from `resources` (alias r). */
export const RESOURCE_COLUMNS = 'r.rtype, r.id, r.version_id, r.lu, r.deleted, r.json';

/** A compiled statement. */
export interface Statement {
  text: string;
  values: unknown[];
}

interface SortKey {
  expr: string;
  cast: string;
  descending: boolean;
}

/**
 * A sort key as SQL over the row `r`: the resource's smallest value of the parameter (its largest when
 * descending), as @plan-api/fhir's compareBySort picks it.
 */
function sortKey(spec: SortSpec, t: Tables, params: Params): SortKey {
  const code = spec.param.code;
  if (code === '_id') return { expr: 'r.id', cast: 'text', descending: spec.descending };
  if (code === '_lastUpdated') return { expr: 'r.lu', cast: 'bigint', descending: spec.descending };
  const table = tableOf(spec);
  const columns: Record<IndexTable, [string, string]> = {
    token: ['s.code', 'text'],
    string: ['s.norm', 'text'],
    date: ['s.lo', 'bigint'],
    reference: [`coalesce(s.ttype || '/' || s.tid, s.url)`, 'text'],
    number: ['s.value', 'float8'],
    uri: ['s.value', 'text'],
    position: ['NULL::text', 'text'],
  };
  const [column, cast] = columns[table];
  const pick = spec.descending ? 'max' : 'min';
  const collate = cast === 'text' ? ' COLLATE "C"' : '';
  return {
    expr: `(SELECT ${pick}(${column}${collate}) FROM ${t[table]} s WHERE s.rtype = r.rtype AND s.id = r.id AND s.param = ${params.add(code)})`,
    cast,
    descending: spec.descending,
  };
}

/** The WHERE conditions of a search over `resources r`: its type, live, and every criterion but `skip`. */
function whereOf(request: SearchRequest, compiler: CriteriaCompiler, row = 'r', skip?: Criterion): string {
  const conditions = [`${row}.rtype = ${compiler.params.add(request.resourceType)}`, `NOT ${row}.deleted`];
  for (const criterion of request.criteria) {
    if (criterion === skip) continue;
    conditions.push(compiler.criterion(criterion, request.resourceType, `${row}.id`, row));
  }
  return conditions.join('\n  AND ');
}

/** The criteria that could drive an unsorted search (see canDrive); none for a sorted one. */
export function driverCandidates(request: SearchRequest): ParamCriterion[] {
  return request.sort.length > 0 ? [] : request.criteria.filter(canDrive);
}

/** How many ids a candidate driver yields, counted up to `cap` (a cheap selectivity probe). */
export function driverProbe(request: SearchRequest, t: Tables, criterion: ParamCriterion, cap: number): Statement {
  const params = new Params();
  const ids = new CriteriaCompiler(t, params).driverIds(criterion, request.resourceType);
  return {
    text: `SELECT count(*)::integer AS n FROM (${ids} LIMIT ${params.add(cap, 'integer')}) c`,
    values: params.values,
  };
}

/**
 * Keyset condition: rows strictly after `after` in the order (keys with NULLs last whatever the
 * direction, then id ascending). Expands `(k1, ..., id) > (c1, ..., cid)` with NULL handling.
 */
function afterCondition(keys: SortKey[], after: Position, params: Params, column: (i: number) => string): string {
  const terms: string[] = [];
  const equal: string[] = [];
  keys.forEach((key, i) => {
    const value = after.keys[i] ?? null;
    const col = column(i);
    if (value !== null) {
      const v = params.add(value, key.cast);
      terms.push([...equal, `(${col} ${key.descending ? '<' : '>'} ${v} OR ${col} IS NULL)`].join(' AND '));
      equal.push(`${col} = ${v}`);
    } else {
      equal.push(`${col} IS NULL`);
    }
  });
  terms.push([...equal, `id > ${params.add(after.id)}`].join(' AND '));
  return terms.map((term) => `(${term})`).join(' OR ');
}

/** The page query: `limit` rows from `offset` (or after the cursor position), in search order. */
export function pageStatement(
  request: SearchRequest,
  t: Tables,
  page: { limit: number; offset: number; after?: Position; driver?: ParamCriterion },
): Statement {
  const params = new Params();
  const compiler = new CriteriaCompiler(t, params);
  const keys = request.sort.map((spec) => sortKey(spec, t, params));
  const limit = params.add(page.limit, 'integer');
  const offset = page.offset > 0 ? ` OFFSET ${params.add(page.offset, 'integer')}` : '';
  const driver = keys.length === 0 ? page.driver : undefined;
  if (driver) {
    // The page's ids come from the driving criterion's lookup index in id order, the other criteria
    // probe each candidate, and the scan stops at the page's end: the cost follows the page, not the
    // number of matches.
    const rest = whereOf(request, compiler, 'm', driver);
    return {
      text: `SELECT ${RESOURCE_COLUMNS} FROM ${t.resources} r JOIN (
        SELECT m.id FROM (${compiler.driverIds(driver, request.resourceType, page.after?.id)}) d JOIN ${t.resources} m ON m.id = d.id
        WHERE ${rest} ORDER BY d.id LIMIT ${limit}${offset}) p ON r.rtype = ${params.add(request.resourceType)} AND r.id = p.id
        ORDER BY r.id`,
      values: params.values,
    };
  }
  // Compiled only where it is used: a parameter the statement never names has no type PostgreSQL can infer.
  const where = whereOf(request, compiler);
  if (keys.length === 0) {
    const after = page.after ? ` AND r.id > ${params.add(page.after.id)}` : '';
    return {
      text: `SELECT ${RESOURCE_COLUMNS} FROM ${t.resources} r WHERE ${where}${after} ORDER BY r.id LIMIT ${limit}${offset}`,
      values: params.values,
    };
  }
  const selectKeys = keys.map((k, i) => `${k.expr} AS k${i}`).join(', ');
  const order = (prefix: string): string =>
    keys.map((k, i) => `${prefix}k${i} ${k.descending ? 'DESC' : 'ASC'} NULLS LAST`).join(', ');
  const after = page.after ? ` WHERE ${afterCondition(keys, page.after, params, (i) => `k${i}`)}` : '';
  const keyColumns = keys.map((_, i) => `p.k${i}`).join(', ');
  // The sort carries ids and keys only; the page's rows are read after it.
  return {
    text: `SELECT ${RESOURCE_COLUMNS}, ${keyColumns} FROM (
        SELECT * FROM (SELECT r.id, ${selectKeys} FROM ${t.resources} r WHERE ${where}) m${after}
        ORDER BY ${order('')}, id LIMIT ${limit}${offset}) p
      JOIN ${t.resources} r ON r.rtype = ${params.add(request.resourceType)} AND r.id = p.id
      ORDER BY ${order('p.')}, p.id`,
    values: params.values,
  };
}

/** Counts every match. */
export function countStatement(request: SearchRequest, t: Tables): Statement {
  const params = new Params();
  const where = whereOf(request, new CriteriaCompiler(t, params));
  return { text: `SELECT count(*)::integer AS n FROM ${t.resources} r WHERE ${where}`, values: params.values };
}
