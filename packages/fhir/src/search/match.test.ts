import { describe, it, expect } from 'vitest';
import { dateRange } from './dates.ts';
import { matchesCriterion } from './match.ts';
import { distanceKm } from './match-values.ts';
import { parseSearch } from './parse.ts';
import { fixtureRegistry } from '../testing/search-fixtures.ts';
import type { DateIndexValue, IndexValue, ParamCriterion, Prefix } from './types.ts';

const registry = fixtureRegistry();
const DAY = Date.parse('2024-06-15T00:00:00Z');

/** The single criterion of `type?query`, parsed by the real parser. */
function crit(type: string, query: string, now = DAY): ParamCriterion {
  const request = parseSearch(type, new URLSearchParams(query), registry, {
    defaultCount: 10,
    maxCount: 10,
    strict: true,
    now,
  });
  return request.criteria[0] as ParamCriterion;
}

function date(literal: string, endLiteral?: string): DateIndexValue {
  const a = dateRange(literal);
  const b = endLiteral === undefined ? a : dateRange(endLiteral);
  if (!a || !b) throw new Error(`bad fixture date ${literal}`);
  return { kind: 'date', start: a.start, end: b.end };
}

// Resource values compared with the search value 2024-06-15 (a whole day).
const RESOURCES: Record<string, DateIndexValue> = {
  inside: date('2024-06-15T10:00'),
  same: date('2024-06-15'),
  before: date('2024-06-10'),
  after: date('2024-06-20'),
  overlapsStart: date('2024-06-14T12:00', '2024-06-15T12:00'),
  overlapsEnd: date('2024-06-15T12:00', '2024-06-16T12:00'),
  enclosing: date('2024'),
  openEnded: { kind: 'date', start: Date.parse('2024-06-10'), end: Infinity },
};

// Expected result per resource above, in order: inside same before after overlapsStart overlapsEnd enclosing openEnded.
const EXPECTED: Record<Prefix, string> = {
  eq: 'TTFFFFFF',
  ne: 'FFTTTTTT',
  gt: 'FFFTFTTT',
  ge: 'TTFTTTTT',
  lt: 'FFTFTFTT',
  le: 'TTTFTTTT',
  sa: 'FFFTFFFF',
  eb: 'FFTFFFFF',
  ap: 'TTFFTTTT',
};

describe('matchesCriterion: date prefixes', () => {
  for (const [prefix, expected] of Object.entries(EXPECTED)) {
    it(`date=${prefix}2024-06-15 matches ${expected} over inside/same/before/after/overlaps/enclosing/open`, () => {
      const c = crit('Observation', `date=${prefix}2024-06-15`, Date.parse('2024-06-15T12:00:00Z'));
      const got = Object.values(RESOURCES)
        .map((r) => (matchesCriterion([r], c) ? 'T' : 'F'))
        .join('');
      expect(got).toBe(expected);
    });
  }

  it('a date search with prefix ge includes the boundary day, gt excludes it', () => {
    const birth = [date('2000-01-01')];
    expect(matchesCriterion(birth, crit('Patient', 'birthdate=ge2000-01-01'))).toBe(true);
    expect(matchesCriterion(birth, crit('Patient', 'birthdate=gt2000-01-01'))).toBe(false);
    expect(matchesCriterion(birth, crit('Patient', 'birthdate=le2000-01-01'))).toBe(true);
    expect(matchesCriterion(birth, crit('Patient', 'birthdate=lt2000-01-01'))).toBe(false);
  });

  it('ap far from now is wider: ten years away, five days off still matches', () => {
    const c = crit('Observation', 'date=ap2024-06-15', Date.parse('2034-06-15'));
    expect(matchesCriterion([RESOURCES.before as IndexValue], c)).toBe(true);
    expect(matchesCriterion([date('2022-01-01')], c)).toBe(false);
  });

  it('a precise search value within a coarse resource value is not eq but is ap', () => {
    expect(matchesCriterion([date('2024-06')], crit('Observation', 'date=2024-06-15'))).toBe(false);
    expect(matchesCriterion([date('2024-06-15')], crit('Observation', 'date=2024-06'))).toBe(true);
  });

  it('time zones are honoured: 23:30 at -05:00 is the next day in UTC', () => {
    const late = [date('2024-06-14T23:30:00-05:00')];
    expect(matchesCriterion(late, crit('Observation', 'date=2024-06-15'))).toBe(true);
    expect(matchesCriterion(late, crit('Observation', 'date=2024-06-14'))).toBe(false);
  });

  it('comma values are OR and any resource value may match', () => {
    const c = crit('Observation', 'date=2020,2024-06');
    expect(matchesCriterion([date('2019'), date('2024-06-03')], c)).toBe(true);
    expect(matchesCriterion([date('2019'), date('2024-07-03')], c)).toBe(false);
  });
});

describe('matchesCriterion: token', () => {
  const loinc: IndexValue = { kind: 'token', system: 'http://loinc.org', code: '1234-5', text: 'blood pressure panel' };
  const bare: IndexValue = { kind: 'token', code: '1234-5' };

  it.each([
    ['code=1234-5', true, true],
    ['code=http://loinc.org|1234-5', true, false],
    ['code=http://snomed.info/sct|1234-5', false, false],
    ['code=|1234-5', false, true],
    ['code=http://loinc.org|', true, false],
    ['code=9999-9', false, false],
    ['code=9999-9,1234-5', true, true],
    ['code:text=pressure', true, false],
    ['code:text=BLOOD Préssure', true, false],
    ['code:not=1234-5', false, false],
    ['code:not=9999-9', true, true],
  ])('%s matches the LOINC value: %s, the system-less value: %s', (query, withSystem, withoutSystem) => {
    const c = crit('Observation', query);
    expect(matchesCriterion([loinc], c)).toBe(withSystem);
    expect(matchesCriterion([bare], c)).toBe(withoutSystem);
  });

  it(':not matches a resource without any value, and none where one value matches', () => {
    const c = crit('Observation', 'status:not=final');
    expect(matchesCriterion(undefined, c)).toBe(true);
    expect(
      matchesCriterion(
        [
          { kind: 'token', code: 'amended' },
          { kind: 'token', code: 'final' },
        ],
        c,
      ),
    ).toBe(false);
  });

  it('codes are compared exactly (case-sensitive)', () => {
    expect(matchesCriterion([{ kind: 'token', code: 'final' }], crit('Observation', 'status=Final'))).toBe(false);
  });
});

describe('matchesCriterion: string', () => {
  const jose: IndexValue = { kind: 'string', normalized: 'jose maria garcia', exact: 'José María García' };

  it.each([
    ['name=jos', true],
    ['name=JOSÉ', true],
    ['name=garcia', false],
    ['name:contains=GARC', true],
    ['name:contains=xyz', false],
    ['name:exact=José María García', true],
    ['name:exact=jose maria garcia', false],
    ['name:exact=José', false],
    ['name=ann,jose', true],
  ])('%s matches "José María García": %s', (query, expected) => {
    expect(matchesCriterion([jose], crit('Patient', query))).toBe(expected);
  });
});

describe('matchesCriterion: reference', () => {
  const pat: IndexValue = { kind: 'reference', reference: 'Patient/1', type: 'Patient', id: '1' };
  const stringOnly: IndexValue = { kind: 'reference', reference: 'Group/1' };
  const ext: IndexValue = { kind: 'reference', url: 'http://other.org/fhir/Patient/9' };
  const ident: IndexValue = { kind: 'reference', identifierSystem: 'http://mrn', identifierValue: 'A1' };

  it.each([
    ['subject=Patient/1', [true, false, false, false]],
    ['subject=1', [true, true, false, false]],
    ['subject:Patient=1', [true, false, false, false]],
    ['subject:Group=1', [false, true, false, false]],
    ['subject=Group/1', [false, true, false, false]],
    ['subject=Patient/2', [false, false, false, false]],
    ['subject=http://other.org/fhir/Patient/9', [false, false, true, false]],
    ['subject:identifier=http://mrn|A1', [false, false, false, true]],
    ['subject:identifier=A1', [false, false, false, true]],
    ['subject:identifier=http://other|A1', [false, false, false, false]],
  ])('%s matches Patient/1, Group/1, an absolute URL, an identifier: %j', (query, expected) => {
    const c = crit('Observation', query);
    expect([pat, stringOnly, ext, ident].map((v) => matchesCriterion([v], c))).toEqual(expected);
  });

  it(':missing tells resources with and without the reference apart', () => {
    expect(matchesCriterion([], crit('Observation', 'subject:missing=true'))).toBe(true);
    expect(matchesCriterion([pat], crit('Observation', 'subject:missing=true'))).toBe(false);
    expect(matchesCriterion([pat], crit('Observation', 'subject:missing=false'))).toBe(true);
    expect(matchesCriterion(undefined, crit('Observation', 'subject:missing=false'))).toBe(false);
  });
});

describe('matchesCriterion: quantity, number, uri', () => {
  const mg: IndexValue = { kind: 'quantity', value: 5.4, system: 'http://unitsofmeasure.org', code: 'mg', unit: 'mg' };
  const unitOnly: IndexValue = { kind: 'quantity', value: 5.4, unit: 'mg' };

  it.each([
    ['value-quantity=5.4', true, true],
    ['value-quantity=5.4|http://unitsofmeasure.org|mg', true, false],
    ['value-quantity=5.4||mg', true, true],
    ['value-quantity=5.4||g', false, false],
    ['value-quantity=5', true, true],
    ['value-quantity=6', false, false],
    ['value-quantity=ap5', true, true],
    ['value-quantity=gt5', true, true],
    ['value-quantity=lt5.4', false, false],
    ['value-quantity=le5.4', true, true],
    ['value-quantity=ne5.4', false, false],
    ['value-quantity=5.40', true, true],
    ['value-quantity=5.41', false, false],
  ])('%s matches 5.4 mg coded: %s, with only a unit: %s', (query, coded, unitText) => {
    const c = crit('Observation', query);
    expect(matchesCriterion([mg], c)).toBe(coded);
    expect(matchesCriterion([unitOnly], c)).toBe(unitText);
  });

  it('numbers match within their implied precision', () => {
    const v = (value: number): IndexValue[] => [{ kind: 'number', value }];
    expect(matchesCriterion(v(100.4), crit('RiskAssessment', 'probability=100'))).toBe(true);
    expect(matchesCriterion(v(100.5), crit('RiskAssessment', 'probability=100'))).toBe(false);
    expect(matchesCriterion(v(99.5), crit('RiskAssessment', 'probability=100'))).toBe(true);
    expect(matchesCriterion(v(100.4), crit('RiskAssessment', 'probability=100.0'))).toBe(false);
    expect(matchesCriterion(v(0.81), crit('RiskAssessment', 'probability=ge0.8'))).toBe(true);
    expect(matchesCriterion(v(0.79), crit('RiskAssessment', 'probability=ge0.8'))).toBe(false);
    expect(matchesCriterion(v(140), crit('RiskAssessment', 'probability=1e2'))).toBe(true);
  });

  it('uri matches exactly, or below/above a path', () => {
    const uri: IndexValue[] = [{ kind: 'uri', value: 'http://x.org/fhir/Questionnaire/phq9' }];
    expect(matchesCriterion(uri, crit('Questionnaire', 'url=http://x.org/fhir/Questionnaire/phq9'))).toBe(true);
    expect(matchesCriterion(uri, crit('Questionnaire', 'url=http://x.org/fhir'))).toBe(false);
    expect(matchesCriterion(uri, crit('Questionnaire', 'url:below=http://x.org/fhir'))).toBe(true);
    expect(matchesCriterion(uri, crit('Questionnaire', 'url:above=http://x.org/fhir/Questionnaire/phq9/v2'))).toBe(
      true,
    );
    expect(matchesCriterion(uri, crit('Questionnaire', 'url:above=http://x.org/other'))).toBe(false);
  });
});

describe('matchesCriterion: near', () => {
  const boston: IndexValue = { kind: 'position', latitude: 42.3601, longitude: -71.0589 };
  const cambridge: IndexValue = { kind: 'position', latitude: 42.3736, longitude: -71.1097 };
  const nyc: IndexValue = { kind: 'position', latitude: 40.7128, longitude: -74.006 };

  it('the haversine distance Boston-New York is about 306 km', () => {
    expect(distanceKm(42.3601, -71.0589, 40.7128, -74.006)).toBeCloseTo(306.1, 0);
  });

  it.each([
    ['42.3601|-71.0589|5|km', [true, true, false]],
    ['42.3601|-71.0589|3|km', [true, false, false]],
    ['42.3601|-71.0589|3|mi', [true, true, false]],
    ['42.3601|-71.0589|4500|m', [true, true, false]],
    ['42.3601|-71.0589|320|km', [true, true, true]],
    ['42.3601|-71.0589', [true, true, false]],
    ['40.7128|-74.006|1|km', [false, false, true]],
  ])('near=%s matches Boston, Cambridge, New York: %j', (value, expected) => {
    const c = crit('Location', `near=${encodeURIComponent(value)}`);
    expect([boston, cambridge, nyc].map((p) => matchesCriterion([p], c))).toEqual(expected);
  });

  it('a location without a position is never near', () => {
    expect(matchesCriterion(undefined, crit('Location', 'near=42|-71|1000|km'))).toBe(false);
  });
});
