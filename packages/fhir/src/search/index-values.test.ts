import { describe, expect, it } from 'vitest';
import { dateRange } from './dates.ts';
import {
  addDates,
  addQuantities,
  addReferences,
  addTokens,
  indexDateRange,
  normalizeForIndex,
  parseReference,
} from './index-values.ts';
import { compilePath, evaluatePath } from './path.ts';
import { normalizeText } from './text.ts';
import type { IndexValue } from './types.ts';

const utc = (iso: string): number => Date.parse(iso);
const dates = (el: unknown): IndexValue[] => {
  const out: IndexValue[] = [];
  addDates(el, out);
  return out;
};

describe('date index values', () => {
  it('a year covers the whole year', () => {
    expect(dates('2024')).toEqual([
      { kind: 'date', start: utc('2024-01-01T00:00:00Z'), end: utc('2025-01-01T00:00:00Z') - 1 },
    ]);
  });

  it('a day covers that UTC day', () => {
    expect(dates('2024-03-05')).toEqual([
      { kind: 'date', start: utc('2024-03-05T00:00:00Z'), end: utc('2024-03-06T00:00:00Z') - 1 },
    ]);
  });

  it('a dateTime with a zone is that exact second, shifted to UTC', () => {
    expect(dates('2024-03-05T10:15:30+02:00')).toEqual([
      { kind: 'date', start: utc('2024-03-05T08:15:30Z'), end: utc('2024-03-05T08:15:31Z') - 1 },
    ]);
  });

  it('a Period without end is open to +Infinity and without start open to -Infinity', () => {
    expect(dates({ start: '2024-03-05' })).toEqual([
      { kind: 'date', start: utc('2024-03-05T00:00:00Z'), end: Infinity },
    ]);
    expect(dates({ end: '2024' })).toEqual([{ kind: 'date', start: -Infinity, end: utc('2025-01-01T00:00:00Z') - 1 }]);
    expect(dates({})).toEqual([]);
  });

  it('a Timing gives one range per event', () => {
    expect(dates({ event: ['2024-01-01', '2024-01-02'] }).length).toBe(2);
  });

  it('the fast parser agrees with dateRange on every shape, valid or not', () => {
    const samples = [
      '2024',
      '0099',
      '0100',
      '1999-12',
      '2024-02-29',
      '2023-02-29',
      '2024-04-31',
      '2024-00-01',
      '2024-1-01',
      '2024-03-05T10:15:30Z',
      '2024-03-05T10:15:30.1Z',
      '2024-03-05T10:15:30.123Z',
      '2024-03-05T10:15:30.123456Z',
      '2024-03-05T10:15:30+14:00',
      '2024-03-05T10:15:30-05:30',
      '2024-03-05T10:15:30+15:00',
      '2024-03-05T10:15Z',
      '2024-03-05T10:15:30',
      '2024-03-05T24:00:00Z',
      '2024-03-05T23:59:60Z',
      '2024-03-05T10:15:30.Z',
      '2024-03-05 10:15',
      '2024-03-05T10:15:30.123+01:00',
      '2024-03-05T10:15:30z',
      '2024-03-05X',
      '',
      '20240305',
      'abcd',
    ];
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
    for (let k = 0; k < 500; k++) {
      const date = `${pad(1 + rnd(9999), 4)}-${pad(1 + rnd(12))}-${pad(1 + rnd(31))}`;
      const zone = ['Z', `+${pad(rnd(15))}:${pad(rnd(60))}`, `-${pad(rnd(15))}:${pad(rnd(60))}`][rnd(3)];
      samples.push(
        date,
        `${date}T${pad(rnd(24))}:${pad(rnd(60))}:${pad(rnd(60))}${rnd(2) ? `.${pad(rnd(1000), 3)}` : ''}${zone}`,
      );
    }
    for (const s of samples) expect(indexDateRange(s), s).toEqual(dateRange(s));
  });

  it('a malformed date gives nothing rather than a wrong range', () => {
    expect(dates('notadate')).toEqual([]);
    expect(dates('2024-13-01')).toEqual([]);
    expect(dates({ start: 'soon', end: '2024' })).toEqual([]);
  });
});

describe('reference index values', () => {
  it('reads relative, versioned, absolute and other references', () => {
    expect(parseReference('Patient/123')).toEqual({ reference: 'Patient/123', type: 'Patient', id: '123' });
    expect(parseReference('Patient/123/_history/4')).toEqual({ reference: 'Patient/123', type: 'Patient', id: '123' });
    expect(parseReference('https://plan.example/fhir/Patient/123/_history/4')).toEqual({
      reference: 'Patient/123',
      type: 'Patient',
      id: '123',
      url: 'https://plan.example/fhir/Patient/123',
    });
    expect(parseReference('urn:uuid:0b4a3c52-0000-4000-8000-000000000000')).toEqual({
      url: 'urn:uuid:0b4a3c52-0000-4000-8000-000000000000',
    });
    expect(parseReference('http://example.org/questionnaires/phq-9|1.0')).toEqual({
      url: 'http://example.org/questionnaires/phq-9',
    });
    expect(parseReference('#contained')).toBeUndefined();
    expect(parseReference('not/a/Patient/1')).toEqual({ url: 'not/a/Patient/1' });
  });

  it('skips references to types the parameter does not target, and keeps untyped ones', () => {
    const out: IndexValue[] = [];
    const targets = new Set(['Patient']);
    addReferences({ reference: 'Group/1' }, out, targets);
    addReferences({ reference: 'Patient/1' }, out, targets);
    addReferences({ identifier: { value: 'x' } }, out, targets);
    addReferences({ display: 'only a display' }, out, targets);
    expect(out).toEqual([
      { kind: 'reference', reference: 'Patient/1', type: 'Patient', id: '1' },
      { kind: 'reference', identifierValue: 'x' },
    ]);
  });

  it('takes the type of a logical reference from Reference.type', () => {
    const out: IndexValue[] = [];
    addReferences({ type: 'Organization', identifier: { system: 's', value: 'v' } }, out, new Set(['Practitioner']));
    addReferences({ type: 'Organization', identifier: { system: 's', value: 'v' } }, out, new Set(['Organization']));
    expect(out).toEqual([{ kind: 'reference', type: 'Organization', identifierSystem: 's', identifierValue: 'v' }]);
  });
});

describe('token and quantity index values', () => {
  it('reads booleans, codes, Codings and ContactPoints', () => {
    const out: IndexValue[] = [];
    addTokens(true, out);
    addTokens('female', out);
    addTokens({ system: 'http://snomed.info/sct', code: '123' }, out);
    addTokens({ system: 'phone', value: '555-0100', use: 'work' }, out);
    expect(out).toEqual([
      { kind: 'token', code: 'true' },
      { kind: 'token', code: 'female' },
      { kind: 'token', system: 'http://snomed.info/sct', code: '123' },
      { kind: 'token', system: 'phone', code: '555-0100' },
    ]);
  });

  it('reads Money as a quantity in ISO 4217 currency', () => {
    const out: IndexValue[] = [];
    addQuantities({ value: 12.5, currency: 'USD' }, out);
    expect(out).toEqual([{ kind: 'quantity', value: 12.5, system: 'urn:iso:std:iso:4217', code: 'USD' }]);
  });
});

describe('normalizeForIndex', () => {
  it('gives exactly what normalizeText gives, also on its fast path', () => {
    for (const s of ['Boston', 'JOSÉ  María', ' lead', 'trail ', 'tab\there', 'a  b', 'Ça va', 'ﬁ ligature', '', ' ']) {
      expect(normalizeForIndex(s), JSON.stringify(s)).toBe(normalizeText(s));
    }
  });
});

describe('search paths', () => {
  it('keeps dots inside extension urls and filters', () => {
    expect(compilePath('extension(http://a.b/c.d).valueReference')).toEqual([
      { kind: 'extension', url: 'http://a.b/c.d' },
      { kind: 'field', name: 'valueReference' },
    ]);
    expect(compilePath("identifier[system='http://x.y'].value")).toEqual([
      { kind: 'field', name: 'identifier', filterField: 'system', filterValue: 'http://x.y' },
      { kind: 'field', name: 'value' },
    ]);
  });

  it('refuses malformed paths', () => {
    expect(() => compilePath('a..b')).toThrow();
    expect(() => compilePath('extension(http://x.y')).toThrow();
    expect(() => compilePath('telecom[system].value')).toThrow();
  });

  it('flattens arrays at every step and applies filters', () => {
    const out: unknown[] = [];
    const resource = {
      item: [{ detail: [{ v: 1 }, { v: 2 }] }, { detail: { v: 3 } }, { other: true }],
      telecom: [
        { system: 'email', value: 'a@x' },
        { system: 'phone', value: '1' },
      ],
    };
    evaluatePath(resource, compilePath('item.detail.v'), out);
    evaluatePath(resource, compilePath('telecom[system=email].value'), out);
    expect(out).toEqual([1, 2, 3, 'a@x']);
  });
});
