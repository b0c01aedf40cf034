import { describe, expect, it } from 'vitest';
import { manualClock, rejection } from '../testing/harness.ts';
import { PortalError } from '../types.ts';
import { createTestReview, requestRecord, snapshot, version } from '../testing/review.ts';

const wallet = requestRecord({
  id: 'req-wallet',
  versions: [version(1, '2026-06-20T09:00:00.000Z', snapshot())],
});
const fitness = requestRecord({
  id: 'req-fitness',
  appId: 'app-fit',
  ownerId: 'vendor-bo',
  versions: [
    version(
      1,
      '2026-06-10T09:00:00.000Z',
      snapshot({ name: 'Fit Tracker', clientId: 'client-fit', organizationName: 'Fit LLC' }),
    ),
    version(
      2,
      '2026-06-25T09:00:00.000Z',
      snapshot({ name: 'Fit Tracker 2', clientId: 'client-fit', organizationName: 'Fit LLC' }),
    ),
  ],
});
const rejectedOld = requestRecord({
  id: 'req-old',
  appId: 'app-old',
  status: 'rejected',
  decidedAt: '2026-06-05T10:00:00.000Z',
  versions: [version(1, '2026-06-01T09:00:00.000Z', snapshot({ name: 'Old App', clientId: 'client-old' }))],
});
const approvedNew = requestRecord({
  id: 'req-new',
  appId: 'app-new',
  status: 'approved',
  kind: 'update',
  decidedAt: '2026-06-28T10:00:00.000Z',
  versions: [version(1, '2026-06-02T09:00:00.000Z', snapshot({ name: 'New App', clientId: 'client-new' }))],
});
const desktop = requestRecord({
  id: 'req-desktop',
  appId: 'app-desk',
  ownerId: 'sandbox',
  contactEmail: 'dev@desktop.example',
  versions: [
    version(
      1,
      '2026-06-30T09:00:00.000Z',
      snapshot({ name: 'Desk App', clientId: 'client-desk', organizationName: undefined }),
    ),
  ],
});

async function seeded() {
  const test = createTestReview(manualClock());
  await test.seed({ requests: [wallet, fitness, rejectedOld, approvedNew, desktop] });
  return test;
}

describe('listRequests', () => {
  it('lists pending requests oldest first, then decided ones newest decision first', async () => {
    const test = await seeded();
    const rows = await test.portal.listRequests({});
    expect(rows.map((row) => row.id)).toEqual(['req-fitness', 'req-wallet', 'req-desktop', 'req-new', 'req-old']);
  });

  it('summarizes the latest version with the vendor, the first and latest dates and the decision', async () => {
    const test = await seeded();
    const rows = await test.portal.listRequests(undefined);
    expect(rows.find((row) => row.id === 'req-fitness')).toEqual({
      id: 'req-fitness',
      appId: 'app-fit',
      clientId: 'client-fit',
      appName: 'Fit Tracker 2',
      organizationName: 'Fit LLC',
      logoUrl: 'https://wallet.example/logo.png',
      vendor: { name: 'Bo Builder', email: 'bo@fitness.example' },
      status: 'pending',
      version: 2,
      kind: 'new',
      submittedAt: '2026-06-10T09:00:00.000Z',
      updatedAt: '2026-06-25T09:00:00.000Z',
    });
    expect(rows.find((row) => row.id === 'req-new')).toMatchObject({
      kind: 'update',
      decidedAt: '2026-06-28T10:00:00.000Z',
    });
  });

  it('names the contact address as the vendor when no account owns the app (the unconnected desktop)', async () => {
    const test = await seeded();
    const [row] = await test.portal.listRequests({ q: 'desk' });
    expect(row?.vendor).toEqual({ name: 'dev@desktop.example', email: 'dev@desktop.example' });
    expect(row).not.toHaveProperty('organizationName');
  });

  it('filters by status', async () => {
    const test = await seeded();
    const ids = async (status: string) => (await test.portal.listRequests({ status })).map((row) => row.id);
    expect(await ids('pending')).toEqual(['req-fitness', 'req-wallet', 'req-desktop']);
    expect(await ids('approved')).toEqual(['req-new']);
    expect(await ids('rejected')).toEqual(['req-old']);
    expect(await ids('withdrawn')).toEqual([]);
    expect(await ids('all')).toHaveLength(5);
  });

  it('searches app name, organization, vendor email and client ID, case-insensitively', async () => {
    const test = await seeded();
    const ids = async (q: string) => (await test.portal.listRequests({ q })).map((row) => row.id).sort();
    expect(await ids('FIT TRACKER')).toEqual(['req-fitness']);
    expect(await ids('fit llc')).toEqual(['req-fitness']);
    expect(await ids('BO@FITNESS')).toEqual(['req-fitness']);
    expect(await ids('client-OLD')).toEqual(['req-old']);
    expect(await ids('wallet inc')).toEqual(['req-new', 'req-old', 'req-wallet']);
    expect(await ids('  ')).toHaveLength(5);
    expect(await test.portal.listRequests({ status: 'pending', q: 'old' })).toEqual([]);
  });

  it('refuses a bad status or search text with field errors', async () => {
    const test = await seeded();
    const bad = await rejection(test.portal.listRequests({ status: 'open' }));
    expect(bad).toBeInstanceOf(PortalError);
    expect((bad as PortalError).code).toBe('validation_failed');
    expect((bad as PortalError).fields).toEqual({
      status: 'Status must be one of pending, approved, rejected, withdrawn, all.',
    });
    const long = (await rejection(test.portal.listRequests({ q: 'x'.repeat(201) }))) as PortalError;
    expect(long.fields).toEqual({ q: 'Search text must be at most 200 characters.' });
    const twice = (await rejection(test.portal.listRequests({ status: ['pending', 'all'] }))) as PortalError;
    expect(Object.keys(twice.fields)).toEqual(['status']);
    expect(((await rejection(test.portal.listRequests('pending'))) as PortalError).code).toBe('validation_failed');
  });
});
