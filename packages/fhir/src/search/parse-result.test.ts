import { describe, it, expect } from 'vitest';
import { FhirError } from '../outcome.ts';
import { parseSearch, type ParseOptions } from './parse.ts';
import { fixtureRegistry, param } from '../testing/search-fixtures.ts';
import type { SearchRequest } from './types.ts';

const OPTIONS: ParseOptions = { defaultCount: 20, maxCount: 100, strict: false, now: 0 };
const registry = fixtureRegistry();

function parse(type: string, query: string, options: Partial<ParseOptions> = {}): SearchRequest {
  return parseSearch(type, new URLSearchParams(query), registry, { ...OPTIONS, ...options });
}

function failure(type: string, query: string): FhirError {
  try {
    parse(type, query);
  } catch (err) {
    if (err instanceof FhirError) return err;
    throw err;
  }
  throw new Error(`expected ${type}?${query} to fail`);
}

describe('parseSearch: result parameters', () => {
  it('without result parameters the defaults apply', () => {
    expect(parse('Patient', '')).toEqual({
      resourceType: 'Patient',
      criteria: [],
      include: [],
      revinclude: [],
      sort: [],
      count: 20,
      offset: 0,
      total: 'estimate',
      selfParams: [],
      ignored: [],
    });
  });

  it('a default count above the maximum is clamped too', () => {
    expect(parse('Patient', '', { defaultCount: 500 }).count).toBe(100);
  });

  it.each([
    ['_count=0', 0],
    ['_count=7', 7],
    ['_count=100', 100],
    ['_count=5000', 100],
    ['_count=3&_count=9', 9],
  ])('%s gives count %d', (query, count) => {
    expect(parse('Patient', query).count).toBe(count);
  });

  it.each(['_count=-1', '_count=1.5', '_count=ten', '_count=1e2', '_offset=-5', '_offset=x'])(
    '%s is a 400 naming the value',
    (query) => {
      const err = failure('Patient', query);
      expect(err.status).toBe(400);
      expect(err.message).toBe(`Invalid ${query}: expected a non-negative integer`);
    },
  );

  it('refuses an _offset or _count past a billion with a 400 (found by the server fuzz test as a 500)', () => {
    for (const query of ['_offset=99999999999999999999999', '_offset=1000000000', '_count=99999999999999999999']) {
      expect(() => parse('Patient', query), query).toThrow(/expected an integer below 1000000000/);
    }
    expect(parse('Patient', '_offset=999999999').offset).toBe(999999999);
  });

  it('_offset sets the first match of the page', () => {
    expect(parse('Patient', '_offset=40').offset).toBe(40);
  });

  it('_cursor is kept as given (the last one wins) and left out of the self link parameters', () => {
    const request = parse('Patient', '_cursor=abc&name=x&_cursor=WzEsImIiXQ');
    expect(request.cursor).toBe('WzEsImIiXQ');
    expect(request.selfParams).toEqual([['name', 'x']]);
    expect(parse('Patient', 'name=x').cursor).toBeUndefined();
  });

  it('_sort takes a comma list with - for descending', () => {
    expect(parse('Observation', '_sort=-date,code,_id').sort).toEqual([
      { param: param('Observation', 'date'), descending: true },
      { param: param('Observation', 'code'), descending: false },
      { param: param('Observation', '_id'), descending: false },
    ]);
  });

  it.each([
    ['_sort=shoe', 'Unknown sort parameter shoe for Observation in _sort=shoe'],
    ['_sort=-date,-shoe', 'Unknown sort parameter shoe for Observation in _sort=-date,-shoe'],
    ['_sort:desc=date', 'Unknown modifier :desc on _sort'],
  ])('%s is a 400: %s', (query, message) => {
    expect(failure('Observation', query).message).toBe(message);
  });

  it('sorting by near is refused', () => {
    expect(failure('Location', '_sort=near').message).toBe('Cannot sort by near in _sort=near');
  });

  it('_include and _revinclude take Source:param, Source:param:Target and Source:*', () => {
    const request = parse(
      'PractitionerRole',
      '_include=PractitionerRole:practitioner&_include=PractitionerRole:organization:Organization' +
        '&_include:iterate=Organization:partof&_revinclude=Provenance:target&_include=PractitionerRole:*' +
        '&_revinclude:recurse=PractitionerRole:location,PractitionerRole:network',
    );
    expect(request.include).toEqual([
      { sourceType: 'PractitionerRole', param: param('PractitionerRole', 'practitioner'), iterate: false },
      {
        sourceType: 'PractitionerRole',
        param: param('PractitionerRole', 'organization'),
        targetType: 'Organization',
        iterate: false,
      },
      { sourceType: 'Organization', param: param('Organization', 'partof'), iterate: true },
      { sourceType: 'PractitionerRole', param: '*', iterate: false },
    ]);
    expect(request.revinclude).toEqual([
      { sourceType: 'Provenance', param: param('Provenance', 'target'), iterate: false },
      { sourceType: 'PractitionerRole', param: param('PractitionerRole', 'location'), iterate: true },
      { sourceType: 'PractitionerRole', param: param('PractitionerRole', 'network'), iterate: true },
    ]);
  });

  it.each([
    ['_include=Spaceship:crew', 'Invalid _include=Spaceship:crew: unknown resource type Spaceship'],
    ['_include=PractitionerRole:boss', 'Invalid _include=PractitionerRole:boss: unknown search parameter'],
    ['_include=PractitionerRole:specialty', 'PractitionerRole:specialty is not a reference parameter'],
    ['_include=PractitionerRole:practitioner:Patient', 'PractitionerRole:practitioner cannot refer to Patient'],
    ['_include=PractitionerRole', 'expected SourceType:parameter[:TargetType] or SourceType:*'],
    ['_include=PractitionerRole:practitioner:Practitioner:x', 'expected SourceType:parameter'],
    ['_include:deep=PractitionerRole:practitioner', 'Unknown modifier :deep on _include:deep'],
    ['_revinclude=Spaceship:crew', 'Invalid _revinclude=Spaceship:crew: unknown resource type Spaceship'],
  ])('%s is a 400 (%s)', (query, message) => {
    const err = failure('PractitionerRole', query);
    expect(err.status).toBe(400);
    expect(err.message).toContain(message);
  });

  it.each(['true', 'false', 'text', 'data', 'count'])('_summary=%s is accepted', (mode) => {
    expect(parse('Patient', `_summary=${mode}`).summary).toBe(mode);
  });

  it('_summary with another value is a 400', () => {
    expect(failure('Patient', '_summary=brief').message).toBe(
      'Invalid _summary=brief: expected true, false, text, data or count',
    );
  });

  it('_elements is a trimmed comma list; a Type. prefix of the searched type is dropped', () => {
    expect(parse('Patient', '_elements=name, birthDate,Patient.gender,name.family').elements).toEqual([
      'name',
      'birthDate',
      'gender',
      'name.family',
    ]);
    expect(failure('Patient', '_elements=name,$x').status).toBe(400);
  });

  it.each(['none', 'estimate', 'accurate'])('_total=%s is accepted', (mode) => {
    expect(parse('Patient', `_total=${mode}`).total).toBe(mode);
  });

  it('_total with another value is a 400', () => {
    expect(failure('Patient', '_total=exact').message).toBe(
      'Invalid _total=exact: expected none, estimate or accurate',
    );
  });

  it('_format and _pretty are accepted and change nothing else', () => {
    const request = parse('Patient', '_format=json&_pretty=true');
    expect(request.criteria).toEqual([]);
    expect(request.ignored).toEqual([]);
    expect(request.selfParams).toEqual([
      ['_format', 'json'],
      ['_pretty', 'true'],
    ]);
  });
});

describe('parseSearch: selfParams', () => {
  it('lists understood parameters as given, in input order, without ignored ones', () => {
    const request = parse(
      'Observation',
      'patient=Patient/1&foo=bar&code=http://loinc.org|1234-5,abc&_count=10&date=ge2024&_sort=-date&_include=Observation:patient',
    );
    expect(request.selfParams).toEqual([
      ['patient', 'Patient/1'],
      ['code', 'http://loinc.org|1234-5,abc'],
      ['_count', '10'],
      ['date', 'ge2024'],
      ['_sort', '-date'],
      ['_include', 'Observation:patient'],
    ]);
  });

  it('shows a date with the + of its zone as meant when it arrived as a space, also through _has and chains', () => {
    const request = parse(
      'Observation',
      'date=2024-02-03T10:00:05+02:00,ge2024-02-04T00:00:00+00:00&code=a+b&_lastUpdated=2024-02-03T10:00:05.123%2B00:00',
    );
    expect(request.selfParams).toEqual([
      ['date', '2024-02-03T10:00:05+02:00,ge2024-02-04T00:00:00+00:00'],
      ['code', 'a b'],
      ['_lastUpdated', '2024-02-03T10:00:05.123+00:00'],
    ]);
    expect(parse('Patient', '_has:Observation:patient:date=2024-02-03T10:00:05+02:00').selfParams).toEqual([
      ['_has:Observation:patient:date', '2024-02-03T10:00:05+02:00'],
    ]);
  });

  it('a repeated single-valued result parameter appears once, with its last value', () => {
    expect(parse('Observation', '_count=5&code=a&_count=8&code=b').selfParams).toEqual([
      ['code', 'a'],
      ['_count', '8'],
      ['code', 'b'],
    ]);
  });

  it('accepts any iterable of pairs, such as a POST body read into an array', () => {
    const request = parseSearch(
      'Patient',
      [
        ['gender', 'female'],
        ['_count', '2'],
      ],
      registry,
      OPTIONS,
    );
    expect(request.count).toBe(2);
    expect(request.criteria).toHaveLength(1);
  });
});
