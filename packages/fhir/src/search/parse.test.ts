import { describe, it, expect } from 'vitest';
import { FhirError } from '../outcome.ts';
import { parseSearch, type ParseOptions } from './parse.ts';
import { fixtureRegistry } from '../testing/search-fixtures.ts';
import type { ParamCriterion, SearchRequest, SearchValue } from './types.ts';

const NOW = Date.UTC(2025, 0, 1);
const OPTIONS: ParseOptions = { defaultCount: 20, maxCount: 100, strict: false, now: NOW };
const registry = fixtureRegistry();

function parse(type: string, query: string, options: Partial<ParseOptions> = {}): SearchRequest {
  return parseSearch(type, new URLSearchParams(query), registry, { ...OPTIONS, ...options });
}

/** The values of the only criterion of a query. */
function values(type: string, query: string, options: Partial<ParseOptions> = {}): SearchValue[] {
  const request = parse(type, query, options);
  expect(request.criteria).toHaveLength(1);
  return (request.criteria[0] as ParamCriterion).values;
}

function failure(type: string, query: string, options: Partial<ParseOptions> = {}): FhirError {
  try {
    parse(type, query, options);
  } catch (err) {
    if (err instanceof FhirError) return err;
    throw err;
  }
  throw new Error(`expected ${type}?${query} to fail`);
}

const ms = (iso: string) => Date.parse(iso);

describe('parseSearch: resource types and unknown parameters', () => {
  it('an unknown resource type is a 404 naming it', () => {
    const err = failure('Spaceship', 'name=x');
    expect(err.status).toBe(404);
    expect(err.message).toBe('Unknown resource type Spaceship');
  });

  it('an unknown parameter is ignored, listed, and left out of selfParams', () => {
    const request = parse('Patient', 'foo=1&name=ann&bar:exact=2');
    expect(request.ignored).toEqual(['foo', 'bar:exact']);
    expect(request.selfParams).toEqual([['name', 'ann']]);
    expect(request.criteria).toHaveLength(1);
  });

  it('an unknown parameter is a 400 in strict mode', () => {
    const err = failure('Patient', 'foo=1', { strict: true });
    expect(err.status).toBe(400);
    expect(err.message).toBe('Unknown search parameter foo for Patient');
  });

  it('empty values are ignored entirely', () => {
    const request = parse('Patient', 'name=&gender=,&birthdate=%20&_count=');
    expect(request.criteria).toEqual([]);
    expect(request.selfParams).toEqual([]);
    expect(request.ignored).toEqual([]);
  });

  it('a repeated parameter gives one AND criterion per occurrence; commas give OR values', () => {
    const request = parse('Observation', 'code=a,b&code=c');
    expect(request.criteria).toHaveLength(2);
    expect((request.criteria[0] as ParamCriterion).values).toEqual([
      { kind: 'token', code: 'a' },
      { kind: 'token', code: 'b' },
    ]);
    expect((request.criteria[1] as ParamCriterion).values).toEqual([{ kind: 'token', code: 'c' }]);
  });

  it('an escaped comma stays inside one value', () => {
    expect(values('Patient', 'name=smith\\,john,doe')).toEqual([
      { kind: 'string', value: 'smith,john' },
      { kind: 'string', value: 'doe' },
    ]);
  });

  it('common parameters apply to every type', () => {
    expect(values('Organization', '_id=a1,b2')).toEqual([
      { kind: 'token', code: 'a1' },
      { kind: 'token', code: 'b2' },
    ]);
  });
});

describe('parseSearch: token', () => {
  it.each([
    ['code=1234-5', { kind: 'token', code: '1234-5' }],
    ['code=http://loinc.org|1234-5', { kind: 'token', system: 'http://loinc.org', code: '1234-5' }],
    ['code=|1234-5', { kind: 'token', system: null, code: '1234-5' }],
    ['code=http://loinc.org|', { kind: 'token', system: 'http://loinc.org' }],
    ['code=a\\|b', { kind: 'token', code: 'a|b' }],
    ['code:text=Blood%20Préssure', { kind: 'token', text: 'blood pressure' }],
  ])('%s parses to %j', (query, expected) => {
    expect(values('Observation', query)).toEqual([expected]);
  });

  it('the :not modifier is kept on the criterion', () => {
    const c = parse('Observation', 'status:not=final').criteria[0] as ParamCriterion;
    expect(c.modifier).toBe('not');
    expect(c.values).toEqual([{ kind: 'token', code: 'final' }]);
  });

  it.each([
    ['code=|', 'Invalid search parameter value code=|: expected code, system|code, |code or system|'],
    ['code=a|b|c', 'Invalid search parameter value code=a|b|c: expected code, system|code, |code or system|'],
    ['code:in=http://vs', 'Modifier :in is not supported on search parameter code (token) in code:in'],
    ['code:of-type=a|b|c', 'Modifier :of-type is not supported on search parameter code (token) in code:of-type'],
    ['code:exact=x', 'Modifier :exact is not supported on search parameter code (token) in code:exact'],
    ['code:bogus=x', 'Unknown modifier :bogus in search parameter code:bogus'],
    ['code:not:text=x', 'Search parameter code:not:text has more than one modifier'],
  ])('%s is a 400: %s', (query, message) => {
    const err = failure('Observation', query);
    expect(err.status).toBe(400);
    expect(err.message).toBe(message);
  });
});

describe('parseSearch: string', () => {
  it('the default and :contains values are normalized; :exact keeps the text as given', () => {
    expect(values('Patient', 'name=  JOSÉ   María ')).toEqual([{ kind: 'string', value: 'jose maria' }]);
    const contains = parse('Patient', 'name:contains=ÉR').criteria[0] as ParamCriterion;
    expect(contains).toMatchObject({ modifier: 'contains', values: [{ kind: 'string', value: 'er' }] });
    const exact = parse('Patient', 'name:exact=José').criteria[0] as ParamCriterion;
    expect(exact).toMatchObject({ modifier: 'exact', values: [{ kind: 'string', value: 'José' }] });
  });

  it(':text on a string parameter is a 400', () => {
    expect(failure('Patient', 'name:text=x').message).toContain('Modifier :text is not supported');
  });
});

describe('parseSearch: date', () => {
  it.each([
    ['2024', 'eq', '2024-01-01T00:00:00.000Z', '2024-12-31T23:59:59.999Z'],
    ['eq2024-02', 'eq', '2024-02-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z'],
    ['ne2024-02-03', 'ne', '2024-02-03T00:00:00.000Z', '2024-02-03T23:59:59.999Z'],
    ['gt2024-02-03T10:00', 'gt', '2024-02-03T10:00:00.000Z', '2024-02-03T10:00:59.999Z'],
    ['ge2024-02-03T10:00:05Z', 'ge', '2024-02-03T10:00:05.000Z', '2024-02-03T10:00:05.999Z'],
    ['lt2024-02-03T10:00:05.1Z', 'lt', '2024-02-03T10:00:05.100Z', '2024-02-03T10:00:05.199Z'],
    ['le2024-02-03T10:00:05%2B02:00', 'le', '2024-02-03T08:00:05.000Z', '2024-02-03T08:00:05.999Z'],
    ['sa2024-02-03T10:00:05-05:00', 'sa', '2024-02-03T15:00:05.000Z', '2024-02-03T15:00:05.999Z'],
    ['eb2024', 'eb', '2024-01-01T00:00:00.000Z', '2024-12-31T23:59:59.999Z'],
  ])('date=%s has prefix %s and range %s..%s', (value, prefix, start, end) => {
    expect(values('Observation', `date=${value}`)).toEqual([
      { kind: 'date', prefix, start: ms(start), end: ms(end), raw: value.replace('%2B', '+') },
    ]);
  });

  it('an unencoded + in a zone (read as a space) is taken as +', () => {
    const [v] = values('Observation', 'date=ge2024-02-03T10:00:05+02:00');
    expect(v).toMatchObject({
      prefix: 'ge',
      start: ms('2024-02-03T08:00:05.000Z'),
      raw: 'ge2024-02-03T10:00:05+02:00',
    });
  });

  it('every value of a list may have an unencoded + in its zone', () => {
    const list = values('Observation', 'date=2024-02-03T10:00:05+02:00,2024-02-03T10:00:05.123+00:00');
    expect(list).toMatchObject([
      { prefix: 'eq', start: ms('2024-02-03T08:00:05.000Z'), end: ms('2024-02-03T08:00:05.999Z') },
      { prefix: 'eq', start: ms('2024-02-03T10:00:05.123Z'), end: ms('2024-02-03T10:00:05.123Z') },
    ]);
  });

  it('ap widens the range by 10% of its distance from now', () => {
    // 2024-01-01 midday is ~365.5 days before NOW: the margin is ~36.55 days on each side.
    const [v] = values('Observation', 'date=ap2024-01-01');
    const mid = (ms('2024-01-01T00:00:00Z') + ms('2024-01-01T23:59:59.999Z')) / 2;
    const margin = (NOW - mid) * 0.1;
    expect(v).toMatchObject({ kind: 'date', prefix: 'ap', raw: 'ap2024-01-01' });
    const { start, end } = v as { start: number; end: number };
    expect(Math.abs(start - (ms('2024-01-01T00:00:00Z') - margin))).toBeLessThanOrEqual(1);
    expect(Math.abs(end - (ms('2024-01-01T23:59:59.999Z') + margin))).toBeLessThanOrEqual(1);
  });

  it('ap of a value at "now" still covers the value itself', () => {
    const [v] = values('Observation', 'date=ap2025-01-01', { now: ms('2025-01-01T12:00:00Z') });
    expect(v).toMatchObject({ start: ms('2025-01-01T00:00:00Z'), end: ms('2025-01-01T23:59:59.999Z') });
  });

  it.each(['notadate', '2024-13', 'xx2024', 'gt', '2023-02-29', 'ge2024-01-01T10', '2024/01/01'])(
    'date=%s is a 400 naming the parameter and value',
    (value) => {
      const err = failure('Observation', `date=${value}`);
      expect(err.status).toBe(400);
      expect(err.message).toContain(`date=${value}`);
      expect(err.toOutcome().issue[0]?.code).toBe('invalid');
    },
  );

  it('_lastUpdated is a date too', () => {
    expect(values('Patient', '_lastUpdated=gt2024-05')).toEqual([
      { kind: 'date', prefix: 'gt', start: ms('2024-05-01'), end: ms('2024-06-01') - 1, raw: 'gt2024-05' },
    ]);
  });

  it(':missing works on dates, and other modifiers do not', () => {
    expect(values('Patient', 'birthdate:missing=true')).toEqual([{ kind: 'missing', missing: true }]);
    expect(failure('Patient', 'birthdate:exact=2024').message).toContain('Modifier :exact is not supported');
  });
});

describe('parseSearch: number and quantity', () => {
  it.each([
    ['probability=0.8', { kind: 'number', prefix: 'eq', value: 0.8, lo: 0.75, hi: 0.85 }],
    ['probability=gt100', { kind: 'number', prefix: 'gt', value: 100, lo: 99.5, hi: 100.5 }],
    ['probability=1e2', { kind: 'number', prefix: 'eq', value: 100, lo: 50, hi: 150 }],
    ['probability=le-3', { kind: 'number', prefix: 'le', value: -3, lo: -3.5, hi: -2.5 }],
  ])('%s parses to %j', (query, expected) => {
    const [v] = values('RiskAssessment', query);
    expect(v).toMatchObject({ kind: expected.kind, prefix: expected.prefix, value: expected.value });
    expect((v as { lo: number }).lo).toBeCloseTo(expected.lo, 12);
    expect((v as { hi: number }).hi).toBeCloseTo(expected.hi, 12);
  });

  it.each([
    ['value-quantity=5.4', { prefix: 'eq', value: 5.4 }],
    [
      'value-quantity=ge5.4|http://unitsofmeasure.org|mg',
      { prefix: 'ge', system: 'http://unitsofmeasure.org', code: 'mg' },
    ],
    ['value-quantity=lt5||mg', { prefix: 'lt', value: 5, code: 'mg' }],
  ])('%s parses', (query, expected) => {
    const [v] = values('Observation', query);
    expect(v).toMatchObject({ kind: 'quantity', ...expected });
    if (!query.includes('http')) expect(v).not.toHaveProperty('system');
  });

  it.each(['probability=abc', 'probability=gt', 'probability=1.2.3'])('%s is a 400', (query) => {
    expect(failure('RiskAssessment', query).message).toContain(`Invalid search parameter value ${query}`);
  });

  it.each(['value-quantity=5|mg', 'value-quantity=x|s|c'])('%s is a 400', (query) => {
    expect(failure('Observation', query).message).toContain('expected [prefix]number');
  });
});

describe('parseSearch: uri and near', () => {
  it('uri keeps its value and accepts :below and :above', () => {
    expect(values('Questionnaire', 'url=http://x.org/q')).toEqual([{ kind: 'uri', value: 'http://x.org/q' }]);
    const below = parse('Questionnaire', 'url:below=http://x.org/').criteria[0] as ParamCriterion;
    expect(below.modifier).toBe('below');
    expect(failure('Questionnaire', 'url:contains=x').status).toBe(400);
  });

  it.each([
    ['42.36|-71.06|10|km', 10],
    ['42.36|-71.06|10', 10],
    ['42.36|-71.06|500|m', 0.5],
    ['42.36|-71.06|10|mi', 16.09344],
    ['42.36|-71.06|10|[mi_i]', 16.09344],
    ['42.36|-71.06', 50],
  ])('near=%s is within %d km', (value, km) => {
    const [v] = values('Location', `near=${encodeURIComponent(value)}`);
    expect(v).toMatchObject({ kind: 'near', latitude: 42.36, longitude: -71.06 });
    expect((v as { distanceKm: number }).distanceKm).toBeCloseTo(km, 9);
  });

  it.each(['42.36', '91|0', '0|181|1', 'a|b', '42|-71|10|furlongs', '42|-71|-1|km', '1|2|3|km|5'])(
    'near=%s is a 400',
    (value) => {
      expect(failure('Location', `near=${encodeURIComponent(value)}`).message).toContain(`near=${value}`);
    },
  );

  it('a special parameter other than near is a 400', () => {
    expect(failure('Questionnaire', '_text=x').message).toBe('Search parameter _text (special) is not supported');
  });
});

describe('parseSearch: :missing', () => {
  it.each([
    ['Patient', 'gender:missing=false', false],
    ['Patient', 'name:missing=true', true],
    ['Observation', 'patient:missing=true', true],
  ])('%s?%s gives missing=%s', (type, query, missing) => {
    const c = parse(type, query).criteria[0] as ParamCriterion;
    expect(c.modifier).toBe('missing');
    expect(c.values).toEqual([{ kind: 'missing', missing }]);
  });

  it('a :missing value other than true or false is a 400', () => {
    expect(failure('Patient', 'gender:missing=yes').message).toBe(
      'Invalid search parameter value gender:missing=yes: :missing takes true or false',
    );
  });
});
