import type { VendorContact } from '../context.ts';
import type { FieldChange } from '../production/pre-checks.ts';
import type {
  AppSnapshot,
  HistoryEntry,
  PreCheck,
  PrivacyAttestation,
  ProductionRequestRecord,
  PublishedAppRecord,
  RequestVersion,
} from '../production/model.ts';

/** The reviewer acting: the account id and the address recorded in history (`by`). */
export interface Reviewer {
  id: string;
  email: string;
}

/** One row of the review queue (GET /api/review/requests). */
export interface RequestSummary {
  id: string;
  appId: string;
  clientId: string;
  appName: string;
  organizationName?: string;
  logoUrl?: string;
  vendor: VendorContact;
  status: ProductionRequestRecord['status'];
  /** The latest version. */
  version: number;
  kind: ProductionRequestRecord['kind'];
  /** When the first version was sent. */
  submittedAt: string;
  /** When the latest version was sent. */
  updatedAt: string;
  decidedAt?: string;
}

/** A published app as reviewers see it (GET /api/review/apps): never the secret. */
export interface PublishedApp {
  clientId: string;
  appId: string;
  requestId: string;
  version: number;
  app: AppSnapshot;
  attestation: PrivacyAttestation;
  approvedAt: string;
  approvedBy: string;
  status: PublishedAppRecord['status'];
  suspension?: { at: string; by: string; reason: string };
  vendor: VendorContact;
}

/** The request page (GET /api/review/requests/{id}). */
export interface RequestDetail extends RequestSummary {
  /** Oldest first. */
  versions: RequestVersion[];
  /** The pre-checks of the latest version. */
  checks: PreCheck[];
  /** The latest version against the published snapshot; [] for a new app. */
  changes: FieldChange[];
  /** The app as published now, if it ever was. */
  published?: PublishedApp;
  /** Oldest first. */
  history: HistoryEntry[];
}

/** The latest version of a request (versions are appended; the highest number wins in any order). */
export function latestVersion(request: ProductionRequestRecord): RequestVersion {
  let latest: RequestVersion | undefined;
  for (const version of request.versions)
    if (latest === undefined || version.version > latest.version) latest = version;
  if (latest === undefined) throw new Error(`production request ${request.id} has no versions`);
  return latest;
}

/** The PublishedApp view of a record: fields copied by name, so the secret can never leak through a spread. */
export function toPublishedApp(record: PublishedAppRecord, vendor: VendorContact): PublishedApp {
  const view: PublishedApp = {
    clientId: record.id,
    appId: record.appId,
    requestId: record.requestId,
    version: record.version,
    app: structuredClone(record.app),
    attestation: { ...record.attestation },
    approvedAt: record.approvedAt,
    approvedBy: record.approvedBy,
    status: record.status,
    vendor,
  };
  if (record.status === 'suspended' && record.suspension !== undefined) view.suspension = { ...record.suspension };
  return view;
}

/** The queue row of a request record. */
export function toRequestSummary(record: ProductionRequestRecord, vendor: VendorContact): RequestSummary {
  const { app } = latestVersion(record);
  const summary: RequestSummary = {
    id: record.id,
    appId: record.appId,
    clientId: record.clientId,
    appName: app.name,
    vendor,
    status: record.status,
    version: latestVersion(record).version,
    kind: record.kind,
    submittedAt: record.submittedAt,
    updatedAt: record.updatedAt,
  };
  if (app.organizationName !== undefined) summary.organizationName = app.organizationName;
  if (app.logoUrl !== undefined) summary.logoUrl = app.logoUrl;
  if (record.decidedAt !== undefined) summary.decidedAt = record.decidedAt;
  return summary;
}
