import { describe, it, expect } from 'vitest';
import { FhirError } from '../outcome.ts';
import { parseSearch, type ParseOptions } from './parse.ts';
import { fixtureRegistry, param } from '../testing/search-fixtures.ts';
import type { Criterion, ParamCriterion } from './types.ts';

const OPTIONS: ParseOptions = { defaultCount: 20, maxCount: 100, strict: false, now: 0 };
const registry = fixtureRegistry();

function only(type: string, query: string, options: Partial<ParseOptions> = {}): Criterion {
  const request = parseSearch(type, new URLSearchParams(query), registry, { ...OPTIONS, ...options });
  expect(request.criteria).toHaveLength(1);
  return request.criteria[0] as Criterion;
}

function failure(type: string, query: string): FhirError {
  try {
    parseSearch(type, new URLSearchParams(query), registry, OPTIONS);
  } catch (err) {
    if (err instanceof FhirError) return err;
    throw err;
  }
  throw new Error(`expected ${type}?${query} to fail`);
}

describe('parseSearch: reference values', () => {
  it.each([
    ['patient=Patient/123', { kind: 'reference', type: 'Patient', id: '123' }],
    ['patient=123', { kind: 'reference', id: '123' }],
    ['patient=Patient/123/_history/4', { kind: 'reference', type: 'Patient', id: '123' }],
    ['patient=http://other.org/fhir/Patient/9', { kind: 'reference', url: 'http://other.org/fhir/Patient/9' }],
    ['patient=urn:uuid:0f1e', { kind: 'reference', url: 'urn:uuid:0f1e' }],
  ])('%s parses to %j', (query, expected) => {
    expect((only('Observation', query) as ParamCriterion).values).toEqual([expected]);
  });

  it('an absolute URL under our own base is read as Type/id', () => {
    const c = only('Observation', 'patient=https://plan.example/fhir/Patient/7', {
      baseUrl: 'https://plan.example/fhir/',
    }) as ParamCriterion;
    expect(c.values).toEqual([{ kind: 'reference', type: 'Patient', id: '7' }]);
  });

  it('a type modifier sets the target type and types a bare id', () => {
    const c = only('Observation', 'subject:Patient=123') as ParamCriterion;
    expect(c.targetType).toBe('Patient');
    expect(c.modifier).toBeUndefined();
    expect(c.values).toEqual([{ kind: 'reference', type: 'Patient', id: '123' }]);
  });

  it(':identifier takes system|value or a bare value', () => {
    const c = only('Observation', 'subject:identifier=http://hospital.org/mrn|A1,B2') as ParamCriterion;
    expect(c.modifier).toBe('identifier');
    expect(c.values).toEqual([
      { kind: 'reference', identifierSystem: 'http://hospital.org/mrn', identifierValue: 'A1' },
      { kind: 'reference', identifierValue: 'B2' },
    ]);
  });

  it.each([
    [
      'subject:Patient=Group/1',
      'Invalid search parameter value subject:Patient=Group/1: the reference is not to a Patient',
    ],
    ['subject:Organization=1', 'Search parameter subject cannot refer to a Organization (in subject:Organization)'],
    ['subject:Spaceship=1', 'Unknown resource type Spaceship in search parameter subject:Spaceship'],
    ['patient=a/b', 'Invalid search parameter value patient=a/b: expected Type/id, id or an absolute URL'],
    ['patient=Patient/', 'Invalid search parameter value patient=Patient/: expected Type/id, id or an absolute URL'],
    [
      'patient:identifier=sys|',
      'Invalid search parameter value patient:identifier=sys|: expected value or system|value',
    ],
    [
      'patient:contains=x',
      'Modifier :contains is not supported on search parameter patient (reference) in patient:contains',
    ],
  ])('%s is a 400: %s', (query, message) => {
    const err = failure('Observation', query);
    expect(err.status).toBe(400);
    expect(err.message).toBe(message);
  });

  it('a type modifier may name a target that is not a served type', () => {
    expect((only('Observation', 'subject:Device=d1') as ParamCriterion).targetType).toBe('Device');
  });
});

describe('parseSearch: forward chains', () => {
  it('param.child chains through the only target type', () => {
    expect(only('PractitionerRole', 'practitioner.name=smith')).toEqual({
      kind: 'chain',
      param: param('PractitionerRole', 'practitioner'),
      targetType: 'Practitioner',
      criterion: { kind: 'param', param: param('Practitioner', 'name'), values: [{ kind: 'string', value: 'smith' }] },
    });
  });

  it('the chained parameter keeps its own modifier', () => {
    const c = only('PractitionerRole', 'location.address-city:exact=Boston');
    expect(c).toMatchObject({ kind: 'chain', targetType: 'Location', criterion: { modifier: 'exact' } });
  });

  it('param:Type.child names the target among several', () => {
    const c = only('Observation', 'subject:Patient.name=ann');
    expect(c).toMatchObject({ kind: 'chain', targetType: 'Patient', criterion: { param: { code: 'name' } } });
  });

  it('among several targets, the only one that has the chained parameter is chosen', () => {
    // subject may be a Patient, Group, Device or Location; only Patient has birthdate.
    const c = only('Observation', 'subject.birthdate=2000');
    expect(c).toMatchObject({ kind: 'chain', targetType: 'Patient', criterion: { param: { code: 'birthdate' } } });
  });

  it('chains go several levels deep', () => {
    const c = only('Observation', 'patient.organization.partof.name=acme');
    expect(c).toMatchObject({
      kind: 'chain',
      targetType: 'Patient',
      criterion: {
        kind: 'chain',
        targetType: 'Organization',
        criterion: { kind: 'chain', targetType: 'Organization', criterion: { kind: 'param', param: { code: 'name' } } },
      },
    });
  });

  it('a chain whose last parameter is unknown is ignored like any unknown parameter', () => {
    const request = parseSearch('PractitionerRole', [['practitioner.shoe-size', '9']], registry, OPTIONS);
    expect(request.criteria).toEqual([]);
    expect(request.ignored).toEqual(['practitioner.shoe-size']);
  });

  it('a malformed chained value is a 400 naming the whole parameter', () => {
    expect(failure('Observation', 'patient.birthdate=someday').message).toContain('patient.birthdate=someday');
  });

  it.each([
    [
      'Observation',
      'subject.name=x',
      'Cannot chain subject.name: subject may refer to Patient, Group, Location; name one with subject:Type.',
    ],
    ['Observation', 'focus.name=x', 'Cannot chain focus.name: focus has no known target types'],
    ['Observation', 'code.name=x', 'Cannot chain code.name: code is not a reference parameter'],
    ['Observation', 'subject:Organization.name=x', 'Cannot chain subject:Organization.name'],
    ['Observation', 'patient.=x', 'Cannot chain patient.: malformed chain'],
  ])('%s?%s is a 400', (type, query, message) => {
    const err = failure(type, query);
    expect(err.status).toBe(400);
    expect(err.message).toContain(message.replace('Cannot chain subject:Organization.name', 'cannot refer to'));
  });
});

describe('parseSearch: _has', () => {
  it('_has:Type:ref:param gives a HasCriterion', () => {
    expect(only('Practitioner', '_has:PractitionerRole:practitioner:specialty=208D00000X')).toEqual({
      kind: 'has',
      sourceType: 'PractitionerRole',
      referenceParam: param('PractitionerRole', 'practitioner'),
      criterion: {
        kind: 'param',
        param: param('PractitionerRole', 'specialty'),
        values: [{ kind: 'token', code: '208D00000X' }],
      },
    });
  });

  it('_has nests, and its inner parameter may carry a modifier or a chain', () => {
    const nested = only('Patient', '_has:Observation:patient:_has:Provenance:target:_id=p1');
    expect(nested).toMatchObject({
      kind: 'has',
      sourceType: 'Observation',
      referenceParam: { code: 'patient' },
      criterion: { kind: 'has', sourceType: 'Provenance', criterion: { kind: 'param', param: { code: '_id' } } },
    });
    const modified = only('Practitioner', '_has:PractitionerRole:practitioner:specialty:not=x');
    expect(modified).toMatchObject({ kind: 'has', criterion: { modifier: 'not' } });
    const chained = only('Practitioner', '_has:PractitionerRole:practitioner:location.address-city=Boston');
    expect(chained).toMatchObject({ kind: 'has', criterion: { kind: 'chain', targetType: 'Location' } });
  });

  it('a Resource-typed reference may point back at any type', () => {
    expect(only('Patient', '_has:Provenance:target:_id=p1')).toMatchObject({ kind: 'has', sourceType: 'Provenance' });
  });

  it.each([
    ['Practitioner', '_has:PractitionerRole:practitioner=x', 'expected _has:Type:referenceParameter:parameter'],
    ['Practitioner', '_has:Spaceship:practitioner:name=x', 'unknown resource type Spaceship'],
    ['Practitioner', '_has:PractitionerRole:specialty:name=x', 'PractitionerRole:specialty is not a reference'],
    ['Organization', '_has:PractitionerRole:practitioner:specialty=x', 'does not refer to Organization'],
  ])('%s?%s is a 400', (type, query, message) => {
    const err = failure(type, query);
    expect(err.status).toBe(400);
    expect(err.message).toContain(message);
  });

  it('an unknown reference or inner parameter is ignored', () => {
    const request = parseSearch(
      'Practitioner',
      [
        ['_has:PractitionerRole:boss:specialty', 'x'],
        ['_has:PractitionerRole:practitioner:hat', 'y'],
      ],
      registry,
      OPTIONS,
    );
    expect(request.criteria).toEqual([]);
    expect(request.ignored).toEqual(['_has:PractitionerRole:boss:specialty', '_has:PractitionerRole:practitioner:hat']);
  });
});
