import { normalizeText, type Criterion, type ParamCriterion, type Prefix, type SearchValue } from '@plan-api/fhir';
import { escapeLike, type Params, type Tables } from '../sql.ts';
import type { IndexTable } from './index-rows.ts';

type Of<K extends SearchValue['kind']> = Extract<SearchValue, { kind: K }>;

/** Mean Earth radius (IUGG) in km: the same as @plan-api/fhir's distanceKm. */
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_RADIUS_KM * Math.PI) / 180;

/** What compiling criteria needs: the tables, the statement's parameters, and fresh aliases. */
export class CriteriaCompiler {
  readonly t: Tables;
  readonly params: Params;
  #aliases = 0;

  constructor(t: Tables, params: Params) {
    this.t = t;
    this.params = params;
  }

  /** A new table alias. */
  alias(prefix: string): string {
    return `${prefix}${++this.#aliases}`;
  }

  /**
   * SQL that holds when the live resource of `type` whose id is `idExpr` satisfies the criterion.
   * `row` is the alias of that resource's `resources` row when the caller has it (for `_lastUpdated`).
   */
  criterion(criterion: Criterion, type: string, idExpr: string, row?: string): string {
    switch (criterion.kind) {
      case 'param':
        return this.#param(criterion, type, idExpr, row);
      case 'chain': {
        const x = this.alias('c');
        const z = this.alias('z');
        const p = this.params;
        // The target must be a live resource; the inner criterion is then tested on it.
        return `EXISTS (SELECT 1 FROM ${this.t.reference} ${x} JOIN ${this.t.resources} ${z} ON ${z}.rtype = ${x}.ttype AND ${z}.id = ${x}.tid AND NOT ${z}.deleted
          WHERE ${x}.rtype = ${p.add(type)} AND ${x}.id = ${idExpr} AND ${x}.param = ${p.add(criterion.param.code)}
          AND ${x}.ttype = ${p.add(criterion.targetType)} AND ${this.criterion(criterion.criterion, criterion.targetType, `${x}.tid`, z)})`;
      }
      case 'has': {
        // Index rows exist for live resources only, so a matching row is a live source.
        const x = this.alias('h');
        const p = this.params;
        return `EXISTS (SELECT 1 FROM ${this.t.reference} ${x} WHERE ${x}.rtype = ${p.add(criterion.sourceType)}
          AND ${x}.param = ${p.add(criterion.referenceParam.code)} AND ${x}.ttype = ${p.add(type)} AND ${x}.tid = ${idExpr}
          AND ${this.criterion(criterion.criterion, criterion.sourceType, `${x}.id`)})`;
      }
    }
  }

  /** The ids (distinct, in id order) of the live resources of `type` matching a driving criterion. */
  driverIds(c: ParamCriterion, type: string, afterId?: string): string {
    const table = tableOf(c);
    const x = this.alias('d');
    const condition = or(c.values.map((v) => this.#value(v, c, x)));
    const p = this.params;
    // A keyset position goes into the index condition, so a later page starts where the last one ended.
    const after = afterId === undefined ? '' : ` AND ${x}.id > ${p.add(afterId)}`;
    return `SELECT DISTINCT ${x}.id FROM ${this.t[table]} ${x} WHERE ${x}.rtype = ${p.add(type)} AND ${x}.param = ${p.add(c.param.code)} AND ${condition}${after}`;
  }

  #param(c: ParamCriterion, type: string, idExpr: string, row: string | undefined): string {
    const code = c.param.code;
    if (code === '_id') return this.#idCriterion(c, idExpr);
    if (code === '_lastUpdated') return this.#lastUpdated(c, type, idExpr, row);
    const table = tableOf(c);
    const x = this.alias('x');
    const p = this.params;
    const exists = (condition: string): string =>
      `EXISTS (SELECT 1 FROM ${this.t[table]} ${x} WHERE ${x}.rtype = ${p.add(type)} AND ${x}.id = ${idExpr} AND ${x}.param = ${p.add(code)}${condition === 'true' ? '' : ` AND (${condition})`})`;
    if (c.modifier === 'missing') {
      return or(c.values.map((v) => (v.kind === 'missing' && v.missing ? `NOT ${exists('true')}` : exists('true'))));
    }
    const condition = or(c.values.map((v) => this.#value(v, c, x)));
    if (condition === 'false') return c.modifier === 'not' ? 'true' : 'false';
    // `:not` keeps resources that have no value at all (FHIR R4 3.1.1.5.1).
    return c.modifier === 'not' ? `NOT ${exists(condition)}` : exists(condition);
  }

  #idCriterion(c: ParamCriterion, idExpr: string): string {
    if (c.modifier === 'missing')
      return or(c.values.map((v) => (v.kind === 'missing' && v.missing ? 'false' : 'true')));
    const ids = c.values.flatMap((v) => (v.kind === 'token' && v.code !== undefined ? [v.code] : []));
    const match = ids.length === 0 ? 'false' : `${idExpr} = ANY(${this.params.add(ids, 'text[]')})`;
    return c.modifier === 'not' ? `NOT (${match})` : match;
  }

  #lastUpdated(c: ParamCriterion, type: string, idExpr: string, row: string | undefined): string {
    const test = (alias: string): string =>
      or(c.values.map((v) => (v.kind === 'date' ? dateSql(`${alias}.lu`, `${alias}.lu`, v, this.params) : 'false')));
    if (c.modifier === 'missing')
      return or(c.values.map((v) => (v.kind === 'missing' && v.missing ? 'false' : 'true')));
    if (row !== undefined) return test(row);
    const z = this.alias('l');
    return `EXISTS (SELECT 1 FROM ${this.t.resources} ${z} WHERE ${z}.rtype = ${this.params.add(type)} AND ${z}.id = ${idExpr} AND ${test(z)})`;
  }

  #value(v: SearchValue, c: ParamCriterion, x: string): string {
    const p = this.params;
    switch (v.kind) {
      case 'token':
        return tokenSql(v, c, x, p);
      case 'string':
        // The normalized form of an exact value is what the index holds for it: the lookup index finds it.
        if (c.modifier === 'exact')
          return `${x}.norm = ${p.add(normalizeText(v.value))} AND ${x}.exact = ${p.add(v.value)}`;
        if (c.modifier === 'contains') return `${x}.norm LIKE ${p.add(`%${escapeLike(v.value)}%`)}`;
        return `${x}.norm LIKE ${p.add(`${escapeLike(v.value)}%`)}`;
      case 'date':
        return dateSql(`${x}.lo`, `${x}.hi`, v, p);
      case 'reference':
        return referenceSql(v, c.targetType ?? singleTarget(c.param.targets), x, p);
      case 'quantity':
        return quantitySql(v, x, p);
      case 'number':
        return numberSql(`${x}.value`, v.prefix, v, p);
      case 'uri':
        if (c.modifier === 'below') return `${x}.value LIKE ${p.add(`${escapeLike(v.value)}%`)}`;
        if (c.modifier === 'above') return `left(${p.add(v.value)}, length(${x}.value)) = ${x}.value`;
        return `${x}.value = ${p.add(v.value)}`;
      case 'near':
        return nearSql(v, x, p);
      case 'missing':
        return 'false';
    }
  }
}

/**
 * Whether a criterion can drive a search: a lookup index yields its matching ids in id order, so a page
 * is read without collecting every match. Not `:not`, `:missing`, `:text`, `:contains`, the
 * column-backed `_id`/`_lastUpdated`, chains or `_has`.
 */
export function canDrive(criterion: Criterion): criterion is ParamCriterion {
  if (criterion.kind !== 'param') return false;
  const modifier = criterion.modifier;
  if (modifier === 'not' || modifier === 'missing' || modifier === 'text' || modifier === 'contains') return false;
  return criterion.param.code !== '_id' && criterion.param.code !== '_lastUpdated';
}

/** The index table of a parameter's values. */
export function tableOf(c: { param: { type: string } }): IndexTable {
  switch (c.param.type) {
    case 'token':
      return 'token';
    case 'string':
      return 'string';
    case 'date':
      return 'date';
    case 'reference':
      return 'reference';
    case 'quantity':
    case 'number':
      return 'number';
    case 'uri':
      return 'uri';
    default:
      return 'position';
  }
}

function or(parts: string[]): string {
  const live = parts.filter((s) => s !== 'false');
  if (live.includes('true')) return 'true';
  if (live.length === 0) return 'false';
  return live.length === 1 ? live[0]! : `(${live.join(' OR ')})`;
}

function tokenSql(v: Of<'token'>, c: ParamCriterion, x: string, p: Params): string {
  if (c.modifier === 'text') return v.text === undefined ? 'false' : `strpos(${x}.text, ${p.add(v.text)}) > 0`;
  const parts: string[] = [];
  if (v.code !== undefined) parts.push(`${x}.code = ${p.add(v.code)}`);
  if (v.system === null) parts.push(`${x}.system IS NULL`);
  else if (v.system !== undefined) parts.push(`${x}.system = ${p.add(v.system)}`);
  else if (v.code === undefined) return 'false';
  return parts.join(' AND ');
}

/** FHIR R4 date prefixes on ranges (the same rules as @plan-api/fhir's matchDate). */
function dateSql(lo: string, hi: string, v: Of<'date'>, p: Params): string {
  // Only the bounds a prefix uses become parameters: an unused one could not be typed.
  const sv = (): string => p.add(v.start, 'bigint');
  const ev = (): string => p.add(v.end, 'bigint');
  switch (v.prefix) {
    case 'eq':
      return `(${lo} >= ${sv()} AND ${hi} <= ${ev()})`;
    case 'ne':
      return `NOT (${lo} >= ${sv()} AND ${hi} <= ${ev()})`;
    case 'gt':
      return `${hi} > ${ev()}`;
    case 'ge':
      return `${hi} >= ${sv()}`;
    case 'lt':
      return `${lo} < ${sv()}`;
    case 'le':
      return `${lo} <= ${ev()}`;
    case 'sa':
      return `${lo} > ${ev()}`;
    case 'eb':
      return `${hi} < ${sv()}`;
    case 'ap':
      return `(${lo} <= ${ev()} AND ${hi} >= ${sv()})`;
  }
}

/** Number prefixes (the same rules as @plan-api/fhir's matchNumber). */
function numberSql(col: string, prefix: Prefix, v: { value: number; lo: number; hi: number }, p: Params): string {
  const value = (): string => p.add(v.value, 'float8');
  const inRange = (): string => `(${col} >= ${p.add(v.lo, 'float8')} AND ${col} < ${p.add(v.hi, 'float8')})`;
  switch (prefix) {
    case 'eq':
      return inRange();
    case 'ne':
      return `NOT ${inRange()}`;
    case 'gt':
    case 'sa':
      return `${col} > ${value()}`;
    case 'ge':
      return `${col} >= ${value()}`;
    case 'lt':
    case 'eb':
      return `${col} < ${value()}`;
    case 'le':
      return `${col} <= ${value()}`;
    case 'ap': {
      const margin = Math.abs(v.value) * 0.1;
      return `((${col} BETWEEN ${p.add(v.value - margin, 'float8')} AND ${p.add(v.value + margin, 'float8')}) OR ${inRange()})`;
    }
  }
}

function quantitySql(v: Of<'quantity'>, x: string, p: Params): string {
  const parts: string[] = [];
  if (v.system !== undefined) parts.push(`${x}.system = ${p.add(v.system)}`);
  if (v.code !== undefined) {
    // Without a system, the code may match either the coded unit or the human unit (`5.4||mg`).
    const code = p.add(v.code);
    parts.push(v.system !== undefined ? `${x}.code = ${code}` : `(${x}.code = ${code} OR ${x}.unit = ${code})`);
  }
  parts.push(numberSql(`${x}.value`, v.prefix, v, p));
  return parts.join(' AND ');
}

/**
 * The one type a reference parameter can point at (extraction drops references to other types, so
 * naming it changes no result and lets the lookup index return ids in order).
 */
function singleTarget(targets: readonly string[] | undefined): string | undefined {
  return targets?.length === 1 && targets[0] !== 'Resource' ? targets[0] : undefined;
}

function referenceSql(v: Of<'reference'>, targetType: string | undefined, x: string, p: Params): string {
  if (v.identifierValue !== undefined) {
    const value = `${x}.ival = ${p.add(v.identifierValue)}`;
    return v.identifierSystem === undefined ? value : `${value} AND ${x}.isys = ${p.add(v.identifierSystem)}`;
  }
  if (v.url !== undefined) {
    const url = p.add(v.url);
    return `(${x}.url = ${url} OR ${x}.ttype || '/' || ${x}.tid = ${url})`;
  }
  if (v.id === undefined) return 'false';
  const type = v.type ?? targetType;
  const id = `${x}.tid = ${p.add(v.id)}`;
  return type === undefined ? id : `${id} AND ${x}.ttype = ${p.add(type)}`;
}

/**
 * `near`: a bounding box in degrees prunes through the GiST index on `pt`; the great-circle distance,
 * computed as @plan-api/fhir's distanceKm does, decides.
 */
function nearSql(v: Of<'near'>, x: string, p: Params): string {
  const lat = p.add(v.latitude, 'float8');
  const lon = p.add(v.longitude, 'float8');
  const distance = `2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(power(sin(radians(${x}.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${x}.lat)) * power(sin(radians(${x}.lon - ${lon}) / 2), 2))))`;
  const exact = `${distance} <= ${p.add(v.distanceKm, 'float8')}`;
  const dLat = (v.distanceKm / KM_PER_DEGREE) * 1.01 + 1e-6;
  const cosLat = Math.cos(((Math.abs(v.latitude) + dLat) * Math.PI) / 180);
  const dLon = cosLat > 0.01 ? dLat / cosLat : 360;
  // Near a pole or across the antimeridian the box would be wrong; the distance alone decides there.
  if (Math.abs(v.latitude) + dLat >= 90 || Math.abs(v.longitude) + dLon >= 180) return exact;
  const box = `box(point(${p.add(v.longitude - dLon, 'float8')}, ${p.add(v.latitude - dLat, 'float8')}), point(${p.add(v.longitude + dLon, 'float8')}, ${p.add(v.latitude + dLat, 'float8')}))`;
  return `${x}.pt <@ ${box} AND ${exact}`;
}
