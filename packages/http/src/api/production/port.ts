/**
 * The JSON shapes of production requests (spec of issue 11, "Domain types"), as this package sends them. The
 * portal's own types (packages/portal production/model.ts) are the same shapes: its facades satisfy these ports
 * structurally.
 */
import type { AppRecord } from '@plan-api/portal';

export type AttestationAnswer = 'yes' | 'no';

/** The privacy attestation of a production request. */
export interface PrivacyAttestation {
  sellsData: AttestationAnswer;
  sharesWithThirdParties: AttestationAnswer;
  membersCanDelete: AttestationAnswer;
  followsCarinCode: AttestationAnswer;
}

/** One automatic pre-check of an app. */
export interface PreCheck {
  id: string;
  /** The app field at fault (an AppInput field name). */
  field?: string;
  severity: 'blocking' | 'advisory';
  passed: boolean;
  message: string;
}

/** The app's fields as sent for review and as published (never the secret). */
export interface AppSnapshot {
  name: string;
  oauthType: 'secret' | 'pkce' | 'private_key_jwt';
  clientId: string;
  jwksUri?: string;
  jwks?: { keys: object[] };
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

/** The App Status of a sandbox app: `productionRequest` of every app view. */
export interface ProductionStatus {
  state: 'draft' | 'pending' | 'approved' | 'rejected' | 'suspended';
  requestId?: string;
  version?: number;
  requestedAt?: string;
  decidedAt?: string;
  reason?: string;
  published?: { approvedAt: string; version: number; suspended: boolean };
  changesNotPublished?: boolean;
  remote?: { serverUrl: string; appId: string; checkedAt: string; error?: string };
}

/** The vendor's production use cases of every sandbox (desktop, headless, hosted): part of ManagementPortal. */
export interface ProductionChecksPortal {
  /** GET /api/apps/{id}/production-checks: the pre-checks reviewers will see; not_found unless the owner has it. */
  productionChecks(owner: string, appId: string): Promise<PreCheck[]>;
}

/** The server's side of a connected desktop's "Send Request" (POST /api/production-requests). */
export interface ProductionRequestsPortal {
  /**
   * `{app: {<AppInput fields>, clientId, clientSecret?}, attestation, notes?}`: creates or updates the vendor's
   * hosted app with exactly that client ID (and secret), then sends or updates its request. Throws
   * validation_failed, client_id_taken (another vendor's client ID), production_unchanged.
   */
  receiveProductionRequest(owner: string, input: unknown): Promise<AppRecord>;
}
