import type { PortalContext } from '../context.ts';
import { isObject } from '../shared/errors.ts';
import type { AppRecord } from '../types.ts';
import type { ProductionRequestRecord, ProductionStatus, PublishedAppRecord } from './model.ts';
import { latestRequest, lastVersion, publishedOf } from './records.ts';
import { sameSnapshot, snapshotOf } from './pre-checks.ts';
import { refreshRemote } from './remote.ts';

const STATES = new Set<string>(['draft', 'pending', 'approved', 'rejected', 'suspended']);

/**
 * The App Status stored on an app record, read leniently: records written by earlier versions hold `null`
 * (never requested) or `{ status, requestedAt, reason?, contactEmail?, notes? }` (the outbox request).
 */
export function storedStatus(value: unknown): ProductionStatus {
  if (!isObject(value)) return { state: 'draft' };
  if (typeof value.state === 'string' && STATES.has(value.state)) return value as unknown as ProductionStatus;
  const legacy = value.status;
  if (legacy !== 'pending' && legacy !== 'approved' && legacy !== 'rejected') return { state: 'draft' };
  return {
    state: legacy,
    ...(typeof value.requestedAt === 'string' ? { requestedAt: value.requestedAt } : {}),
    ...(typeof value.reason === 'string' ? { reason: value.reason } : {}),
  };
}

/** An app record as stored, with its status read leniently (see storedStatus). */
export function normalizeApp(app: AppRecord): AppRecord {
  return { ...app, productionRequest: storedStatus(app.productionRequest) };
}

/**
 * The App Status from the records both sides write: the app's latest request (the vendor side writes it, the
 * reviewers decide it) and its published version (the reviewers write it). `fallback` is the status stored on
 * the app record, for an app that has neither (draft, or a request made by an earlier version).
 */
export function deriveStatus(
  app: AppRecord,
  request: ProductionRequestRecord | undefined,
  published: PublishedAppRecord | undefined,
  fallback: ProductionStatus = { state: 'draft' },
): ProductionStatus {
  if (request === undefined && published === undefined) return fallback;
  const suspended = published?.status === 'suspended';
  const live: ProductionStatus['state'] = suspended ? 'suspended' : 'approved';
  const status: ProductionStatus = { state: live };
  if (request !== undefined) {
    const last = lastVersion(request);
    status.requestId = request.id;
    status.version = last.version;
    status.requestedAt = last.submittedAt;
    if (request.status === 'pending') status.state = 'pending';
    else if (request.status === 'rejected') {
      status.state = 'rejected';
      const reason = request.history.findLast((entry) => entry.type === 'rejected')?.reason;
      if (reason !== undefined) status.reason = reason;
    } else if (request.status === 'withdrawn' && published === undefined) status.state = 'draft';
    if (request.status !== 'pending' && request.decidedAt !== undefined) status.decidedAt = request.decidedAt;
  } else if (published !== undefined) status.decidedAt = published.approvedAt;
  if (published !== undefined) {
    if (suspended && status.state === 'suspended' && published.suspension !== undefined) {
      status.reason = published.suspension.reason;
    }
    status.published = { approvedAt: published.approvedAt, version: published.version, suspended };
    status.changesNotPublished = !sameSnapshot(snapshotOf(app), published.app);
  }
  return status;
}

/** The App Status of an app of this portal's records (not one sent to a plan server). */
export async function localStatus(ctx: PortalContext, app: AppRecord): Promise<ProductionStatus> {
  const [request, published] = await Promise.all([latestRequest(ctx, app.id), publishedOf(ctx, app)]);
  return deriveStatus(app, request, published, storedStatus(app.productionRequest));
}

/**
 * The app as the API shows it, with its current App Status: derived from the records, or for a request sent
 * to a plan server, refreshed from that server (on failure, the last known status with `remote.error`).
 */
export async function withStatus(ctx: PortalContext, stored: AppRecord): Promise<AppRecord> {
  const app = normalizeApp(stored);
  const productionRequest =
    app.productionRequest.remote !== undefined ? await refreshRemote(ctx, app) : await localStatus(ctx, app);
  return { ...app, productionRequest };
}
