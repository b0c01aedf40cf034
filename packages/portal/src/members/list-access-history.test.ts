import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../testing/accounts.ts';
import { ADA, BO, createTestMembers, publish, type TestMembers } from '../testing/members.ts';
import type { MemberPortal } from '../members.ts';

/** `n` reads by an app, a second apart from `start` (seconds after 12:00). */
async function reads(portal: MemberPortal, n: number, clientId: string, patientId: string, start = 0): Promise<void> {
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.parse('2026-07-01T12:00:00.000Z') + (start + i) * 1000).toISOString();
    await portal.recordAccess({
      at,
      clientId,
      patientId,
      method: 'GET',
      request: `Coverage?n=${start + i}`,
      status: 200,
    });
  }
}

async function allPages(test: TestMembers, query: Record<string, unknown>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await test.portal.listAccessHistory(ADA, { ...query, ...(cursor ? { cursor } : {}) });
    pages.push(page.entries.map((e) => e.request));
    cursor = page.next;
  } while (cursor !== undefined);
  return pages;
}

describe('listAccessHistory', () => {
  it('pages newest first, 25 at a time unless told, and the last page has no next', async () => {
    const test = createTestMembers();
    await reads(test.portal, 30, 'c-1', ADA.patientId);
    const first = await test.portal.listAccessHistory(ADA, undefined);
    expect(first.entries).toHaveLength(25);
    expect(first.entries[0]?.request).toBe('Coverage?n=29');
    expect(first.next).toEqual(expect.any(String));
    const second = await test.portal.listAccessHistory(ADA, { cursor: first.next });
    expect(second.entries.map((e) => e.request)).toEqual([4, 3, 2, 1, 0].map((n) => `Coverage?n=${n}`));
    expect(second.next).toBeUndefined();
    const pages = await allPages(test, { limit: '10' });
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10]);
    expect(new Set(pages.flat()).size).toBe(30);
  });

  it('does not repeat entries on later pages when new reads arrive while paging', async () => {
    const test = createTestMembers();
    await reads(test.portal, 6, 'c-1', ADA.patientId);
    const first = await test.portal.listAccessHistory(ADA, { limit: 3 });
    await reads(test.portal, 4, 'c-1', ADA.patientId, 100);
    const second = await test.portal.listAccessHistory(ADA, { limit: 3, cursor: first.next });
    expect(first.entries.map((e) => e.request)).toEqual(['Coverage?n=5', 'Coverage?n=4', 'Coverage?n=3']);
    expect(second.entries.map((e) => e.request)).toEqual(['Coverage?n=2', 'Coverage?n=1', 'Coverage?n=0']);
    expect(second.next).toBeUndefined();
  });

  it("filters by app, and never shows another member's entries", async () => {
    const test = createTestMembers();
    await publish(test.records, 'c-2', { name: 'Claims' });
    await reads(test.portal, 3, 'c-1', ADA.patientId);
    await reads(test.portal, 2, 'c-2', ADA.patientId, 10);
    await reads(test.portal, 5, 'c-2', BO.patientId, 20);
    const claims = await test.portal.listAccessHistory(ADA, { clientId: 'c-2' });
    expect(claims.entries.map((e) => [e.appName, e.request])).toEqual([
      ['Claims', 'Coverage?n=11'],
      ['Claims', 'Coverage?n=10'],
    ]);
    expect((await test.portal.listAccessHistory(ADA, {})).entries).toHaveLength(5);
    expect((await test.portal.listAccessHistory(BO, {})).entries).toHaveLength(5);
    expect((await test.portal.listAccessHistory(BO, { clientId: 'c-1' })).entries).toEqual([]);
    // A cursor only moves within the caller's own history.
    const ada = await test.portal.listAccessHistory(ADA, { limit: 1 });
    const bo = await test.portal.listAccessHistory(BO, { limit: 100, cursor: ada.next });
    expect(bo.entries.every((e) => e.request >= 'Coverage?n=20')).toBe(true);
  });

  it('refuses a bad limit or cursor as field errors', async () => {
    const test = createTestMembers();
    for (const limit of [0, 101, 2.5, 'ten', '-1']) {
      const error = await rejectionOf(test.portal.listAccessHistory(ADA, { limit }));
      expect(error.code).toBe('validation_failed');
      expect(error.fields).toEqual({ limit: 'Limit must be a whole number from 1 to 100.' });
    }
    const cursor = await rejectionOf(test.portal.listAccessHistory(ADA, { cursor: 'not-a-cursor' }));
    expect(cursor.fields).toEqual({
      cursor: 'Cursor must be the "next" value of the previous page; start again without it.',
    });
    expect((await test.portal.listAccessHistory(ADA, { limit: '100', clientId: '' })).entries).toEqual([]);
  });
});
