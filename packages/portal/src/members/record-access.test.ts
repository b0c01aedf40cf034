import { describe, expect, it } from 'vitest';
import { withCollection } from '../testing/accounts.ts';
import { ADA, BO, createTestMembers, publish } from '../testing/members.ts';
import type { MemberAccessInput } from './record-access.ts';

function read(at: string, overrides: Partial<MemberAccessInput> = {}): MemberAccessInput {
  return {
    at,
    clientId: 'c-1',
    patientId: ADA.patientId,
    grantId: 'g-1',
    scopes: ['patient/ExplanationOfBenefit.rs'],
    method: 'GET',
    request: 'ExplanationOfBenefit?_count=50',
    resourceType: 'ExplanationOfBenefit',
    status: 200,
    count: 3,
    ...overrides,
  };
}

const GRANT = {
  grantId: 'g-1',
  clientId: 'c-1',
  patientId: ADA.patientId,
  scopes: ['patient/ExplanationOfBenefit.rs'],
  at: '2026-07-01T11:00:00.000Z',
};

describe('recordAccess', () => {
  it("adds an entry to the member's history with the app's published name", async () => {
    const test = createTestMembers();
    await publish(test.records, 'c-1', { name: 'Wallet' });
    await test.portal.recordGrant(GRANT);
    await test.portal.recordAccess(read('2026-07-01T12:00:00.000Z'));
    await test.portal.recordAccess(
      read('2026-07-01T12:00:01.000Z', {
        request: 'Coverage',
        resourceType: 'Coverage',
        status: 403,
        count: undefined,
      }),
    );
    const { entries } = await test.portal.listAccessHistory(ADA, {});
    expect(entries).toEqual([
      {
        id: expect.any(String) as string,
        at: '2026-07-01T12:00:01.000Z',
        clientId: 'c-1',
        appName: 'Wallet',
        method: 'GET',
        request: 'Coverage',
        resourceType: 'Coverage',
        status: 403,
      },
      {
        id: expect.any(String) as string,
        at: '2026-07-01T12:00:00.000Z',
        clientId: 'c-1',
        appName: 'Wallet',
        method: 'GET',
        request: 'ExplanationOfBenefit?_count=50',
        resourceType: 'ExplanationOfBenefit',
        status: 200,
        count: 3,
      },
    ]);
    expect((await test.portal.listAccessHistory(BO, {})).entries).toEqual([]);
  });

  it('moves lastUsedAt at most once a minute per grant', async () => {
    let writes = 0;
    const test = createTestMembers();
    const counted = createTestMembers({
      records: withCollection(test.records, 'memberGrants', (c) => ({
        putIf: (record, where) => {
          writes++;
          return c.putIf(record, where);
        },
      })),
    });
    await counted.portal.recordGrant(GRANT);
    const lastUsed = async () => (await counted.portal.listConnectedApps(ADA))[0]?.lastUsedAt;
    expect(await lastUsed()).toBeUndefined();
    await counted.portal.recordAccess(read('2026-07-01T12:00:00.000Z'));
    expect(await lastUsed()).toBe('2026-07-01T12:00:00.000Z');
    for (let s = 1; s < 60; s += 7)
      await counted.portal.recordAccess(read(`2026-07-01T12:00:${String(s).padStart(2, '0')}.000Z`));
    expect(await lastUsed()).toBe('2026-07-01T12:00:00.000Z');
    expect(writes).toBe(1);
    await counted.portal.recordAccess(read('2026-07-01T12:01:00.000Z'));
    expect(await lastUsed()).toBe('2026-07-01T12:01:00.000Z');
    expect(writes).toBe(2);
    expect((await counted.portal.listAccessHistory(ADA, { limit: 100 })).entries).toHaveLength(11);
  });

  it('two processes recording the same minute write lastUsedAt once', async () => {
    let writes = 0;
    const base = createTestMembers();
    const test = createTestMembers({
      records: withCollection(base.records, 'memberGrants', (c) => ({
        putIf: async (record, where) => {
          const ok = await c.putIf(record, where);
          if (ok) writes++;
          return ok;
        },
      })),
    });
    await test.portal.recordGrant(GRANT);
    const other = test.process2();
    await Promise.all([
      test.portal.recordAccess(read('2026-07-01T12:00:00.000Z')),
      other.recordAccess(read('2026-07-01T12:00:00.500Z')),
    ]);
    expect(writes).toBe(1);
  });

  it("without a grant id, the app's newest open grant for the member is the one used", async () => {
    const test = createTestMembers();
    await test.portal.recordGrant(GRANT);
    await test.portal.recordGrant({ ...GRANT, grantId: 'g-2', at: '2026-07-01T11:30:00.000Z' });
    await test.portal.recordAccess(read('2026-07-01T12:00:00.000Z', { grantId: undefined }));
    const apps = await test.portal.listConnectedApps(ADA);
    expect(apps.map((a) => [a.grantId, a.lastUsedAt])).toEqual([
      ['g-2', '2026-07-01T12:00:00.000Z'],
      ['g-1', undefined],
    ]);
  });

  it("never touches another member's grant, even when the entry names it", async () => {
    const test = createTestMembers();
    await test.portal.recordGrant({ ...GRANT, patientId: BO.patientId });
    await test.portal.recordAccess(read('2026-07-01T12:00:00.000Z'));
    expect((await test.portal.listConnectedApps(BO))[0]?.lastUsedAt).toBeUndefined();
    expect((await test.portal.listAccessHistory(BO, {})).entries).toEqual([]);
  });

  it('names an app without a published record by its client ID', async () => {
    const test = createTestMembers();
    await test.portal.recordAccess(read('2026-07-01T12:00:00.000Z', { clientId: 'c-gone', grantId: undefined }));
    expect((await test.portal.listAccessHistory(ADA, {})).entries[0]?.appName).toBe('c-gone');
  });
});
