import type { StoredRecord } from '@plan-api/store';
import type { Jwks } from '../apps/jwks.ts';

/** An answer of the privacy attestation. */
export type AttestationAnswer = 'yes' | 'no';

/** The privacy attestation of a production request: reviewers see it, the member gallery shows it. */
export interface PrivacyAttestation {
  sellsData: AttestationAnswer;
  sharesWithThirdParties: AttestationAnswer;
  membersCanDelete: AttestationAnswer;
  followsCarinCode: AttestationAnswer;
}

/** One automatic pre-check: the vendor sees them before sending, reviewers on the request page. */
export interface PreCheck {
  id: string;
  /** The app field at fault (an AppInput field name), for field-level messages. */
  field?: string;
  severity: 'blocking' | 'advisory';
  passed: boolean;
  /** What was checked (passed), or what is wrong and how to fix it (failed). */
  message: string;
}

/** The app's fields as sent for review and as published (never the secret). */
export interface AppSnapshot {
  name: string;
  oauthType: 'secret' | 'pkce' | 'private_key_jwt';
  clientId: string;
  /** The public keys of a "private_key_jwt" app (a JWKS URL or the JWKS): production verifies with the same. */
  jwksUri?: string;
  jwks?: Jwks;
  redirectUris: string[];
  launchUrl?: string;
  logoUrl?: string;
  organizationName?: string;
  organizationUrl?: string;
  privacyPolicyUrl?: string;
  securityPolicyUrl?: string;
  termsOfServiceUrl?: string;
  description?: string;
}

/** The App Status of a sandbox app (AppRecord.productionRequest). */
export interface ProductionStatus {
  state: 'draft' | 'pending' | 'approved' | 'rejected' | 'suspended';
  requestId?: string;
  /** The latest version of the request (1 on first send; +1 on each save while pending and each new send). */
  version?: number;
  /** When the latest version was sent. */
  requestedAt?: string;
  decidedAt?: string;
  /** Rejection or suspension reason. */
  reason?: string;
  /** Present once the app has been approved (it stays published while a new request is pending). */
  published?: { approvedAt: string; version: number; suspended: boolean };
  /** Published, and the sandbox app differs from the published snapshot. */
  changesNotPublished?: boolean;
  /** The desktop/headless sandbox connected to a plan server: where the request went. */
  remote?: { serverUrl: string; appId: string; checkedAt: string; error?: string };
}

/** One version of a production request: what the vendor sent (a save while pending adds a version). */
export interface RequestVersion {
  version: number;
  submittedAt: string;
  app: AppSnapshot;
  attestation: PrivacyAttestation;
  notes?: string;
}

/** What happened to a request, in order. `by` is the email of the vendor or reviewer. */
export interface HistoryEntry {
  type: 'submitted' | 'updated' | 'approved' | 'rejected' | 'withdrawn';
  at: string;
  version: number;
  by: string;
  reason?: string;
}

/** Collection `productionRequests`: one record per request, every version kept. */
export interface ProductionRequestRecord extends StoredRecord {
  appId: string;
  ownerId: string;
  clientId: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  /** `update` when the app was already published when the request was made. */
  kind: 'new' | 'update';
  versions: RequestVersion[];
  history: HistoryEntry[];
  submittedAt: string;
  updatedAt: string;
  decidedAt?: string;
  /** Where mail about the request goes when the vendor has no account (the unconnected desktop's outbox). */
  contactEmail?: string;
}

/** Collection `productionApps`, id = client ID: the approved snapshot the production realm serves. */
export interface PublishedAppRecord extends StoredRecord {
  appId: string;
  ownerId: string;
  requestId: string;
  version: number;
  app: AppSnapshot;
  /** The same secret as the sandbox app's (confidential apps). */
  clientSecret?: string;
  attestation: PrivacyAttestation;
  approvedAt: string;
  approvedBy: string;
  status: 'published' | 'suspended';
  suspension?: { at: string; by: string; reason: string };
}

/** Collection names of production requests and published apps. */
export const PRODUCTION_COLLECTIONS = {
  requests: 'productionRequests',
  published: 'productionApps',
} as const;
