/**
 * The review queue's port and JSON shapes (spec of issue 11, "JSON API", reviewer): the review portal's facade
 * satisfies it structurally. Inputs are raw: the portal validates them (validation_failed with `fields`).
 */
import type { AppSnapshot, PreCheck, PrivacyAttestation } from '../production/port.ts';

/** The reviewer acting: the signed-in account's id and email (recorded as `by` in history and suspensions). */
export interface Reviewer {
  id: string;
  email: string;
}

/** The vendor of an app as reviewers see it. */
export interface VendorContact {
  name: string;
  email: string;
  organizationName?: string;
}

/** One row of the review queue. */
export interface RequestSummary {
  id: string;
  appId: string;
  clientId: string;
  appName: string;
  organizationName?: string;
  logoUrl?: string;
  vendor: VendorContact;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  version: number;
  kind: 'new' | 'update';
  /** When the first version was sent. */
  submittedAt: string;
  /** When the latest version was sent. */
  updatedAt: string;
  decidedAt?: string;
}

/** One version of a request. */
export interface RequestVersion {
  version: number;
  submittedAt: string;
  app: AppSnapshot;
  attestation: PrivacyAttestation;
  notes?: string;
}

/** One field that differs between the published snapshot and the requested one. */
export interface FieldChange {
  field: string;
  label: string;
  published?: string;
  requested?: string;
}

/** What happened to a request; `by` is the email of the vendor or reviewer. */
export interface HistoryEntry {
  type: 'submitted' | 'updated' | 'approved' | 'rejected' | 'withdrawn';
  at: string;
  version: number;
  by: string;
  reason?: string;
}

/** A published (production) app as reviewers see it. */
export interface PublishedApp {
  clientId: string;
  appId: string;
  requestId: string;
  version: number;
  app: AppSnapshot;
  attestation: PrivacyAttestation;
  approvedAt: string;
  approvedBy: string;
  status: 'published' | 'suspended';
  suspension?: { at: string; by: string; reason: string };
  vendor: VendorContact;
}

/** The request page. */
export interface RequestDetail extends RequestSummary {
  versions: RequestVersion[];
  checks: PreCheck[];
  changes: FieldChange[];
  published?: PublishedApp;
  history: HistoryEntry[];
}

/** The query of a list: `status` and `q` as the query string gave them (absent when not given). */
export interface ReviewListQuery {
  status?: string;
  q?: string;
}

/**
 * The review use cases the `/review` routes call. Lists validate their query (`status`: requests pending,
 * approved, rejected, withdrawn or all; apps published, suspended or all; default all); decisions take the raw
 * body (`{reason?}`, `{reason}` required for reject and suspend) and throw not_found, validation_failed
 * (`fields.reason`) or request_decided (409: not in the state the action needs).
 */
export interface ReviewApi {
  /** GET /review/requests: pending oldest first, then decided ones newest decision first. */
  listRequests(query: ReviewListQuery): Promise<RequestSummary[]>;
  /** GET /review/requests/{id}. */
  getRequest(requestId: string): Promise<RequestDetail>;
  /** POST /review/requests/{id}/approve `{reason?}`: publishes the latest version, mails the vendor. */
  approve(reviewer: Reviewer, requestId: string, input: unknown): Promise<RequestDetail>;
  /** POST /review/requests/{id}/reject `{reason}`: mails the vendor with the reason. */
  reject(reviewer: Reviewer, requestId: string, input: unknown): Promise<RequestDetail>;
  /** GET /review/apps. */
  listPublished(query: ReviewListQuery): Promise<PublishedApp[]>;
  /** POST /review/apps/{clientId}/suspend `{reason}`: its tokens stop working, mails the vendor. */
  suspend(reviewer: Reviewer, clientId: string, input: unknown): Promise<PublishedApp>;
  /** POST /review/apps/{clientId}/reinstate `{reason?}`. */
  reinstate(reviewer: Reviewer, clientId: string, input: unknown): Promise<PublishedApp>;
}
