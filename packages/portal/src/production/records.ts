import type { PortalContext, VendorContact } from '../context.ts';
import type { AppRecord } from '../types.ts';
import type {
  HistoryEntry,
  PrivacyAttestation,
  ProductionRequestRecord,
  PublishedAppRecord,
  RequestVersion,
} from './model.ts';
import { snapshotOf } from './pre-checks.ts';

/** The newest production request of an app (request ids sort by creation), or undefined. */
export async function latestRequest(ctx: PortalContext, appId: string): Promise<ProductionRequestRecord | undefined> {
  const [latest] = await ctx.requests.list({ where: { appId }, orderBy: 'id', descending: true, limit: 1 });
  return latest;
}

/**
 * The published version of an app: the record of its client ID, when it belongs to the app's owner (a vendor
 * who deleted and re-imported an app with the same client ID finds its published version again).
 */
export async function publishedOf(
  ctx: PortalContext,
  app: Pick<AppRecord, 'clientId' | 'ownerId'>,
): Promise<PublishedAppRecord | undefined> {
  const published = await ctx.published.get(app.clientId);
  return published?.ownerId === app.ownerId ? published : undefined;
}

/** The vendor behind an owner, when the portal knows vendors (the hosted server). */
export async function vendorOf(ctx: PortalContext, owner: string): Promise<VendorContact | undefined> {
  return ctx.vendorContact === undefined ? undefined : ctx.vendorContact(owner);
}

/** The latest version of a request (a request always has one). */
export function lastVersion(request: ProductionRequestRecord): RequestVersion {
  const last = request.versions.at(-1);
  if (last === undefined) throw new Error(`production request ${request.id} has no version`);
  return last;
}

/** Who acts for the vendor in a request's history: the enrolled address, else the request's contact address. */
export function actorOf(vendor: VendorContact | undefined, request: { contactEmail?: string }, owner: string): string {
  return vendor?.email ?? request.contactEmail ?? owner;
}

/**
 * The request with a new version of the app appended (a save while pending, or a re-import of a pending app):
 * the attestation and notes carry over unless new ones are given; history `updated`.
 */
export function appendVersion(
  request: ProductionRequestRecord,
  app: AppRecord,
  at: string,
  by: string,
  answers: { attestation?: PrivacyAttestation; notes?: string | undefined } = {},
): ProductionRequestRecord {
  const last = lastVersion(request);
  const notes = 'notes' in answers ? answers.notes : last.notes;
  const version: RequestVersion = {
    version: last.version + 1,
    submittedAt: at,
    app: snapshotOf(app),
    attestation: answers.attestation ?? last.attestation,
    ...(notes !== undefined ? { notes } : {}),
  };
  const entry: HistoryEntry = { type: 'updated', at, version: version.version, by };
  return { ...request, versions: [...request.versions, version], history: [...request.history, entry], updatedAt: at };
}
