/**
 * The member portal's port and JSON shapes (spec of issue 12, "Portal" and "JSON API"): the portal's MemberPortal
 * satisfies it structurally. Queries are passed as the query string gave them (absent when not given; `limit`
 * already a whole number from 1 to 100): the portal validates the rest (validation_failed with `fields`).
 */
import type { Bundle } from 'fhir/r4';

/** The member acting: the signed-in member account and the Patient it is bound to. */
export interface MemberIdentity {
  accountId: string;
  patientId: string;
}

/** One answer of the privacy attestation, in plain words. */
export interface PrivacyStatement {
  key: string;
  question: string;
  answer: 'yes' | 'no';
  plain: string;
}

/** A published, not suspended app as members see it (the gallery). */
export interface GalleryApp {
  clientId: string;
  name: string;
  logoUrl?: string;
  organizationName?: string;
  organizationUrl?: string;
  description?: string;
  privacyPolicyUrl?: string;
  securityPolicyUrl?: string;
  termsOfServiceUrl?: string;
  launchUrl?: string;
  approvedAt: string;
  /** The attestation in plain words, in ATTESTATION_QUESTIONS order. */
  privacy: PrivacyStatement[];
}

/** One grant the member gave an app. */
export interface ConnectedApp {
  grantId: string;
  clientId: string;
  name: string;
  logoUrl?: string;
  grantedAt: string;
  lastUsedAt?: string;
  /** Resource types the grant allows (from its scopes), sorted. */
  dataTypes: string[];
  scopes: string[];
  /** The app was suspended by the plan since (its tokens do not work). */
  suspended: boolean;
}

/** One Patient Access request an app made with the member's grant. */
export interface AccessHistoryEntry {
  id: string;
  at: string;
  clientId: string;
  appName: string;
  method: string;
  resourceType?: string;
  request: string;
  status: number;
  count?: number;
}

/** A page of the access history, newest first; `next` is the cursor of the following page. */
export interface AccessHistoryPage {
  entries: AccessHistoryEntry[];
  next?: string;
}

/** The gallery's query: `q`, text to find. */
export interface GalleryQuery {
  q?: string;
}

/** The access history's query: one app's entries, the page after `cursor`, `limit` entries (default 25). */
export interface AccessHistoryQuery {
  clientId?: string;
  cursor?: string;
  limit?: number;
}

/**
 * The member use cases the gallery and `/account` routes call. Every member method is scoped by the member's
 * patientId and accountId: another member's grant is not_found.
 */
export interface MemberApi {
  /** GET /gallery?q=: published, not suspended apps in name order. */
  listGallery(query: GalleryQuery): Promise<GalleryApp[]>;
  /** GET /gallery/{clientId}: not_found when unpublished or suspended. */
  getGalleryApp(clientId: string): Promise<GalleryApp>;
  /** GET /account/connected-apps: the member's grants not revoked, newest first. */
  listConnectedApps(member: MemberIdentity): Promise<ConnectedApp[]>;
  /** DELETE /account/connected-apps/{grantId}: revokes the app's tokens for this member; not_found if not theirs. */
  revokeConnectedApp(member: MemberIdentity, grantId: string): Promise<void>;
  /** GET /account/access-history?clientId=&cursor=&limit=: newest first. */
  listAccessHistory(member: MemberIdentity, query: AccessHistoryQuery): Promise<AccessHistoryPage>;
  /** GET /account/my-data: the member's records, a collection Bundle. */
  getMyData(member: MemberIdentity): Promise<Bundle>;
}
