import { dateRange } from './dates.ts';
import {
  invalidValue,
  parseDecimal,
  splitEscaped,
  splitPrefix,
  unescapeValue,
  type ValueContext,
} from './parse-util.ts';
import { normalizeText } from './text.ts';
import type { SearchModifier, SearchParamDef, SearchValue } from './types.ts';

/** Settings of value parsing that do not come from the query. */
export interface ValueEnv {
  /** "Now" for the `ap` prefix, in ms. */
  now: number;
  /** Our own FHIR base URL: absolute references to it are made relative. */
  baseUrl: string | undefined;
}

/** Distance of `near` when the client gives none. FHIR leaves it to the server. */
export const DEFAULT_NEAR_DISTANCE_KM = 50;

const KM_PER_UNIT: Record<string, number> = {
  km: 1,
  m: 0.001,
  mi: 1.609344,
  '[mi_i]': 1.609344,
  '[mi_us]': 1.609347,
};

const RESOURCE_TYPE_RE = /^[A-Z][A-Za-z]+$/;
const ABSOLUTE_RE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Parses the comma-separated values (already split, escapes still in place) of one parameter.
 * Throws a 400 naming the parameter and value when one is malformed.
 */
export function parseValues(
  def: SearchParamDef,
  modifier: SearchModifier | undefined,
  targetType: string | undefined,
  items: string[],
  ctx: ValueContext,
  env: ValueEnv,
): SearchValue[] {
  if (modifier === 'missing') return items.map((item) => parseMissing(item, ctx));
  const values: SearchValue[] = [];
  for (const item of items) {
    const value = parseOne(def, modifier, targetType, item, ctx, env);
    if (value) values.push(value);
  }
  return values;
}

function parseMissing(item: string, ctx: ValueContext): SearchValue {
  if (item !== 'true' && item !== 'false') throw invalidValue(ctx, ':missing takes true or false');
  return { kind: 'missing', missing: item === 'true' };
}

function parseOne(
  def: SearchParamDef,
  modifier: SearchModifier | undefined,
  targetType: string | undefined,
  item: string,
  ctx: ValueContext,
  env: ValueEnv,
): SearchValue | undefined {
  switch (def.type) {
    case 'token':
      return parseToken(item, modifier, ctx);
    case 'string': {
      const text = unescapeValue(item);
      const value = modifier === 'exact' ? text : normalizeText(text);
      return value === '' ? undefined : { kind: 'string', value };
    }
    case 'date':
      return parseDate(item, ctx, env);
    case 'reference':
      return modifier === 'identifier' ? parseIdentifier(item, ctx) : parseReference(item, targetType, ctx, env);
    case 'number': {
      const { prefix, rest } = splitPrefix(item);
      const n = parseDecimal(rest);
      if (!n) throw invalidValue(ctx, 'expected a number, optionally prefixed (eq, ne, gt, lt, ge, le, sa, eb, ap)');
      return { kind: 'number', prefix, ...n };
    }
    case 'quantity':
      return parseQuantity(item, ctx);
    case 'uri':
      return { kind: 'uri', value: unescapeValue(item) };
    case 'special':
      return parseNear(item, ctx);
  }
}

function parseToken(item: string, modifier: SearchModifier | undefined, ctx: ValueContext): SearchValue {
  if (modifier === 'text') {
    const text = normalizeText(unescapeValue(item));
    return { kind: 'token', text };
  }
  const parts = splitEscaped(item, '|').map(unescapeValue);
  if (parts.length === 1) return { kind: 'token', code: parts[0] as string };
  const [system, code] = parts as [string, string];
  if (parts.length > 2 || (system === '' && code === '')) {
    throw invalidValue(ctx, 'expected code, system|code, |code or system|');
  }
  if (system === '') return { kind: 'token', system: null, code };
  if (code === '') return { kind: 'token', system };
  return { kind: 'token', system, code };
}

/**
 * A date value with the `+` of its zone offsets restored: a `+` the client did not percent-encode arrives as
 * a space (`2024-05-01T10:20:30.123 00:00`). Comma-separated values are each restored.
 */
export function restoreZonePlus(value: string): string {
  return value.replace(/ (\d{2}:\d{2})(?=,|$)/g, '+$1');
}

function parseDate(item: string, ctx: ValueContext, env: ValueEnv): SearchValue {
  const meant = restoreZonePlus(item);
  const { prefix, rest: literal } = splitPrefix(meant);
  const range = dateRange(literal);
  if (!range) {
    throw invalidValue(
      ctx,
      'expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.sss]][Z|±hh:mm], optionally prefixed (eq, ne, gt, lt, ge, le, sa, eb, ap)',
    );
  }
  let { start, end } = range;
  if (prefix === 'ap') {
    // FHIR suggests 10% of the distance between now and the value; the value's own range always counts.
    const margin = Math.round(Math.abs(env.now - (start + end) / 2) * 0.1);
    start -= margin;
    end += margin;
  }
  return { kind: 'date', prefix, start, end, raw: meant };
}

function parseIdentifier(item: string, ctx: ValueContext): SearchValue {
  const parts = splitEscaped(item, '|').map(unescapeValue);
  const value = parts.length === 1 ? parts[0] : parts[1];
  if (parts.length > 2 || !value) throw invalidValue(ctx, 'expected value or system|value');
  const system = parts.length === 2 ? parts[0] : undefined;
  return system
    ? { kind: 'reference', identifierSystem: system, identifierValue: value }
    : { kind: 'reference', identifierValue: value };
}

function parseReference(item: string, targetType: string | undefined, ctx: ValueContext, env: ValueEnv): SearchValue {
  let ref = unescapeValue(item);
  if (ABSOLUTE_RE.test(ref)) {
    const base = env.baseUrl?.replace(/\/+$/, '');
    if (!base || !ref.startsWith(base + '/')) return { kind: 'reference', url: ref };
    ref = ref.slice(base.length + 1);
  }
  const segments = ref.split('/');
  if (segments.length === 1) {
    return targetType ? { kind: 'reference', type: targetType, id: ref } : { kind: 'reference', id: ref };
  }
  const [type, id] = segments as [string, string];
  // Type/id or Type/id/_history/version; the version does not narrow a search.
  const shapeOk = (segments.length === 2 || (segments.length === 4 && segments[2] === '_history')) && id !== '';
  if (!RESOURCE_TYPE_RE.test(type) || !shapeOk) throw invalidValue(ctx, 'expected Type/id, id or an absolute URL');
  if (targetType && targetType !== type) throw invalidValue(ctx, `the reference is not to a ${targetType}`);
  return { kind: 'reference', type, id };
}

function parseQuantity(item: string, ctx: ValueContext): SearchValue {
  const parts = splitEscaped(item, '|').map(unescapeValue);
  const { prefix, rest } = splitPrefix(parts[0] as string);
  const n = parseDecimal(rest);
  if (!n || (parts.length !== 1 && parts.length !== 3)) {
    throw invalidValue(ctx, 'expected [prefix]number, optionally followed by |system|code');
  }
  const value: SearchValue = { kind: 'quantity', prefix, ...n };
  if (parts[1]) value.system = parts[1];
  if (parts[2]) value.code = parts[2];
  return value;
}

function parseNear(item: string, ctx: ValueContext): SearchValue {
  const parts = splitEscaped(item, '|').map(unescapeValue);
  const [lat, lon, distance, unit] = parts;
  const latitude = Number(lat);
  const longitude = Number(lon);
  const expected = 'expected latitude|longitude[|distance[|km, m, mi or [mi_i]]]';
  if (parts.length < 2 || parts.length > 4 || lat === '' || lon === '' || !Number.isFinite(latitude)) {
    throw invalidValue(ctx, expected);
  }
  if (!Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    throw invalidValue(ctx, expected);
  }
  let distanceKm = DEFAULT_NEAR_DISTANCE_KM;
  if (distance !== undefined && distance !== '') {
    const d = Number(distance);
    const factor = KM_PER_UNIT[unit === undefined || unit === '' ? 'km' : unit];
    if (!Number.isFinite(d) || d < 0 || factor === undefined) throw invalidValue(ctx, expected);
    distanceKm = d * factor;
  }
  return { kind: 'near', latitude, longitude, distanceKm };
}
