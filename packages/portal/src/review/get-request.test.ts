import { describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../production/model.ts';
import { preCheckApp } from '../production/pre-checks.ts';
import { manualClock, rejection } from '../testing/harness.ts';
import { PortalError } from '../types.ts';
import { createTestReview, publishedRecord, requestRecord, snapshot, version } from '../testing/review.ts';

const v1 = snapshot();
const v2 = snapshot({ description: 'Keeps your claims, coverage and care team in one wallet.' });
const v3 = snapshot({
  description: 'Keeps your claims, coverage and care team in one wallet.',
  redirectUris: ['https://wallet.example/callback', 'https://wallet.example/callback2'],
  logoUrl: undefined,
});

describe('getRequest', () => {
  it('shows every version oldest first, the pre-checks of the latest, the history, and no changes for a new app', async () => {
    const seen: AppSnapshot[] = [];
    const test = createTestReview(manualClock(), {
      preCheck: (app) => {
        seen.push(app);
        return [
          {
            id: 'logo',
            field: 'logoUrl',
            severity: 'blocking',
            passed: app.logoUrl !== undefined,
            message: 'Logo URL is required.',
          },
        ];
      },
    });
    const request = requestRecord({
      versions: [
        version(3, '2026-06-03T09:00:00.000Z', v3, 'Added a second callback.'),
        version(1, '2026-06-01T09:00:00.000Z', v1),
        version(2, '2026-06-02T09:00:00.000Z', v2),
      ],
    });
    await test.seed({ requests: [request] });
    const detail = await test.portal.getRequest('req-1');
    expect(detail.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(detail.versions[2]?.notes).toBe('Added a second callback.');
    expect(detail).toMatchObject({ id: 'req-1', appName: 'Health Wallet', version: 3, status: 'pending', kind: 'new' });
    expect(detail).not.toHaveProperty('logoUrl');
    expect(seen).toEqual([v3]);
    expect(detail.checks).toEqual([
      { id: 'logo', field: 'logoUrl', severity: 'blocking', passed: false, message: 'Logo URL is required.' },
    ]);
    expect(detail.changes).toEqual([]);
    expect(detail).not.toHaveProperty('published');
    expect(detail.history.map((h) => [h.type, h.version, h.by])).toEqual([
      ['submitted', 1, 'ada@wallet.example'],
      ['updated', 2, 'ada@wallet.example'],
      ['updated', 3, 'ada@wallet.example'],
    ]);
  });

  it('shows the pre-checks of the latest version, the same rules the vendor saw before sending', async () => {
    const test = createTestReview(manualClock());
    await test.seed({ requests: [requestRecord()] });
    const { checks } = await test.portal.getRequest('req-1');
    expect(checks).toEqual(preCheckApp(snapshot()));
    expect(checks.length).toBeGreaterThan(0);
  });

  it('diffs an update against the published snapshot, field by field, and shows the published app', async () => {
    const test = createTestReview(manualClock());
    const approved = requestRecord({ id: 'req-0', status: 'approved', decidedAt: '2026-05-02T00:00:00.000Z' });
    const update = requestRecord({ kind: 'update', versions: [version(1, '2026-06-03T09:00:00.000Z', v3)] });
    await test.seed({ requests: [approved, update], published: [publishedRecord(approved)] });
    const detail = await test.portal.getRequest('req-1');
    expect(detail.changes).toEqual([
      {
        field: 'redirectUris',
        label: 'Redirect URL',
        published: 'https://wallet.example/callback',
        requested: 'https://wallet.example/callback\nhttps://wallet.example/callback2',
      },
      { field: 'logoUrl', label: 'Logo URL', published: 'https://wallet.example/logo.png' },
      {
        field: 'description',
        label: 'Description',
        published: 'Keeps your claims and coverage in one wallet on your phone.',
        requested: 'Keeps your claims, coverage and care team in one wallet.',
      },
    ]);
    expect(detail.published).toMatchObject({
      clientId: 'client-wallet',
      requestId: 'req-0',
      status: 'published',
      vendor: { email: 'ada@wallet.example' },
    });
    expect(detail.published).not.toHaveProperty('clientSecret');
  });

  it('is not_found for an unknown id', async () => {
    const test = createTestReview(manualClock());
    const error = (await rejection(test.portal.getRequest('nope'))) as PortalError;
    expect(error).toBeInstanceOf(PortalError);
    expect(error.code).toBe('not_found');
    expect(((await rejection(test.portal.getRequest(''))) as PortalError).code).toBe('not_found');
  });
});
