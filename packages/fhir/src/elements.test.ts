import { describe, it, expect } from 'vitest';
import type { Observation, Patient, Resource } from 'fhir/r4';
import { applyElements, applySummary, SUBSETTED_TAG } from './elements.ts';

const observation: Observation = {
  resourceType: 'Observation',
  id: 'o1',
  meta: { versionId: '3', lastUpdated: '2024-01-01T00:00:00Z', tag: [{ system: 'http://x', code: 'keep' }] },
  text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">BP</div>' },
  status: 'final',
  category: [{ coding: [{ code: 'vital-signs' }] }],
  code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2024-01-01',
  _effectiveDateTime: { extension: [{ url: 'http://x/ext', valueString: 'e' }] },
  valueQuantity: { value: 120, unit: 'mmHg' },
  note: [{ text: 'not a summary element' }],
  modifierExtension: [{ url: 'http://x/mod', valueBoolean: true }],
} as Observation;

const keys = (r: Resource) => Object.keys(r).sort();

describe('applyElements', () => {
  it('keeps the requested elements plus resourceType, id, meta, modifiers and mandatory elements', () => {
    const out = applyElements(observation, ['subject']);
    expect(keys(out)).toEqual(['code', 'id', 'meta', 'modifierExtension', 'resourceType', 'status', 'subject']);
  });

  it('tags the subset SUBSETTED, keeps existing tags and leaves the input unchanged', () => {
    const before = JSON.stringify(observation);
    const out = applyElements(observation, ['subject']);
    expect(out.meta?.tag).toEqual([{ system: 'http://x', code: 'keep' }, SUBSETTED_TAG]);
    expect(out.meta?.versionId).toBe('3');
    expect(JSON.stringify(observation)).toBe(before);
    expect(applyElements(out, ['subject']).meta?.tag).toHaveLength(2);
  });

  it('a choice element is asked for by its bare name, and brings its primitive extension along', () => {
    const out = applyElements(observation, ['effective', 'value']) as Observation;
    expect(out.effectiveDateTime).toBe('2024-01-01');
    expect(out._effectiveDateTime).toEqual(observation._effectiveDateTime);
    expect(out.valueQuantity).toEqual({ value: 120, unit: 'mmHg' });
    expect(out.note).toBeUndefined();
  });

  it('a nested path keeps its whole top-level element', () => {
    const patient: Patient = {
      resourceType: 'Patient',
      id: 'p',
      name: [{ family: 'X', given: ['Y'] }],
      gender: 'other',
    };
    expect(applyElements(patient, ['name.family'])).toEqual({
      resourceType: 'Patient',
      id: 'p',
      name: [{ family: 'X', given: ['Y'] }],
      meta: { tag: [SUBSETTED_TAG] },
    });
  });

  it('an element name that only starts like a mandatory one is not kept by accident', () => {
    const out = applyElements(
      { resourceType: 'Coverage', id: 'c', status: 'active', subscriberId: '9' } as Resource,
      [],
    );
    expect(keys(out)).toEqual(['id', 'meta', 'resourceType', 'status']);
  });
});

describe('applySummary', () => {
  it('true keeps the summary elements of the base definition (Observation.category and note are not)', () => {
    const out = applySummary(observation, 'true');
    expect(keys(out)).toEqual(
      [
        'code',
        'effectiveDateTime',
        '_effectiveDateTime',
        'id',
        'meta',
        'modifierExtension',
        'resourceType',
        'status',
        'subject',
        'valueQuantity',
      ].sort(),
    );
    expect(out.meta?.tag).toContainEqual(SUBSETTED_TAG);
  });

  it('text keeps text, id, meta and the mandatory elements', () => {
    expect(keys(applySummary(observation, 'text'))).toEqual([
      'code',
      'id',
      'meta',
      'modifierExtension',
      'resourceType',
      'status',
      'text',
    ]);
  });

  it('data drops only text', () => {
    const out = applySummary(observation, 'data');
    expect(keys(out)).toEqual(keys(observation).filter((k) => k !== 'text'));
    expect(out.meta?.tag).toContainEqual(SUBSETTED_TAG);
  });

  it('false and count return the resource itself', () => {
    expect(applySummary(observation, 'false')).toBe(observation);
    expect(applySummary(observation, 'count')).toBe(observation);
  });

  it('an unknown type keeps everything but narrative, contained resources and extensions', () => {
    const custom = {
      resourceType: 'Custom',
      id: 'x',
      text: {},
      contained: [],
      extension: [],
      field: 1,
    } as unknown as Resource;
    expect(keys(applySummary(custom, 'true'))).toEqual(['field', 'id', 'meta', 'resourceType']);
  });
});
