import { describe, expect, it } from 'vitest';
import { LISTED_SCOPES, OTHER_SCOPES, SEED_SCOPES } from './scopes-data.ts';

describe('scopes data', () => {
  it("lists every scope of the plan's list once, in its order, each supported and explained", () => {
    expect(LISTED_SCOPES.map((s) => s.scope)).toEqual(SEED_SCOPES);
    for (const info of LISTED_SCOPES) {
      expect(info.supported, info.scope).toBe(true);
      expect(info.grants, info.scope).toMatch(/^[A-Z].{20,}\.$/);
      expect(info.grants, info.scope).not.toContain('undefined');
    }
    expect(LISTED_SCOPES.find((s) => s.scope === 'patient/ExplanationOfBenefit.read')?.grants).toContain('claims');
  });

  it('explains the context scopes and user/ scopes, and says which other scopes are refused', () => {
    const byScope = new Map([...LISTED_SCOPES, ...OTHER_SCOPES].map((s) => [s.scope, s]));
    for (const scope of ['openid', 'fhirUser', 'launch', 'launch/patient', 'offline_access']) {
      expect(byScope.get(scope)?.supported, scope).toBe(true);
      expect(byScope.get(scope)?.grants.length, scope).toBeGreaterThan(20);
    }
    expect(byScope.get('patient/Condition.write')?.supported).toBe(false);
    expect(byScope.get('user/ExplanationOfBenefit.read')?.supported).toBe(true);
    expect(byScope.get('user/ExplanationOfBenefit.read')?.grants).toContain('patient/ExplanationOfBenefit.read');
    expect(new Set(byScope.keys()).size).toBe(LISTED_SCOPES.length + OTHER_SCOPES.length);
  });
});
