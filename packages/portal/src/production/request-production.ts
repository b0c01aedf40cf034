import type { PortalContext, VendorContact } from '../context.ts';
import { findApp } from '../apps/get-app.ts';
import { sortableId } from '../shared/ids.ts';
import { isObject, notAnObject } from '../shared/errors.ts';
import { validationError } from '../shared/validation.ts';
import { PortalError, type AppRecord } from '../types.ts';
import { sameAttestation } from './attestation.ts';
import type { ProductionRequestRecord, PublishedAppRecord, RequestVersion } from './model.ts';
import { preCheckApp, sameSnapshot, snapshotOf } from './pre-checks.ts';
import { lastVersion, latestRequest, publishedOf, vendorOf } from './records.ts';
import { sendRemote } from './remote.ts';
import { blockingFields, parseRequest, type RequestProductionInput } from './request-input.ts';
import { normalizeApp, withStatus } from './status.ts';

export type { RequestProductionInput } from './request-input.ts';

/**
 * Parses a request body and runs the blocking pre-checks on the app: one validation_failed with every field at
 * fault (`attestation.<key>`, `contactEmail`, `notes`, and each failed blocking check's app field).
 */
export function checkRequest(app: AppRecord, input: unknown, needsContact: boolean): RequestProductionInput {
  if (!isObject(input)) throw notAnObject('attestation (the four privacy answers), and optional notes');
  const parsed = parseRequest(input, needsContact);
  const fields = { ...(parsed.ok ? {} : parsed.fields), ...blockingFields(preCheckApp(snapshotOf(app))) };
  if (parsed.ok && Object.keys(fields).length === 0) return parsed.value;
  throw validationError('The production request was not sent', fields, parsed.ok ? [] : parsed.general);
}

/** The 409 of a send while a request is pending. */
export function pendingConflict(app: AppRecord, request: ProductionRequestRecord): PortalError {
  const last = lastVersion(request);
  return new PortalError(
    'production_request_pending',
    `"${app.name}" already has a pending production request (version ${last.version}, sent ${last.submittedAt}). Save the app to update the pending request.`,
  );
}

/** What submitRequest works from: the app as it is to be stored, and what is known of its requests. */
export interface Submission {
  /** The app to store (its fields are the request's snapshot). */
  app: AppRecord;
  /** The app as stored before, or undefined when submitRequest creates it (an imported app). */
  before: AppRecord | undefined;
  vendor: VendorContact | undefined;
  latest: ProductionRequestRecord | undefined;
  published: PublishedAppRecord | undefined;
  input: RequestProductionInput;
}

/**
 * Sends a request from this portal's records (callers hold the app's lock and have checked the input): a
 * new request record (kind `update` when a version is published), or a new version of a rejected request;
 * then the "production request received" mail. If the mail cannot be sent, the request and the app are put
 * back as they were, so the vendor can simply try again.
 */
export async function submitRequest(ctx: PortalContext, submission: Submission): Promise<AppRecord> {
  const { app, before, vendor, latest, published, input } = submission;
  if (latest?.status === 'pending') throw pendingConflict(app, latest);
  const snapshot = snapshotOf(app);
  if (
    published !== undefined &&
    sameSnapshot(snapshot, published.app) &&
    sameAttestation(input.attestation, published.attestation)
  ) {
    throw new PortalError(
      'production_unchanged',
      `Nothing changed in "${app.name}" since the version approved on ${published.approvedAt}: edit the app, then send a request for the changes.`,
    );
  }
  const now = ctx.clock.now().toISOString();
  const to = vendor?.email ?? input.contactEmail;
  if (to === undefined) throw new Error('submitRequest: no vendor contact and no contactEmail');
  const kind = published === undefined ? 'new' : 'update';
  const versionNumber = (latest === undefined ? 0 : lastVersion(latest).version) + 1;
  const version: RequestVersion = {
    version: versionNumber,
    submittedAt: now,
    app: snapshot,
    attestation: input.attestation,
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
  };
  const submitted = { type: 'submitted' as const, at: now, version: versionNumber, by: to };
  const contact = vendor === undefined ? { contactEmail: to } : {};
  let request: ProductionRequestRecord;
  if (latest?.status === 'rejected') {
    // A rejected request is sent again as a new version of the same record: reviewers see the whole story.
    const { decidedAt: _decided, ...rest } = latest;
    request = {
      ...rest,
      ...contact,
      status: 'pending',
      kind,
      versions: [...latest.versions, version],
      history: [...latest.history, submitted],
      updatedAt: now,
    };
    await ctx.requests.put(request);
  } else {
    request = {
      id: sortableId(ctx.clock.now(), ctx.serial(), ctx.random),
      appId: app.id,
      ownerId: app.ownerId,
      clientId: app.clientId,
      status: 'pending',
      kind,
      versions: [version],
      history: [submitted],
      submittedAt: now,
      updatedAt: now,
      ...contact,
    };
    await ctx.requests.insert(request);
  }
  // The status is derived from the records from now on; a status stored by an earlier version or by a
  // request to a plan server (remote) would hide it.
  const stored: AppRecord = { ...app, productionRequest: { state: 'draft' } };
  const appChanged = before === undefined || JSON.stringify(before) !== JSON.stringify(stored);
  try {
    if (appChanged) await ctx.apps.put(stored);
    if (ctx.mailer !== undefined) {
      await ctx.mailer.send({
        to,
        template: 'productionRequestReceived',
        data: {
          appName: app.name,
          clientId: app.clientId,
          contactEmail: to,
          requestedAt: now,
          ...(input.notes !== undefined ? { notes: input.notes } : {}),
          version: versionNumber,
          kind,
        },
      });
    }
  } catch (error) {
    if (latest?.status === 'rejected') await ctx.requests.put(latest);
    else await ctx.requests.delete(request.id);
    if (appChanged) {
      if (before === undefined) await ctx.apps.delete(app.id);
      else await ctx.apps.put(before);
    }
    throw error;
  }
  return withStatus(ctx, stored);
}

/**
 * Asks the plan to publish an app (POST /api/apps/{id}/production-request) with the privacy attestation and
 * optional notes: the blocking pre-checks must pass, then the request is pending (version 1, or the next
 * version after a rejection or an approval), and the vendor gets the "production request received" mail at
 * the enrolled address (or at `contactEmail` where the portal knows no vendors). A desktop/headless sandbox
 * connected to a plan server sends the request there instead and keeps the server's status.
 * Throws PortalError not_found, validation_failed (fields), production_request_pending (save the app to update
 * the pending request), production_unchanged (approved and nothing changed), or the gateway's errors.
 */
export async function requestProduction(
  ctx: PortalContext,
  owner: string,
  appId: string,
  input: unknown,
): Promise<AppRecord> {
  return ctx.lock.run(`app:${appId}`, async () => {
    const before = await findApp(ctx, owner, appId);
    const app = normalizeApp(before);
    const connection = ctx.production === undefined ? undefined : await ctx.production.connection();
    if (connection !== undefined) {
      const { attestation, notes } = checkRequest(app, input, false);
      return sendRemote(ctx, app, connection.serverUrl, { attestation, ...(notes !== undefined ? { notes } : {}) });
    }
    const [vendor, latest, published] = await Promise.all([
      vendorOf(ctx, owner),
      latestRequest(ctx, app.id),
      publishedOf(ctx, app),
    ]);
    if (latest?.status === 'pending') throw pendingConflict(app, latest);
    const parsed = checkRequest(app, input, vendor === undefined);
    return submitRequest(ctx, { app, before, vendor, latest, published, input: parsed });
  });
}
