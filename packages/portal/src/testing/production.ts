import type { RecordStore } from '@plan-api/store';
import {
  PRODUCTION_COLLECTIONS,
  type PrivacyAttestation,
  type ProductionRequestRecord,
  type PublishedAppRecord,
} from '../production/model.ts';

/** A privacy attestation with every answer given (what a vendor who sells nothing would answer). */
export const ATTESTATION: PrivacyAttestation = {
  sellsData: 'no',
  sharesWithThirdParties: 'no',
  membersCanDelete: 'yes',
  followsCarinCode: 'yes',
};

/** An app body (AppInput) that passes every pre-check, blocking and advisory, with https URLs; override per test. */
export function completeApp(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Health Wallet',
    oauthType: 'secret',
    redirectUris: ['https://wallet.example.com/callback'],
    launchUrl: 'https://wallet.example.com/launch',
    logoUrl: 'https://wallet.example.com/logo.png',
    organizationName: 'Wallet Inc.',
    organizationUrl: 'https://wallet.example.com',
    privacyPolicyUrl: 'https://wallet.example.com/privacy',
    securityPolicyUrl: 'https://wallet.example.com/security',
    termsOfServiceUrl: 'https://wallet.example.com/terms',
    description: 'Shows your claims and coverage, and keeps them on your phone.',
    ...overrides,
  };
}

/**
 * What the review portal writes when a reviewer decides a pending request (the vendor side only reads it):
 * the request's decision and, for an approval, the published app under its client ID.
 */
export async function decideRequest(
  records: RecordStore,
  appId: string,
  decision: 'approved' | 'rejected',
  options: { at?: string; reason?: string; by?: string; clientSecret?: string } = {},
): Promise<ProductionRequestRecord> {
  const requests = records.collection<ProductionRequestRecord>(PRODUCTION_COLLECTIONS.requests);
  const [request] = await requests.list({ where: { appId, status: 'pending' }, limit: 1 });
  if (request === undefined) throw new Error(`no pending request for app ${appId}`);
  const at = options.at ?? '2026-07-02T09:00:00.000Z';
  const by = options.by ?? 'rae@plan.example';
  const last = request.versions.at(-1);
  if (last === undefined) throw new Error('a request without versions');
  const decided: ProductionRequestRecord = {
    ...request,
    status: decision,
    decidedAt: at,
    updatedAt: at,
    history: [
      ...request.history,
      {
        type: decision,
        at,
        version: last.version,
        by,
        ...(options.reason !== undefined ? { reason: options.reason } : {}),
      },
    ],
  };
  await requests.put(decided);
  if (decision === 'approved') {
    await records.collection<PublishedAppRecord>(PRODUCTION_COLLECTIONS.published).put({
      id: request.clientId,
      appId: request.appId,
      ownerId: request.ownerId,
      requestId: request.id,
      version: last.version,
      app: last.app,
      ...(options.clientSecret !== undefined ? { clientSecret: options.clientSecret } : {}),
      attestation: last.attestation,
      approvedAt: at,
      approvedBy: by,
      status: 'published',
    });
  }
  return decided;
}

/** What the review portal writes when a reviewer suspends a published app. */
export async function suspendPublished(records: RecordStore, clientId: string, reason: string): Promise<void> {
  const published = records.collection<PublishedAppRecord>(PRODUCTION_COLLECTIONS.published);
  const app = await published.get(clientId);
  if (app === undefined) throw new Error(`no published app ${clientId}`);
  await published.put({
    ...app,
    status: 'suspended',
    suspension: { at: '2026-07-03T08:00:00.000Z', by: 'rae@plan.example', reason },
  });
}

/** The request records of an app, oldest first. */
export async function requestsOf(records: RecordStore, appId: string): Promise<ProductionRequestRecord[]> {
  return records.collection<ProductionRequestRecord>(PRODUCTION_COLLECTIONS.requests).list({ where: { appId } });
}
