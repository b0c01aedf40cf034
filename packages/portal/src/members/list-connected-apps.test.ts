import { describe, expect, it } from 'vitest';
import { ADA, BO, createTestMembers, publish } from '../testing/members.ts';

describe('listConnectedApps', () => {
  it("lists only the member's own open grants, newest first, with the app's name and logo", async () => {
    const test = createTestMembers();
    await publish(test.records, 'c-1', { name: 'Wallet', logoUrl: 'https://wallet.example/logo.png' });
    await publish(test.records, 'c-2', { name: 'Claims' });
    const grant = { scopes: ['patient/Coverage.rs'], patientId: ADA.patientId };
    await test.portal.recordGrant({ ...grant, grantId: 'g-old', clientId: 'c-1', at: '2026-06-01T00:00:00.000Z' });
    await test.portal.recordGrant({ ...grant, grantId: 'g-new', clientId: 'c-2', at: '2026-06-20T00:00:00.000Z' });
    await test.portal.recordGrant({
      ...grant,
      grantId: 'g-bo',
      clientId: 'c-1',
      patientId: BO.patientId,
      at: '2026-06-25T00:00:00.000Z',
    });
    const ada = await test.portal.listConnectedApps(ADA);
    expect(ada.map((a) => [a.grantId, a.name])).toEqual([
      ['g-new', 'Claims'],
      ['g-old', 'Wallet'],
    ]);
    expect(ada[1]?.logoUrl).toBe('https://wallet.example/logo.png');
    expect((await test.portal.listConnectedApps(BO)).map((a) => a.grantId)).toEqual(['g-bo']);
    expect(await test.portal.listConnectedApps({ accountId: 'acct-x', patientId: 'pat-x' })).toEqual([]);
  });

  it('flags an app the plan suspended since, and still lists it so the member can revoke it', async () => {
    const test = createTestMembers();
    await publish(test.records, 'c-1', { name: 'Wallet' }, { status: 'suspended' });
    await test.portal.recordGrant({
      grantId: 'g-1',
      clientId: 'c-1',
      patientId: ADA.patientId,
      scopes: ['patient/*.rs'],
      at: '2026-06-01T00:00:00.000Z',
    });
    const [app] = await test.portal.listConnectedApps(ADA);
    expect(app?.suspended).toBe(true);
    expect(app?.dataTypes).toContain('ExplanationOfBenefit');
    expect(app?.dataTypes).toContain('Patient');
    expect(await test.portal.listGallery({})).toEqual([]);
  });
});
