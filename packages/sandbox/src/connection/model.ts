import type { AppRecord } from '@plan-api/portal';
import type { StoredRecord } from '@plan-api/store';

/** The collection of the sandbox's own settings (one record per setting). */
export const SETTINGS_COLLECTION = 'settings';
/** The id of the connection setting in {@link SETTINGS_COLLECTION}. */
export const CONNECTION_ID = 'connection';

/** The vendor the API key belongs to, as the plan server said when the sandbox connected. */
export interface ConnectedAccount {
  name: string;
  email: string;
  organizationName?: string;
}

/** The stored connection setting. The key is kept here and never leaves the sandbox but to its plan server. */
export interface ConnectionRecord extends StoredRecord {
  /** Absolute http(s) URL of the plan server, without a trailing slash (the API is at `<serverUrl>/api`). */
  serverUrl: string;
  apiKey: string;
  account: ConnectedAccount;
  connectedAt: string;
}

/** The connection as the API and the UI see it (never the key). */
export type ConnectionView =
  { connected: false } | { connected: true; serverUrl: string; account: ConnectedAccount; connectedAt: string };

/** What `PUT /api/connection` takes. */
export interface ConnectInput {
  serverUrl: string;
  apiKey: string;
}

// The types below are structurally identical to the ones of packages/portal (`production/model.ts` and the
// portal's ProductionGateway port). The integrator switches them to `@plan-api/portal`'s exports once those land.

/** An answer of the privacy attestation (portal: AttestationAnswer). */
export type AttestationAnswer = 'yes' | 'no';

/** The privacy attestation of a production request (portal: PrivacyAttestation). */
export interface PrivacyAttestation {
  sellsData: AttestationAnswer;
  sharesWithThirdParties: AttestationAnswer;
  membersCanDelete: AttestationAnswer;
  followsCarinCode: AttestationAnswer;
}

/** The App Status of an app (portal: ProductionStatus). */
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

/** Where a connected desktop/headless sandbox sends production requests (portal: ProductionGateway). */
export interface ProductionGateway {
  /** The plan server this sandbox is connected to, or undefined (requests go to the outbox mail). */
  connection(): Promise<{ serverUrl: string } | undefined>;
  /** Sends the app (with its client ID and secret) and the request; throws PortalError (validation_failed with the server's fields, etc.). */
  send(
    app: AppRecord,
    input: { attestation: PrivacyAttestation; notes?: string },
  ): Promise<{ appId: string; status: ProductionStatus }>;
  /** The server's current status of the app it knows as appId. */
  status(appId: string): Promise<ProductionStatus>;
}

/** What the vendor-contact port of the portal answers (portal: SandboxPortalDeps.vendorContact). */
export type VendorContact = (
  ownerId: string,
) => Promise<{ name: string; email: string; organizationName?: string } | undefined>;
