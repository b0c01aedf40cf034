// Test support of the review portal's tests: production requests and published apps built as records.
import { createMemoryRecordStore, type RecordStore } from '@plan-api/store';
import type { Clock } from '../context.ts';
import {
  PRODUCTION_COLLECTIONS,
  type AppSnapshot,
  type PrivacyAttestation,
  type ProductionRequestRecord,
  type PublishedAppRecord,
  type RequestVersion,
} from '../production/model.ts';
import { createReviewPortal, type ReviewPortal } from '../review.ts';
import { createReviewContext, type ReviewContext, type ReviewPortalDeps } from '../review/context.ts';
import type { ReviewMail } from '../production/mailer.ts';
import type { ReviewMailer } from '../review/context.ts';
import type { VendorContact } from '../context.ts';
import type { Reviewer } from '../review/model.ts';

/** The reviewers the tests act as. */
export const RAE: Reviewer = { id: 'acct-rae', email: 'rae@plan.example' };
export const SAM: Reviewer = { id: 'acct-sam', email: 'sam@plan.example' };

/** The vendor accounts the tests know (owner id -> contact). */
export const VENDORS: Readonly<Record<string, VendorContact>> = {
  'vendor-ada': { name: 'Ada Vendor', email: 'ada@wallet.example', organizationName: 'Wallet Inc.' },
  'vendor-bo': { name: 'Bo Builder', email: 'bo@fitness.example' },
};

export const ATTESTATION: PrivacyAttestation = {
  sellsData: 'no',
  sharesWithThirdParties: 'no',
  membersCanDelete: 'yes',
  followsCarinCode: 'yes',
};

/** A complete app snapshot; override fields per test. */
export function snapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    name: 'Health Wallet',
    oauthType: 'secret',
    clientId: 'client-wallet',
    redirectUris: ['https://wallet.example/callback'],
    launchUrl: 'https://wallet.example/launch',
    logoUrl: 'https://wallet.example/logo.png',
    organizationName: 'Wallet Inc.',
    organizationUrl: 'https://wallet.example',
    privacyPolicyUrl: 'https://wallet.example/privacy',
    securityPolicyUrl: 'https://wallet.example/security',
    termsOfServiceUrl: 'https://wallet.example/terms',
    description: 'Keeps your claims and coverage in one wallet on your phone.',
    ...overrides,
  };
}

/** One version sent at `submittedAt`. */
export function version(n: number, submittedAt: string, app: AppSnapshot, notes?: string): RequestVersion {
  return { version: n, submittedAt, app, attestation: { ...ATTESTATION }, ...(notes !== undefined ? { notes } : {}) };
}

/** A request record: pending, one version of `snapshot()` by vendor-ada, unless overridden. */
export function requestRecord(overrides: Partial<ProductionRequestRecord> = {}): ProductionRequestRecord {
  const versions = overrides.versions ?? [version(1, '2026-07-01T09:00:00.000Z', snapshot())];
  const first = versions.reduce((a, b) => (a.version < b.version ? a : b));
  const last = versions.reduce((a, b) => (a.version > b.version ? a : b));
  const ownerId = overrides.ownerId ?? 'vendor-ada';
  return {
    id: 'req-1',
    appId: 'app-1',
    ownerId,
    clientId: last.app.clientId,
    status: 'pending',
    kind: 'new',
    versions,
    history: [...versions]
      .sort((a, b) => a.version - b.version)
      .map((v) => ({
        type: v.version === first.version ? ('submitted' as const) : ('updated' as const),
        at: v.submittedAt,
        version: v.version,
        by: VENDORS[ownerId]?.email ?? overrides.contactEmail ?? 'dev@desktop.example',
      })),
    submittedAt: first.submittedAt,
    updatedAt: last.submittedAt,
    ...overrides,
  };
}

/** A published record of `request`'s latest version (as an approval writes it). */
export function publishedRecord(
  request: ProductionRequestRecord,
  overrides: Partial<PublishedAppRecord> = {},
): PublishedAppRecord {
  const last = request.versions.reduce((a, b) => (a.version > b.version ? a : b));
  return {
    id: request.clientId,
    appId: request.appId,
    ownerId: request.ownerId,
    requestId: request.id,
    version: last.version,
    app: structuredClone(last.app),
    ...(last.app.oauthType === 'secret' ? { clientSecret: 'secret-published' } : {}),
    attestation: { ...last.attestation },
    approvedAt: '2026-06-01T10:00:00.000Z',
    approvedBy: RAE.email,
    status: 'published',
    ...overrides,
  };
}

/** A mailer that keeps what it is asked to send. */
export function keepingReviewMailer(): ReviewMailer & { sent: ReviewMail[] } {
  const sent: ReviewMail[] = [];
  return {
    sent,
    send: (message) => {
      sent.push(structuredClone(message));
      return Promise.resolve({ id: `mail-${sent.length}` });
    },
  };
}

/** A review portal over a memory RecordStore, a keeping mailer and the VENDORS, and what the tests look into. */
export interface TestReview {
  portal: ReviewPortal;
  records: RecordStore;
  mailer: ReviewMailer & { sent: ReviewMail[] };
  ctx: ReviewContext;
  /** Another portal over the same records and mailer: another server process. */
  process2(): ReviewPortal;
  /** Stores records as the vendor side would have written them. */
  seed(records: {
    requests?: ProductionRequestRecord[];
    published?: PublishedAppRecord[];
    apps?: { id: string; clientId: string; clientSecret?: string }[];
  }): Promise<void>;
}

/** Creates a TestReview; `clock` is the tests' manual clock. */
export function createTestReview(clock: Clock, overrides: Partial<ReviewPortalDeps> = {}): TestReview {
  const records = createMemoryRecordStore();
  const mailer = keepingReviewMailer();
  const deps: ReviewPortalDeps = {
    records,
    mailer,
    clock,
    vendorContact: (ownerId) => Promise.resolve(VENDORS[ownerId]),
    appLink: (appId) => `https://plan.example/developer/apps/${appId}`,
    ...overrides,
  };
  const ctx = createReviewContext(deps);
  return {
    portal: createReviewPortal(deps),
    records,
    mailer,
    ctx,
    process2: () => createReviewPortal(deps),
    seed: async ({ requests = [], published = [], apps = [] }) => {
      for (const r of requests) await records.collection(PRODUCTION_COLLECTIONS.requests).put(r);
      for (const p of published) await records.collection(PRODUCTION_COLLECTIONS.published).put(p);
      for (const a of apps) await ctx.apps.put(a);
    },
  };
}
