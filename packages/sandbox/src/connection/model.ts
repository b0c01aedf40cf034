import type { VendorContact as PortalVendorContact } from '@plan-api/portal';
export type { PrivacyAttestation, ProductionGateway, ProductionStatus } from '@plan-api/portal';
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

/** What the vendor-contact port of the portal answers (SandboxPortalDeps.vendorContact). */
export type VendorContact = (ownerId: string) => Promise<PortalVendorContact | undefined>;
