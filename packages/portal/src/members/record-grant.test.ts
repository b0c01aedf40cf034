import { describe, expect, it } from 'vitest';
import { ADA, createTestMembers, publish } from '../testing/members.ts';

const CONSENT = {
  grantId: 'g-1',
  clientId: 'c-1',
  patientId: ADA.patientId,
  scopes: ['openid', 'launch/patient', 'patient/ExplanationOfBenefit.rs', 'patient/Coverage.read'],
  at: '2026-07-01T12:00:00.000Z',
};

describe('recordGrant', () => {
  it('a consent appears under connected apps with its scopes and time', async () => {
    const test = createTestMembers();
    await publish(test.records, 'c-1', { name: 'Wallet' });
    await test.portal.recordGrant(CONSENT);
    expect(await test.portal.listConnectedApps(ADA)).toEqual([
      {
        grantId: 'g-1',
        clientId: 'c-1',
        name: 'Wallet',
        grantedAt: '2026-07-01T12:00:00.000Z',
        dataTypes: ['Coverage', 'ExplanationOfBenefit'],
        scopes: CONSENT.scopes,
        suspended: false,
      },
    ]);
  });

  it('a grant consented to again takes the new scopes and time and keeps when it was last used', async () => {
    const test = createTestMembers();
    await test.portal.recordGrant(CONSENT);
    await test.portal.recordAccess({ ...accessOf(), at: '2026-07-01T12:05:00.000Z' });
    await test.portal.recordGrant({ ...CONSENT, scopes: ['patient/Coverage.rs'], at: '2026-07-02T08:00:00.000Z' });
    const [app] = await test.portal.listConnectedApps(ADA);
    expect(app).toMatchObject({
      grantedAt: '2026-07-02T08:00:00.000Z',
      lastUsedAt: '2026-07-01T12:05:00.000Z',
      dataTypes: ['Coverage'],
    });
  });
});

function accessOf() {
  return {
    clientId: 'c-1',
    patientId: ADA.patientId,
    grantId: 'g-1',
    method: 'GET',
    request: 'Coverage',
    resourceType: 'Coverage',
    status: 200,
    count: 1,
  };
}
