import type { PortalContext } from '../context.ts';
import type { AppRecord } from '../types.ts';
import type { PrivacyAttestation, ProductionStatus } from './model.ts';
import { sameSnapshot, snapshotOf } from './pre-checks.ts';
import type { RemoteRequestRecord } from './remote-record.ts';

type Remote = NonNullable<ProductionStatus['remote']>;

/** What went wrong, as a sentence fragment (an error's message, or the value itself). */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().replace(/\.$/, '');
}

/** The server's status as this sandbox shows it: with where it came from, and unsent local changes. */
function shown(
  app: AppRecord,
  status: ProductionStatus,
  remote: Remote,
  sent: RemoteRequestRecord | undefined,
): ProductionStatus {
  const { remote: _theirs, ...rest } = status;
  const unsent = sent !== undefined && !sameSnapshot(snapshotOf(app), sent.snapshot);
  const changed = rest.changesNotPublished === true || (unsent && rest.state !== 'draft');
  return { ...rest, ...(changed ? { changesNotPublished: true } : {}), remote };
}

/** Stores a status on the app record unless the app changed meanwhile (a concurrent save wins). */
async function keepStatus(ctx: PortalContext, app: AppRecord, status: ProductionStatus): Promise<void> {
  await ctx.apps.putIf({ ...app, productionRequest: status }, { updatedAt: app.updatedAt });
}

/**
 * The App Status of an app whose request went to a plan server, refreshed through the gateway. When the
 * refresh fails, or the sandbox is no longer connected to that server, it is the last known status with
 * `remote.error` saying why.
 */
export async function refreshRemote(ctx: PortalContext, app: AppRecord): Promise<ProductionStatus> {
  const last = app.productionRequest;
  const remote = last.remote;
  if (remote === undefined) return last;
  const stale = (why: string): ProductionStatus => ({
    ...last,
    remote: { ...remote, error: `${why}; this is the status last read at ${remote.checkedAt}.` },
  });
  if (ctx.production === undefined) return last;
  let connection: { serverUrl: string } | undefined;
  try {
    connection = await ctx.production.connection();
  } catch (error) {
    return stale(`The connection to ${remote.serverUrl} could not be read (${describe(error)})`);
  }
  if (connection === undefined) return stale(`This sandbox is no longer connected to ${remote.serverUrl}`);
  if (connection.serverUrl !== remote.serverUrl) {
    return stale(`This sandbox is now connected to ${connection.serverUrl}, not to ${remote.serverUrl}`);
  }
  try {
    const [status, sent] = await Promise.all([ctx.production.status(remote.appId), ctx.remoteRequests.get(app.id)]);
    const checked = { serverUrl: remote.serverUrl, appId: remote.appId, checkedAt: ctx.clock.now().toISOString() };
    const fresh = shown(app, status, checked, sent);
    await keepStatus(ctx, app, fresh);
    return fresh;
  } catch (error) {
    return stale(`The status could not be read from ${remote.serverUrl} (${describe(error)})`);
  }
}

/**
 * Sends a request to the connected plan server (the desktop/headless sandbox): the server decides (pending,
 * or 409 production_unchanged ...), and its status is stored on the app with `remote`. Errors of the gateway
 * (PortalError with the server's fields) reach the caller and nothing is stored.
 */
export async function sendRemote(
  ctx: PortalContext,
  app: AppRecord,
  serverUrl: string,
  input: { attestation: PrivacyAttestation; notes?: string },
): Promise<AppRecord> {
  const gateway = ctx.production;
  if (gateway === undefined) throw new Error('sendRemote needs a production gateway');
  const { appId, status } = await gateway.send(app, input);
  const now = ctx.clock.now().toISOString();
  const sent: RemoteRequestRecord = {
    id: app.id,
    serverUrl,
    remoteAppId: appId,
    snapshot: snapshotOf(app),
    attestation: input.attestation,
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    sentAt: now,
  };
  await ctx.remoteRequests.put(sent);
  const stored: AppRecord = {
    ...app,
    productionRequest: shown(app, status, { serverUrl, appId, checkedAt: now }, sent),
  };
  await ctx.apps.put(stored);
  return stored;
}

/**
 * After a save of an app whose request went to a plan server: the app with the server's status, and when the
 * request is pending there, the new version sent to it, as a save updates a local pending request. When that
 * fails, the save stands and the status says so in `remote.error`.
 */
export async function forwardSave(ctx: PortalContext, saved: AppRecord): Promise<AppRecord> {
  // The server may have decided since the last read: only a request still pending there takes a new version.
  const app: AppRecord = { ...saved, productionRequest: await refreshRemote(ctx, saved) };
  const remote = app.productionRequest.remote;
  if (remote === undefined || app.productionRequest.state !== 'pending' || ctx.production === undefined) return app;
  const sent = await ctx.remoteRequests.get(app.id);
  if (sent === undefined || sameSnapshot(snapshotOf(app), sent.snapshot)) return app;
  try {
    const connection = await ctx.production.connection();
    if (connection?.serverUrl !== remote.serverUrl) throw new Error(`not connected to ${remote.serverUrl}`);
    const answers = { attestation: sent.attestation, ...(sent.notes !== undefined ? { notes: sent.notes } : {}) };
    return await sendRemote(ctx, app, remote.serverUrl, answers);
  } catch (error) {
    const status: ProductionStatus = {
      ...app.productionRequest,
      changesNotPublished: true,
      remote: {
        ...remote,
        error: `Saved here, but the pending request on ${remote.serverUrl} was not updated (${describe(error)}); send the request again.`,
      },
    };
    return { ...app, productionRequest: status };
  }
}
