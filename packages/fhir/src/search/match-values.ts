import { normalizeText } from './text.ts';
import type { IndexValue, Prefix, ReferenceIndexValue, SearchModifier, SearchValue } from './types.ts';

type Of<K extends SearchValue['kind']> = Extract<SearchValue, { kind: K }>;

/** Mean Earth radius (IUGG), in km. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Date prefixes on ranges, FHIR R4 (3.1.1.5.5): eq = the resource's range lies within the value's;
 * gt/ge/lt/le = the resource's range overlaps the part of the timeline above/below the value;
 * sa/eb = it starts after / ends before the value; ap = it overlaps the (already widened) value.
 */
export function matchDate(iv: { start: number; end: number }, v: Of<'date'>): boolean {
  switch (v.prefix) {
    case 'eq':
      return iv.start >= v.start && iv.end <= v.end;
    case 'ne':
      return !(iv.start >= v.start && iv.end <= v.end);
    case 'gt':
      return iv.end > v.end;
    case 'ge':
      return iv.end >= v.start;
    case 'lt':
      return iv.start < v.start;
    case 'le':
      return iv.start <= v.end;
    case 'sa':
      return iv.start > v.end;
    case 'eb':
      return iv.end < v.start;
    case 'ap':
      return iv.start <= v.end && iv.end >= v.start;
  }
}

/**
 * Number and quantity prefixes. `eq`/`ne` use the range implied by the value's significant
 * figures ([lo, hi)); the ordering prefixes compare with the value itself; `ap` accepts 10% either
 * side (or the implied range when wider).
 */
export function matchNumber(x: number, prefix: Prefix, v: { value: number; lo: number; hi: number }): boolean {
  switch (prefix) {
    case 'eq':
      return x >= v.lo && x < v.hi;
    case 'ne':
      return !(x >= v.lo && x < v.hi);
    case 'gt':
    case 'sa':
      return x > v.value;
    case 'ge':
      return x >= v.value;
    case 'lt':
    case 'eb':
      return x < v.value;
    case 'le':
      return x <= v.value;
    case 'ap': {
      const margin = Math.abs(v.value) * 0.1;
      return (x >= v.value - margin && x <= v.value + margin) || (x >= v.lo && x < v.hi);
    }
  }
}

function matchToken(iv: IndexValue, v: Of<'token'>, modifier: SearchModifier | undefined): boolean {
  if (iv.kind !== 'token') return false;
  if (modifier === 'text') return v.text !== undefined && normalizeText(iv.text ?? '').includes(v.text);
  if (v.code !== undefined && iv.code !== v.code) return false;
  if (v.system === null) return !iv.system;
  if (v.system !== undefined) return iv.system === v.system;
  return v.code !== undefined;
}

function matchString(iv: IndexValue, v: Of<'string'>, modifier: SearchModifier | undefined): boolean {
  if (iv.kind !== 'string') return false;
  if (modifier === 'exact') return iv.exact === v.value;
  if (modifier === 'contains') return iv.normalized.includes(v.value);
  return iv.normalized.startsWith(v.value);
}

/** `Type/id` of an index value, from its parts or its reference string. */
function typeAndId(iv: ReferenceIndexValue): { type?: string; id?: string } {
  if (iv.id !== undefined) return { type: iv.type, id: iv.id };
  const m = iv.reference ? /^([A-Za-z]+)\/([^/]+)/.exec(iv.reference) : null;
  return m ? { type: m[1], id: m[2] } : {};
}

function matchReference(iv: IndexValue, v: Of<'reference'>, targetType: string | undefined): boolean {
  if (iv.kind !== 'reference') return false;
  if (v.identifierValue !== undefined) {
    if (iv.identifierValue !== v.identifierValue) return false;
    return v.identifierSystem === undefined || iv.identifierSystem === v.identifierSystem;
  }
  if (v.url !== undefined) return iv.url === v.url || iv.reference === v.url;
  const { type, id } = typeAndId(iv);
  if (v.id === undefined || id !== v.id) return false;
  const wantType = v.type ?? targetType;
  return wantType === undefined || type === wantType;
}

function matchQuantity(iv: IndexValue, v: Of<'quantity'>): boolean {
  if (iv.kind !== 'quantity') return false;
  if (v.system !== undefined && iv.system !== v.system) return false;
  // Without a system, the code may match either the coded unit or the human unit (`5.4||mg`).
  if (v.code !== undefined && iv.code !== v.code && (v.system !== undefined || iv.unit !== v.code)) return false;
  return matchNumber(iv.value, v.prefix, v);
}

function matchUri(iv: IndexValue, v: Of<'uri'>, modifier: SearchModifier | undefined): boolean {
  if (iv.kind !== 'uri') return false;
  if (modifier === 'below') return iv.value.startsWith(v.value);
  if (modifier === 'above') return v.value.startsWith(iv.value);
  return iv.value === v.value;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Whether one index value satisfies one search value (no `:not`/`:missing` handling here). */
export function matchValue(
  iv: IndexValue,
  v: SearchValue,
  modifier: SearchModifier | undefined,
  targetType: string | undefined,
): boolean {
  switch (v.kind) {
    case 'token':
      return matchToken(iv, v, modifier);
    case 'string':
      return matchString(iv, v, modifier);
    case 'date':
      return iv.kind === 'date' && matchDate(iv, v);
    case 'reference':
      return matchReference(iv, v, targetType);
    case 'quantity':
      return matchQuantity(iv, v);
    case 'number':
      return (iv.kind === 'number' || iv.kind === 'quantity') && matchNumber(iv.value, v.prefix, v);
    case 'uri':
      return matchUri(iv, v, modifier);
    case 'near':
      return iv.kind === 'position' && distanceKm(iv.latitude, iv.longitude, v.latitude, v.longitude) <= v.distanceKm;
    case 'missing':
      return false;
  }
}
