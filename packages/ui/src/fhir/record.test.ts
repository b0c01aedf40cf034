import type { Bundle, FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { summarize } from './summarize.ts';
import { filterRecord, groupRecord, typeLabel } from './record.ts';
import * as fixtures from '../testing/fhir-fixtures.ts';

const resources = Object.values(fixtures).filter((v) => typeof v === 'object') as FhirResource[];

function bundleOf(list: FhirResource[]): Bundle {
  return { resourceType: 'Bundle', type: 'collection', entry: list.map((resource) => ({ resource })) };
}

describe('summarize', () => {
  it('gives every resource type of a synthetic member a title and subtitle without gaps', () => {
    for (const resource of resources) {
      const s = summarize(resource);
      expect(s.title, resource.resourceType).not.toBe('');
      expect(`${s.title} ${s.subtitle}`, resource.resourceType).not.toMatch(/undefined|null|NaN|\[object/);
      expect(s.rows.length, resource.resourceType).toBeGreaterThan(0);
    }
  });

  it('summarizes a type it has no summary for by its type, code and status', () => {
    const s = summarize({
      resourceType: 'ServiceRequest',
      id: 'sr-1',
      status: 'active',
      intent: 'order',
      subject: {},
      code: { text: 'MRI knee' },
    });
    expect(s.title).toBe('ServiceRequest: MRI knee');
    expect(s.subtitle).toBe('active · id sr-1');
  });
});

describe('groupRecord', () => {
  it('groups by type with the member, coverage and claims first, and counts each type', () => {
    const groups = groupRecord(bundleOf([...resources].reverse()));
    expect(groups.slice(0, 3).map((g) => g.type)).toEqual(['Patient', 'Coverage', 'ExplanationOfBenefit']);
    expect(groups.find((g) => g.type === 'Observation')?.items).toHaveLength(4);
    expect(groups.find((g) => g.type === 'ExplanationOfBenefit')?.label).toBe('Claims');
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(resources.length);
  });

  it('orders each type newest first, comparing dates across time zones as instants', () => {
    const early = { ...fixtures.bodyHeight, id: 'a', effectiveDateTime: '2021-11-23T23:00:00+09:00' };
    const late = { ...fixtures.bodyHeight, id: 'b', effectiveDateTime: '2021-11-23T10:00:00-05:00' };
    const undated = { ...fixtures.bodyHeight, id: 'c', effectiveDateTime: undefined, issued: undefined };
    const [group] = groupRecord(bundleOf([undated, early, late]));
    expect(group?.items.map((i) => i.key)).toEqual(['Observation/b', 'Observation/a', 'Observation/c']);
  });

  it('puts types it does not know after the known ones, alphabetically', () => {
    const groups = groupRecord(
      bundleOf([
        { resourceType: 'ServiceRequest', status: 'active', intent: 'order', subject: {} },
        { resourceType: 'Flag', status: 'active', code: {}, subject: {} },
        fixtures.patient,
      ]),
    );
    expect(groups.map((g) => g.type)).toEqual(['Patient', 'Flag', 'ServiceRequest']);
    expect(typeLabel('Flag')).toBe('Flag');
  });

  it('returns no groups for an empty bundle', () => {
    expect(groupRecord({ resourceType: 'Bundle', type: 'collection' })).toEqual([]);
  });
});

describe('filterRecord', () => {
  const groups = groupRecord(bundleOf(resources));

  it('keeps everything for an empty query', () => {
    expect(filterRecord(groups, '  ')).toBe(groups);
  });

  it('matches words in titles, details and type names, case-insensitively, dropping empty groups', () => {
    const metformin = filterRecord(groups, 'METFORMIN');
    expect(metformin.map((g) => g.type)).toEqual([
      'ExplanationOfBenefit',
      'MedicationRequest',
      'MedicationDispense',
      'Medication',
    ]);
    expect(filterRecord(groups, 'immunizations').map((g) => g.type)).toEqual(['Immunization']);
    expect(filterRecord(groups, 'LOINC 4548-4').flatMap((g) => g.items.map((i) => i.key))).toEqual([
      'Observation/p-ec60dc41-obs-5',
      'DiagnosticReport/p-ec60dc41-dr-0',
    ]);
  });

  it('needs every word of the query to match', () => {
    expect(filterRecord(groups, 'blood pressure 132').flatMap((g) => g.items.map((i) => i.key))).toEqual([
      'Observation/p-ec60dc41-obs-3',
    ]);
    expect(filterRecord(groups, 'pacemaker zebra')).toEqual([]);
  });
});
