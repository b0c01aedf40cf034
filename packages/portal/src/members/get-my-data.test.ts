import type { Organization } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { ADA, BO, createTestMembers, memberRecords, PRODUCTION_FHIR } from '../testing/members.ts';

describe('getMyData', () => {
  it("is a collection Bundle of the member's own records, the Patient first, never another member's", async () => {
    const test = createTestMembers();
    await test.fhir.bulkLoad([
      { resourceType: 'Organization', id: 'plan', name: 'The Plan' } satisfies Organization,
      ...memberRecords(ADA.patientId, 'Ada'),
      ...memberRecords(BO.patientId, 'Bo'),
    ]);
    const bundle = await test.portal.getMyData(ADA);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-07-01T12:00:00.000Z' });
    const ids = (bundle.entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`);
    expect(ids).toEqual(['Patient/pat-ada', 'Coverage/cov-pat-ada', 'ExplanationOfBenefit/eob-pat-ada']);
    expect(bundle.entry?.[0]?.fullUrl).toBe(`${PRODUCTION_FHIR}/Patient/pat-ada`);
    expect(JSON.stringify(await test.portal.getMyData(BO))).not.toContain('pat-ada');
  });

  it('is an empty collection for a member without records, and has no fullUrl without a FHIR base', async () => {
    const test = createTestMembers({ fhirBaseUrl: undefined });
    expect((await test.portal.getMyData({ accountId: 'a', patientId: 'nobody' })).entry).toEqual([]);
    await test.fhir.bulkLoad(memberRecords(ADA.patientId, 'Ada'));
    const [first] = (await test.portal.getMyData(ADA)).entry ?? [];
    expect(first).toEqual({ resource: expect.objectContaining({ id: 'pat-ada' }) as unknown });
  });
});
