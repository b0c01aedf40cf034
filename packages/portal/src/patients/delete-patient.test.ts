import { describe, expect, it } from 'vitest';
import { generateMember } from '@plan-api/synthetic';
import { type PortalError } from '../types.ts';
import { createTestPortal, rejection, TEST_DIRECTORY, TEST_TERMINOLOGY, OWNER } from '../testing/harness.ts';

describe('deletePatient', () => {
  it("removes every resource of the member from the FHIR store and leaves other members' data", async () => {
    const { portal, fhir } = createTestPortal();
    await fhir.bulkLoad(TEST_DIRECTORY.resources());
    const gone = await portal.initializePatient(OWNER, { seed: 'del-gone', scenario: 'diabetes' });
    const kept = await portal.initializePatient(OWNER, { seed: 'del-kept', scenario: 'healthy' });
    await portal.deletePatient(OWNER, gone.id);
    const member = generateMember({
      seed: 'del-gone',
      scenario: 'diabetes',
      directory: TEST_DIRECTORY.handle,
      terminology: TEST_TERMINOLOGY,
    });
    for (const r of member.resources) {
      const error = (await rejection(fhir.read(r.resourceType, r.id ?? ''))) as { status?: number };
      expect(error.status, `${r.resourceType}/${r.id}`).toBe(410);
    }
    expect((await portal.listPatients(OWNER)).map((p) => p.id)).toEqual([kept.id]);
    expect((await portal.getPatientData(OWNER, kept.id)).entry?.length).toBe(
      Object.values(kept.resourceCounts).reduce((a, b) => a + b, 0),
    );
    const [first] = TEST_DIRECTORY.resources();
    expect((await fhir.read(first?.resourceType ?? '', first?.id ?? '')).id).toBe(first?.id);
  });

  it('the deleted patient is not found any more, and can be initialized again from its seed', async () => {
    const { portal } = createTestPortal();
    const patient = await portal.initializePatient(OWNER, { seed: 'again', scenario: 'healthy' });
    await portal.deletePatient(OWNER, patient.id);
    expect(((await rejection(portal.deletePatient(OWNER, patient.id))) as PortalError).code).toBe('not_found');
    expect(((await rejection(portal.getPatientData(OWNER, patient.id))) as PortalError).code).toBe('not_found');
    expect((await portal.initializePatient(OWNER, { seed: 'again', scenario: 'healthy' })).id).toBe(patient.id);
    expect((await portal.getPatientData(OWNER, patient.id)).entry?.[0]?.resource?.resourceType).toBe('Patient');
  });
});
