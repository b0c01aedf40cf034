import { badRequest, type FhirError } from '../outcome.ts';
import type { Prefix } from './types.ts';

/** What a value parser needs to know to report an error against the parameter as the client wrote it. */
export interface ValueContext {
  /** The parameter name as given (`date`, `subject:Patient.birthdate`). */
  name: string;
  /** The whole value as given. */
  raw: string;
}

/** A 400 naming the parameter and value as written (`date=notadate`), with what was expected. */
export function invalidValue(ctx: ValueContext, expected: string): FhirError {
  return badRequest(`Invalid search parameter value ${ctx.name}=${ctx.raw}: ${expected}`, [ctx.name]);
}

/**
 * Splits on `sep` where it is not escaped with a backslash. Escapes are kept in the parts (so a
 * later split on another separator still sees them); `unescapeValue` removes them at the end.
 */
export function splitEscaped(value: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + (value[i + 1] as string);
      i++;
    } else if (ch === sep) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** Removes FHIR search escapes (`\,` `\|` `\$` `\\`). */
export function unescapeValue(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

const PREFIX_RE = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)(?=[\d+\-.])/;

/** Splits an optional comparison prefix off a date, number or quantity value (default `eq`). */
export function splitPrefix(value: string): { prefix: Prefix; rest: string } {
  const m = PREFIX_RE.exec(value);
  if (!m) return { prefix: 'eq', rest: value };
  return { prefix: m[1] as Prefix, rest: value.slice(2) };
}

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.(\d+))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;

/**
 * A decimal with the range its significant figures imply: `100` is [99.5, 100.5), `1e2` is
 * [50, 150), `100.00` is [99.995, 100.005). `lo` is inclusive, `hi` exclusive.
 */
export function parseDecimal(text: string): { value: number; lo: number; hi: number } | undefined {
  const m = DECIMAL_RE.exec(text);
  if (!m) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  const decimals = (m[1] ?? m[2] ?? '').length;
  const exponent = m[3] === undefined ? 0 : Number(m[3]);
  const half = 0.5 * 10 ** (exponent - decimals);
  return { value, lo: value - half, hi: value + half };
}
