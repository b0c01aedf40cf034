import type { StoredRecord } from '@plan-api/store';
import { ATTESTATION_QUESTIONS } from '../production/attestation.ts';
import type { PublishedAppRecord } from '../production/model.ts';

/** The member a request is made for: the signed-in member account and the Patient it is bound to. */
export interface Member {
  accountId: string;
  patientId: string;
}

/** One answer of an app's privacy attestation, in plain words. */
export interface GalleryPrivacyAnswer {
  key: string;
  question: string;
  answer: 'yes' | 'no';
  /** What the answer means, as the gallery says it ("Does not sell members' data"). */
  plain: string;
}

/** A published, not suspended app as members see it (GET /api/gallery): never the secret or redirect URIs. */
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
  privacy: GalleryPrivacyAnswer[];
}

/** One grant the member gave (GET /api/account/connected-apps). */
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

/** One request an app made with the member's token (GET /api/account/access-history). */
export interface AccessHistoryEntry {
  id: string;
  at: string;
  clientId: string;
  appName: string;
  method: string;
  resourceType?: string;
  /** Path and query below the FHIR base (`ExplanationOfBenefit?_count=50`). */
  request: string;
  /** HTTP status of the response. */
  status: number;
  /** Resources returned. */
  count?: number;
}

/** Collection `memberGrants`, id = the authorization server's grant id: a consent the member gave an app. */
export interface MemberGrantRecord extends StoredRecord {
  clientId: string;
  patientId: string;
  scopes: string[];
  grantedAt: string;
  /** Accurate to a minute: at most one write per minute and grant. */
  lastUsedAt?: string;
  /** Set when the member revoked the app; revoked grants are no longer listed. */
  revokedAt?: string;
  /** Raised by every change; changes are compare-and-set on it. */
  revision: number;
}

/** Collection `memberAccessLog`: one request with a member's token; ids sort by time (sortableId). */
export interface MemberAccessRecord extends StoredRecord {
  at: string;
  patientId: string;
  clientId: string;
  /** The app's published name when the request was made (the client ID when it had none). */
  appName: string;
  grantId?: string;
  method: string;
  request: string;
  resourceType?: string;
  status: number;
  count?: number;
}

/** Collection names of the member portal. */
export const MEMBER_COLLECTIONS = {
  grants: 'memberGrants',
  accessLog: 'memberAccessLog',
} as const;

/**
 * Indexes the PostgreSQL adapter should declare for the member portal's lists (the adapter appends the id, so
 * a member's history pages newest first by id on them): a member's grants, and of one app (revocation,
 * lastUsedAt); a member's history, and of one app; entries by time (clean-up of old history).
 */
export const MEMBER_RECORD_INDEXES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  [MEMBER_COLLECTIONS.grants]: [['patientId'], ['patientId', 'clientId']],
  [MEMBER_COLLECTIONS.accessLog]: [['patientId'], ['patientId', 'clientId'], ['at']],
};

/** The GalleryApp of a published record: fields copied by name, so the secret can never leak through a spread. */
export function toGalleryApp(record: PublishedAppRecord): GalleryApp {
  const { app } = record;
  const view: GalleryApp = { clientId: record.id, name: app.name, approvedAt: record.approvedAt, privacy: [] };
  if (app.logoUrl !== undefined) view.logoUrl = app.logoUrl;
  if (app.organizationName !== undefined) view.organizationName = app.organizationName;
  if (app.organizationUrl !== undefined) view.organizationUrl = app.organizationUrl;
  if (app.description !== undefined) view.description = app.description;
  if (app.privacyPolicyUrl !== undefined) view.privacyPolicyUrl = app.privacyPolicyUrl;
  if (app.securityPolicyUrl !== undefined) view.securityPolicyUrl = app.securityPolicyUrl;
  if (app.termsOfServiceUrl !== undefined) view.termsOfServiceUrl = app.termsOfServiceUrl;
  if (app.launchUrl !== undefined) view.launchUrl = app.launchUrl;
  view.privacy = ATTESTATION_QUESTIONS.map(({ key, question, yes, no }) => {
    const answer = record.attestation[key];
    return { key, question, answer, plain: answer === 'yes' ? yes : no };
  });
  return view;
}

/** The AccessHistoryEntry of a record (the member's patientId and the grant id stay inside). */
export function toHistoryEntry(record: MemberAccessRecord): AccessHistoryEntry {
  const entry: AccessHistoryEntry = {
    id: record.id,
    at: record.at,
    clientId: record.clientId,
    appName: record.appName,
    method: record.method,
    request: record.request,
    status: record.status,
  };
  if (record.resourceType !== undefined) entry.resourceType = record.resourceType;
  if (record.count !== undefined) entry.count = record.count;
  return entry;
}
