import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../testing/accounts.ts';
import { ADA, BO, createTestMembers } from '../testing/members.ts';

const base = { scopes: ['patient/Coverage.rs'], at: '2026-06-01T00:00:00.000Z' };

describe('revokeConnectedApp', () => {
  it("revokes the app's tokens for the member and every open grant of that app; other apps stay", async () => {
    const test = createTestMembers();
    await test.portal.recordGrant({ ...base, grantId: 'g-1', clientId: 'c-1', patientId: ADA.patientId });
    await test.portal.recordGrant({ ...base, grantId: 'g-2', clientId: 'c-1', patientId: ADA.patientId });
    await test.portal.recordGrant({ ...base, grantId: 'g-3', clientId: 'c-2', patientId: ADA.patientId });
    await test.portal.recordGrant({ ...base, grantId: 'g-bo', clientId: 'c-1', patientId: BO.patientId });
    await test.portal.revokeConnectedApp(ADA, 'g-1');
    expect(test.revoked).toEqual([{ clientId: 'c-1', accountId: ADA.accountId }]);
    expect((await test.portal.listConnectedApps(ADA)).map((a) => a.grantId)).toEqual(['g-3']);
    expect((await test.portal.listConnectedApps(BO)).map((a) => a.grantId)).toEqual(['g-bo']);
    const stored = await test.records.collection('memberGrants').get('g-2');
    expect(stored).toMatchObject({ revokedAt: '2026-07-01T12:00:00.000Z' });
  });

  it("is not_found for another member's grant, an unknown one and a revoked one; nothing is revoked", async () => {
    const test = createTestMembers();
    await test.portal.recordGrant({ ...base, grantId: 'g-bo', clientId: 'c-1', patientId: BO.patientId });
    await test.portal.recordGrant({ ...base, grantId: 'g-ada', clientId: 'c-1', patientId: ADA.patientId });
    await test.portal.revokeConnectedApp(ADA, 'g-ada');
    test.revoked.length = 0;
    for (const id of ['g-bo', 'g-none', 'g-ada']) {
      const error = await rejectionOf(test.portal.revokeConnectedApp(ADA, id));
      expect(error.code).toBe('not_found');
    }
    expect(test.revoked).toEqual([]);
    expect((await test.portal.listConnectedApps(BO)).map((a) => a.grantId)).toEqual(['g-bo']);
  });

  it('keeps the grants when the authorization server fails to revoke, so the member can try again', async () => {
    const test = createTestMembers({ revokeAccess: () => Promise.reject(new Error('database down')) });
    await test.portal.recordGrant({ ...base, grantId: 'g-1', clientId: 'c-1', patientId: ADA.patientId });
    await expect(test.portal.revokeConnectedApp(ADA, 'g-1')).rejects.toThrow('database down');
    expect((await test.portal.listConnectedApps(ADA)).map((a) => a.grantId)).toEqual(['g-1']);
  });
});
