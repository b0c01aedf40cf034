import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '@plan-api/fhir';
import { hasReverseChainOver, mergeSingleParamFilters, parseCriteria } from './criteria.ts';

const registry = createDefaultRegistry();
const criteria = (query: string) => parseCriteria(registry, 'Observation', new URLSearchParams(query));

describe('granular filters as criteria', () => {
  it('filters on the same parameter merge into one OR criterion', () => {
    const merged = mergeSingleParamFilters([criteria('category=laboratory'), criteria('category=vital-signs')]);
    expect(merged).toHaveLength(1);
    const only = merged?.[0];
    expect(only?.kind === 'param' ? only.values.map((v) => (v.kind === 'token' ? v.code : '')) : []).toEqual([
      'laboratory',
      'vital-signs',
    ]);
  });

  it('filters on different parameters, or of several criteria, do not merge', () => {
    expect(mergeSingleParamFilters([criteria('category=laboratory'), criteria('code=8867-4')])).toBeUndefined();
    expect(mergeSingleParamFilters([criteria('category=laboratory&code=1'), criteria('category=x')])).toBeUndefined();
  });

  it(':not filters do not merge (OR of two exclusions is not one exclusion of both)', () => {
    expect(mergeSingleParamFilters([criteria('category:not=a'), criteria('category:not=b')])).toBeUndefined();
  });

  it('a _has over patient data is found, also inside a chain', () => {
    const has = parseCriteria(registry, 'Organization', [['_has:Coverage:payor:status', 'active']]);
    expect(hasReverseChainOver(has, (t) => t === 'Coverage')).toBe(true);
    expect(hasReverseChainOver(criteria('category=laboratory'), () => true)).toBe(false);
  });
});
