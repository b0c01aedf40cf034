import { describe, it, expect } from 'vitest';
import { compareBySort } from './match.ts';
import { param } from '../testing/search-fixtures.ts';
import type { SearchIndex, SortSpec } from './types.ts';

const asc = (type: string, code: string): SortSpec => ({ param: param(type, code), descending: false });
const desc = (type: string, code: string): SortSpec => ({ param: param(type, code), descending: true });

/** Sorts named indexes and returns the names, breaking ties by name as the store does by id. */
function order(indexes: Record<string, SearchIndex>, sort: SortSpec[]): string[] {
  return Object.entries(indexes)
    .sort(([na, a], [nb, b]) => compareBySort(a, b, sort) || (na < nb ? -1 : 1))
    .map(([name]) => name);
}

const d = (start: string, end = start): { kind: 'date'; start: number; end: number } => ({
  kind: 'date',
  start: Date.parse(start),
  end: Date.parse(end),
});

describe('compareBySort', () => {
  const obs: Record<string, SearchIndex> = {
    a: { date: [d('2024-03-01')], code: [{ kind: 'token', code: 'b' }] },
    b: { date: [d('2024-01-01')], code: [{ kind: 'token', code: 'a' }] },
    c: { code: [{ kind: 'token', code: 'c' }] },
    d: { date: [d('2023-06-01'), d('2025-01-01')], code: [{ kind: 'token', code: 'a' }] },
  };

  it('ascending dates sort by each resource’s earliest start, missing last', () => {
    expect(order(obs, [asc('Observation', 'date')])).toEqual(['d', 'b', 'a', 'c']);
  });

  it('descending dates sort by each resource’s latest start, missing still last', () => {
    expect(order(obs, [desc('Observation', 'date')])).toEqual(['d', 'a', 'b', 'c']);
  });

  it('later sort parameters break ties of earlier ones', () => {
    const tied: Record<string, SearchIndex> = {
      x: { code: [{ kind: 'token', code: 'a' }], date: [d('2024-01-01')] },
      y: { code: [{ kind: 'token', code: 'a' }], date: [d('2023-01-01')] },
      z: { code: [{ kind: 'token', code: '0' }], date: [d('2022-01-01')] },
    };
    expect(order(tied, [asc('Observation', 'code'), desc('Observation', 'date')])).toEqual(['z', 'x', 'y']);
    expect(order(tied, [asc('Observation', 'code'), asc('Observation', 'date')])).toEqual(['z', 'y', 'x']);
  });

  it('equal keys compare as 0 so the caller decides', () => {
    expect(compareBySort(obs.b as SearchIndex, obs.d as SearchIndex, [asc('Observation', 'code')])).toBe(0);
    expect(compareBySort({}, {}, [asc('Observation', 'date')])).toBe(0);
    expect(compareBySort(obs.a as SearchIndex, obs.b as SearchIndex, [])).toBe(0);
  });

  it('strings sort by their normalized form, not by accents or case', () => {
    const people: Record<string, SearchIndex> = {
      p1: { name: [{ kind: 'string', normalized: 'zoe', exact: 'Zoë' }] },
      p2: { name: [{ kind: 'string', normalized: 'eloise', exact: 'Éloïse' }] },
      p3: { name: [{ kind: 'string', normalized: 'adam', exact: 'adam' }] },
    };
    expect(order(people, [asc('Patient', 'name')])).toEqual(['p3', 'p2', 'p1']);
    expect(order(people, [desc('Patient', 'name')])).toEqual(['p1', 'p2', 'p3']);
  });

  it('references sort by their reference string and numbers numerically', () => {
    const refs: Record<string, SearchIndex> = {
      r1: { patient: [{ kind: 'reference', reference: 'Patient/b' }] },
      r2: { patient: [{ kind: 'reference', reference: 'Patient/a' }] },
    };
    expect(order(refs, [asc('Observation', 'patient')])).toEqual(['r2', 'r1']);
    const nums: Record<string, SearchIndex> = {
      n1: { probability: [{ kind: 'number', value: 10 }] },
      n2: { probability: [{ kind: 'number', value: 9 }] },
      n3: {},
    };
    expect(order(nums, [asc('RiskAssessment', 'probability')])).toEqual(['n2', 'n1', 'n3']);
    expect(order(nums, [desc('RiskAssessment', 'probability')])).toEqual(['n1', 'n2', 'n3']);
  });
});
