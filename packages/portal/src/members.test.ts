import { describe, expect, it } from 'vitest';
import * as portalPackage from './index.ts';
import { createMemberPortal } from './members.ts';
import { rejectionOf } from './testing/accounts.ts';
import { ADA, BO, createTestMembers, memberRecords, publish } from './testing/members.ts';

describe('createMemberPortal', () => {
  it('is exported from the package with its collections and PostgreSQL indexes', () => {
    expect(portalPackage.createMemberPortal).toBe(createMemberPortal);
    expect(portalPackage.MEMBER_COLLECTIONS).toEqual({ grants: 'memberGrants', accessLog: 'memberAccessLog' });
    expect(portalPackage.MEMBER_RECORD_INDEXES).toEqual({
      memberGrants: [['patientId'], ['patientId', 'clientId']],
      memberAccessLog: [['patientId'], ['patientId', 'clientId'], ['at']],
    });
  });

  it('a member never sees, revokes or reads what belongs to another member, on any surface', async () => {
    const test = createTestMembers();
    await publish(test.records, 'c-1', { name: 'Wallet' });
    await test.fhir.bulkLoad([...memberRecords(ADA.patientId, 'Ada'), ...memberRecords(BO.patientId, 'Bo')]);
    for (const [member, grantId] of [
      [ADA, 'g-ada'],
      [BO, 'g-bo'],
    ] as const) {
      await test.portal.recordGrant({
        grantId,
        clientId: 'c-1',
        patientId: member.patientId,
        scopes: ['patient/Coverage.rs'],
        at: '2026-07-01T11:00:00.000Z',
      });
      await test.portal.recordAccess({
        at: '2026-07-01T12:00:00.000Z',
        clientId: 'c-1',
        patientId: member.patientId,
        grantId,
        method: 'GET',
        request: `Coverage?patient=${member.patientId}`,
        status: 200,
      });
    }
    const adaView = JSON.stringify([
      await test.portal.listConnectedApps(ADA),
      await test.portal.listAccessHistory(ADA, { limit: 100 }),
      await test.portal.getMyData(ADA),
    ]);
    expect(adaView).toContain('g-ada');
    expect(adaView).toContain('pat-ada');
    expect(adaView).not.toContain('g-bo');
    expect(adaView).not.toContain('pat-bo');
    expect((await rejectionOf(test.portal.revokeConnectedApp(ADA, 'g-bo'))).code).toBe('not_found');
    expect(test.revoked).toEqual([]);
    // Another process over the same stores sees the same.
    expect((await test.process2().listConnectedApps(BO)).map((a) => a.grantId)).toEqual(['g-bo']);
  });
});
