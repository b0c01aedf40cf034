import { describe, expect, it } from 'vitest';
import { generateMember } from '@plan-api/synthetic';
import { type PortalError } from '../types.ts';
import { createTestPortal, FHIR_BASE, rejection, TEST_DIRECTORY, TEST_TERMINOLOGY, OWNER } from '../testing/harness.ts';

const keysOf = (seed: string, scenario: 'diabetes' | 'healthy'): string[] =>
  generateMember({ seed, scenario, directory: TEST_DIRECTORY.handle, terminology: TEST_TERMINOLOGY })
    .resources.map((r) => `${r.resourceType}/${r.id}`)
    .sort();

describe('getPatientData ("My Data")', () => {
  it("is a collection Bundle of exactly that member's resources, Patient first, with the directory loaded too", async () => {
    const { portal, fhir } = createTestPortal();
    await fhir.bulkLoad(TEST_DIRECTORY.resources());
    const alice = await portal.initializePatient(OWNER, { seed: 'data-alice', scenario: 'diabetes' });
    await portal.initializePatient(OWNER, { seed: 'data-bob', scenario: 'healthy' });
    const bundle = await portal.getPatientData(OWNER, alice.id);
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.type).toBe('collection');
    const entries = bundle.entry ?? [];
    expect(entries[0]?.resource?.resourceType).toBe('Patient');
    expect(entries[0]?.fullUrl).toBe(`${FHIR_BASE}/Patient/${alice.id}`);
    const keys = entries.map((e) => `${e.resource?.resourceType}/${e.resource?.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(keysOf('data-alice', 'diabetes'));
    for (const e of entries) expect(e.fullUrl).toBe(`${FHIR_BASE}/${e.resource?.resourceType}/${e.resource?.id}`);
  });

  it('an unknown patient is a 404', async () => {
    const { portal } = createTestPortal();
    const error = (await rejection(portal.getPatientData(OWNER, 'p-00000000'))) as PortalError;
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('GET /api/patients');
  });
});
