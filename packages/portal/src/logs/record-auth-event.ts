import type { AuthEvent } from '@plan-api/smart';
import type { PortalContext } from '../context.ts';
import { findLaunch } from '../launches/find-launch.ts';
import type { LaunchRecord, LaunchStepRecord } from '../types.ts';
import { appendStep } from './append-step.ts';
import { defaultMessage } from './fixes.ts';
import { maskDetails, tokenStepDetails } from './mask-details.ts';

/** The lock key that orders auth events and FHIR accesses. */
export const EVENT_QUEUE = 'events';

/** Event types whose failure means the authorization failed (refresh, revoke, introspect failures do not). */
const FAILS_LAUNCH = new Set<AuthEvent['type']>(['authorize', 'login', 'consent', 'token', 'error']);

/** The launch status after an event. */
function nextStatus(launch: LaunchRecord, event: AuthEvent): LaunchRecord['status'] {
  if (event.status === 'error') return FAILS_LAUNCH.has(event.type) ? 'failed' : launch.status;
  if (event.type === 'token') return 'authorized';
  if (event.type === 'authorize' && launch.status === 'created') return 'authorizing';
  return launch.status;
}

/**
 * Turns an authorization-server event into a launch-log step. The step goes to the event's launch, else the launch
 * of its grant, else the client's latest launch in use; an authorize request without a launch starts a standalone
 * launch. Updates the launch's status and patient. Returns undefined when the event names no known launch or app
 * (e.g. an unknown client_id). Called by recordLogEvents, under the event queue: events arrive fire-and-forget
 * from a synchronous callback, and the one queue keeps each step in arrival order and lets a login find the
 * standalone launch its authorize just started.
 */
export async function recordAuthEventInQueue(
  ctx: PortalContext,
  event: AuthEvent,
): Promise<LaunchStepRecord | undefined> {
  const clues = {
    launchId: event.launchId,
    grantId: event.grantId,
    clientId: event.clientId,
    patientId: event.patientId,
  };
  const mode = event.type === 'authorize' && event.launchId === undefined ? 'start' : 'attach';
  const launch = await findLaunch(ctx, clues, mode);
  if (launch === undefined) return undefined;
  await ctx.lock.run(`launch:${launch.id}`, async () => {
    const current = (await ctx.launches.get(launch.id)) ?? launch;
    const status = nextStatus(current, event);
    const patientId = current.patientId ?? event.patientId;
    if (status !== current.status || patientId !== current.patientId) {
      await ctx.launches.put({ ...current, status, ...(patientId !== undefined ? { patientId } : {}) });
    }
  });
  // Never stored raw: tokens are cut to 6 characters and a length; a token response keeps its id_token's claims.
  const raw = { ...event.details, ...(event.grantId !== undefined ? { grantId: event.grantId } : {}) };
  const details = event.type === 'token' || event.type === 'refresh' ? tokenStepDetails(raw) : maskDetails(raw);
  return appendStep(ctx, launch.id, {
    step: event.type,
    status: event.status,
    at: event.at,
    ...(event.scopes !== undefined ? { scopes: [...event.scopes] } : {}),
    ...(event.error !== undefined ? { error: event.error } : {}),
    message: event.message ?? defaultMessage(event.type, event.status, event.error),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  });
}
