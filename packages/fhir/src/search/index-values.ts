import { dateRange } from './dates.ts';
import { normalizeText } from './text.ts';
import type { IndexValue, ReferenceIndexValue, StringIndexValue, TokenIndexValue } from './types.ts';

/**
 * Conversions from FHIR elements (found by a search path) to index values, by the parameter type and
 * the element's shape. The datatype is recognized from the JSON shape (a Reference has `reference`
 * or `identifier`, a CodeableConcept has `coding`, a Period has `start`/`end`, ...), which is what
 * lets one path language serve choice types and extensions without a schema.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? (v as unknown[]).filter((x): x is string => typeof x === 'string' && x.length > 0) : [];

/**
 * normalizeText with a fast path for the common case (ASCII without irregular whitespace), which
 * gives the identical result without the Unicode normalization and regular expressions.
 */
export function normalizeForIndex(text: string): string {
  const lower = text.toLowerCase();
  let prevSpace = true;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c > 127 || (c >= 9 && c <= 13)) return normalizeText(text);
    if (c === 32) {
      if (prevSpace) return normalizeText(text);
      prevSpace = true;
    } else {
      prevSpace = false;
    }
  }
  return prevSpace && lower.length > 0 ? normalizeText(text) : lower;
}

// ---- token ----

function coding(o: Obj, out: IndexValue[]): void {
  const v: TokenIndexValue = { kind: 'token' };
  const system = str(o['system']);
  const code = str(o['code']);
  const display = str(o['display']);
  if (system) v.system = system;
  if (code) v.code = code;
  if (display) v.text = display.toLowerCase();
  if (system || code || display) out.push(v);
}

function typeText(type: unknown): string | undefined {
  if (!isObj(type)) return undefined;
  const text = str(type['text']);
  if (text) return text;
  const first = Array.isArray(type['coding']) ? (type['coding'] as unknown[])[0] : undefined;
  return isObj(first) ? (str(first['display']) ?? str(first['code'])) : undefined;
}

/** code, boolean, id, Coding, CodeableConcept (each coding and the text), Identifier, ContactPoint. */
export function addTokens(el: unknown, out: IndexValue[]): void {
  if (typeof el === 'string') {
    if (el.length > 0) out.push({ kind: 'token', code: el });
    return;
  }
  if (typeof el === 'boolean' || typeof el === 'number') {
    out.push({ kind: 'token', code: String(el) });
    return;
  }
  if (!isObj(el)) return;
  if (
    Array.isArray(el['coding']) ||
    (el['text'] !== undefined && el['value'] === undefined && el['code'] === undefined)
  ) {
    for (const c of (el['coding'] as unknown[] | undefined) ?? []) if (isObj(c)) coding(c, out);
    const text = str(el['text']);
    if (text) out.push({ kind: 'token', text: text.toLowerCase() });
    return;
  }
  const value = str(el['value']);
  if (value !== undefined) {
    // Identifier (system|value) or ContactPoint (phone|value): the same token shape.
    const v: TokenIndexValue = { kind: 'token', code: value };
    const system = str(el['system']);
    if (system) v.system = system;
    const text = typeText(el['type']);
    if (text) v.text = text.toLowerCase();
    out.push(v);
    return;
  }
  coding(el, out);
}

// ---- string ----

function pushString(s: string | undefined, out: IndexValue[], seen: Set<string>): void {
  if (!s || seen.has(s)) return;
  seen.add(s);
  const normalized = normalizeForIndex(s);
  if (normalized.length > 0) out.push({ kind: 'string', normalized, exact: s } satisfies StringIndexValue);
}

const ADDRESS_PARTS = ['city', 'district', 'state', 'postalCode', 'country'] as const;

/** string, HumanName (each part and the whole name), Address (each part and the whole address). */
export function addStrings(el: unknown, out: IndexValue[], seen: Set<string>): void {
  if (typeof el === 'string') return pushString(el, out, seen);
  if (!isObj(el)) return;
  if ('family' in el || 'given' in el || 'prefix' in el || 'suffix' in el) {
    const family = str(el['family']);
    const given = strs(el['given']);
    const prefix = strs(el['prefix']);
    const suffix = strs(el['suffix']);
    for (const p of [...prefix, ...given]) pushString(p, out, seen);
    pushString(family, out, seen);
    for (const p of suffix) pushString(p, out, seen);
    pushString(str(el['text']), out, seen);
    const whole = [...prefix, ...given, ...(family ? [family] : []), ...suffix].join(' ');
    pushString(whole, out, seen);
    return;
  }
  const lines = strs(el['line']);
  const parts = ADDRESS_PARTS.map((k) => str(el[k])).filter((p): p is string => p !== undefined);
  for (const p of [...lines, ...parts]) pushString(p, out, seen);
  pushString(str(el['text']), out, seen);
  if (lines.length + parts.length > 1) pushString([...lines, ...parts].join(' '), out, seen);
}

// ---- date ----

const DAY_MS = 86_400_000;

/** Reads `n` ASCII digits at `i`, or -1. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function monthDays(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * dateRange without the regular expression, for the shapes stored data has (`YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]`); anything else goes to dateRange, so the
 * result is always dateRange's (a test holds them equal).
 */
export function indexDateRange(s: string): { start: number; end: number } | undefined {
  const len = s.length;
  const year = digits(s, 0, 4);
  if (year < 100 || (len > 4 && s.charCodeAt(4) !== 45)) return dateRange(s);
  if (len === 4) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) - 1 };
  const month = len >= 7 ? digits(s, 5, 2) : -1;
  if (month < 1 || month > 12 || (len > 7 && s.charCodeAt(7) !== 45)) return dateRange(s);
  if (len === 7) return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 1) - 1 };
  const day = len >= 10 ? digits(s, 8, 2) : -1;
  if (day < 1 || day > monthDays(year, month)) return dateRange(s);
  const midnight = Date.UTC(year, month - 1, day);
  if (len === 10) return { start: midnight, end: midnight + DAY_MS - 1 };
  if (len < 19 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return dateRange(s);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return dateRange(s);
  let i = 19;
  let ms = 0;
  let width = 1000;
  if (s.charCodeAt(i) === 46) {
    const end = i + 4;
    if (end > len || digits(s, i + 1, 3) < 0) return dateRange(s);
    const next = s.charCodeAt(end);
    if (next >= 48 && next <= 57) return dateRange(s);
    ms = digits(s, i + 1, 3);
    width = 1;
    i = end;
  }
  let offset = 0;
  if (i === len - 1 && s.charCodeAt(i) === 90) {
    offset = 0;
  } else if (i === len - 6 && (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return dateRange(s);
    offset = (s.charCodeAt(i) === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else {
    return dateRange(s);
  }
  const start = midnight + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offset;
  return { start, end: start + width - 1 };
}

function periodValue(o: Obj, out: IndexValue[]): void {
  const startText = str(o['start']);
  const endText = str(o['end']);
  if (!startText && !endText) return;
  const start = startText ? indexDateRange(startText) : undefined;
  const end = endText ? indexDateRange(endText) : undefined;
  if ((startText && !start) || (endText && !end)) return;
  out.push({ kind: 'date', start: start ? start.start : -Infinity, end: end ? end.end : Infinity });
}

/** date, dateTime, instant (by precision), Period (open ends are infinite), Timing (its events). */
export function addDates(el: unknown, out: IndexValue[]): void {
  if (typeof el === 'string') {
    const r = indexDateRange(el);
    if (r) out.push({ kind: 'date', start: r.start, end: r.end });
    return;
  }
  if (!isObj(el)) return;
  if ('start' in el || 'end' in el) return periodValue(el, out);
  for (const event of strs(el['event'])) addDates(event, out);
  const repeat = el['repeat'];
  if (isObj(repeat) && isObj(repeat['boundsPeriod'])) periodValue(repeat['boundsPeriod'], out);
}

// ---- reference ----

function isTypeName(s: string): boolean {
  if (s.length === 0) return false;
  const first = s.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

function isId(s: string): boolean {
  if (s.length === 0 || s.length > 64) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46;
    if (!ok) return false;
  }
  return true;
}

/** Reads `Type/id`, `Type/id/_history/v`, an absolute URL ending so, or any other URL/URN. */
export function parseReference(ref: string): Omit<ReferenceIndexValue, 'kind'> | undefined {
  if (ref.length === 0 || ref.startsWith('#')) return undefined;
  if (ref.startsWith('urn:')) return { url: ref };
  const bar = ref.indexOf('|');
  let path = bar >= 0 ? ref.slice(0, bar) : ref;
  const history = path.indexOf('/_history/');
  if (history >= 0) path = path.slice(0, history);
  const absolute = path.includes('://');
  const slash = path.lastIndexOf('/');
  const prev = slash > 0 ? path.lastIndexOf('/', slash - 1) : -1;
  const type = path.slice(prev + 1, slash);
  const id = path.slice(slash + 1);
  if (slash > 0 && isTypeName(type) && isId(id) && (absolute || prev < 0)) {
    const v: Omit<ReferenceIndexValue, 'kind'> = { reference: `${type}/${id}`, type, id };
    if (absolute) v.url = path;
    return v;
  }
  return { url: path };
}

/** Reference (literal, absolute, logical by identifier) and canonical/uri strings. */
export function addReferences(el: unknown, out: IndexValue[], targets: ReadonlySet<string> | undefined): void {
  let v: ReferenceIndexValue | undefined;
  if (typeof el === 'string') {
    const parsed = parseReference(el);
    if (parsed) v = { kind: 'reference', ...parsed };
  } else if (isObj(el)) {
    const ref = str(el['reference']);
    const parsed = ref ? parseReference(ref) : undefined;
    v = { kind: 'reference', ...parsed };
    const type = str(el['type']);
    if (!v.type && type) v.type = type;
    const identifier = el['identifier'];
    if (isObj(identifier)) {
      const system = str(identifier['system']);
      const value = str(identifier['value']);
      if (system) v.identifierSystem = system;
      if (value) v.identifierValue = value;
    }
    if (!v.reference && !v.url && !v.identifierValue) v = undefined;
  }
  if (!v) return;
  if (targets && v.type && !targets.has(v.type) && !targets.has('Resource')) return;
  out.push(v);
}

// ---- quantity, number, uri, position ----

/** Quantity (value, system, code, unit) and Money (currency as an ISO 4217 code). */
export function addQuantities(el: unknown, out: IndexValue[]): void {
  if (!isObj(el) || typeof el['value'] !== 'number') return;
  const currency = str(el['currency']);
  if (currency) {
    out.push({ kind: 'quantity', value: el['value'], system: 'urn:iso:std:iso:4217', code: currency });
    return;
  }
  const v: IndexValue = { kind: 'quantity', value: el['value'] };
  const system = str(el['system']);
  const code = str(el['code']);
  const unit = str(el['unit']);
  if (system) v.system = system;
  if (code) v.code = code;
  if (unit) v.unit = unit;
  out.push(v);
}

/** integer, decimal, and the value of a Quantity. */
export function addNumbers(el: unknown, out: IndexValue[]): void {
  if (typeof el === 'number' && Number.isFinite(el)) out.push({ kind: 'number', value: el });
  else if (isObj(el) && typeof el['value'] === 'number') out.push({ kind: 'number', value: el['value'] });
}

/** uri, url, canonical, oid, uuid. */
export function addUris(el: unknown, out: IndexValue[]): void {
  if (typeof el === 'string' && el.length > 0) out.push({ kind: 'uri', value: el });
}

/** Location.position (WGS84 latitude and longitude). */
export function addPositions(el: unknown, out: IndexValue[]): void {
  if (!isObj(el)) return;
  const { latitude, longitude } = el;
  if (typeof latitude === 'number' && typeof longitude === 'number')
    out.push({ kind: 'position', latitude, longitude });
}
