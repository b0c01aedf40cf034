import { describe, expect, it } from 'vitest';
import { manualClock, rejection } from '../testing/harness.ts';
import type { PortalError } from '../types.ts';
import {
  ATTESTATION,
  RAE,
  createTestReview,
  publishedRecord,
  requestRecord,
  snapshot,
  version,
} from '../testing/review.ts';

async function seeded() {
  const test = createTestReview(manualClock());
  const wallet = requestRecord({ status: 'approved' });
  const fit = requestRecord({
    id: 'req-fit',
    appId: 'app-fit',
    ownerId: 'vendor-bo',
    status: 'approved',
    versions: [
      version(
        1,
        '2026-06-01T00:00:00.000Z',
        snapshot({ name: 'Fit Tracker', clientId: 'client-fit', organizationName: 'Fit LLC', oauthType: 'pkce' }),
      ),
    ],
  });
  const desk = requestRecord({
    id: 'req-desk',
    appId: 'app-desk',
    ownerId: 'sandbox',
    contactEmail: 'dev@desktop.example',
    status: 'approved',
    versions: [version(1, '2026-06-01T00:00:00.000Z', snapshot({ name: 'Desk App', clientId: 'client-desk' }))],
  });
  await test.seed({
    requests: [wallet, fit, desk],
    published: [
      publishedRecord(wallet, { approvedAt: '2026-06-10T00:00:00.000Z' }),
      publishedRecord(fit, {
        approvedAt: '2026-06-20T00:00:00.000Z',
        status: 'suspended',
        suspension: { at: '2026-06-21T00:00:00.000Z', by: RAE.email, reason: 'Abuse.' },
      }),
      publishedRecord(desk, { approvedAt: '2026-06-15T00:00:00.000Z' }),
    ],
  });
  return test;
}

describe('listPublished', () => {
  it('lists published apps newest approval first, with the vendor and never the secret', async () => {
    const test = await seeded();
    const apps = await test.portal.listPublished({});
    expect(apps.map((app) => app.clientId)).toEqual(['client-fit', 'client-desk', 'client-wallet']);
    expect(apps[2]).toEqual({
      clientId: 'client-wallet',
      appId: 'app-1',
      requestId: 'req-1',
      version: 1,
      app: snapshot(),
      attestation: ATTESTATION,
      approvedAt: '2026-06-10T00:00:00.000Z',
      approvedBy: 'rae@plan.example',
      status: 'published',
      vendor: { name: 'Ada Vendor', email: 'ada@wallet.example', organizationName: 'Wallet Inc.' },
    });
    expect(apps[0]?.suspension).toEqual({ at: '2026-06-21T00:00:00.000Z', by: RAE.email, reason: 'Abuse.' });
    expect(apps[1]?.vendor).toEqual({ name: 'dev@desktop.example', email: 'dev@desktop.example' });
    for (const app of apps) expect(app).not.toHaveProperty('clientSecret');
  });

  it('filters by status and searches name, organization, vendor email and client ID', async () => {
    const test = await seeded();
    const ids = async (query: Record<string, unknown>) =>
      (await test.portal.listPublished(query)).map((app) => app.clientId);
    expect(await ids({ status: 'suspended' })).toEqual(['client-fit']);
    expect(await ids({ status: 'published' })).toEqual(['client-desk', 'client-wallet']);
    expect(await ids({ status: 'all', q: 'FIT llc' })).toEqual(['client-fit']);
    expect(await ids({ q: 'desktop.example' })).toEqual(['client-desk']);
    expect(await ids({ q: 'CLIENT-WALLET' })).toEqual(['client-wallet']);
    expect(await ids({ status: 'published', q: 'fit' })).toEqual([]);
    const bad = (await rejection(test.portal.listPublished({ status: 'pending' }))) as PortalError;
    expect(bad.fields).toEqual({ status: 'Status must be one of published, suspended, all.' });
  });
});
