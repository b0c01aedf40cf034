import type { PortalContext } from '../context.ts';
import { appByClientId } from '../apps/client-for.ts';
import { findLaunch } from '../launches/find-launch.ts';
import { sortableId } from '../shared/ids.ts';
import type { AccessLogRecord, AppRecord, LaunchRecord } from '../types.ts';
import { appendStep } from './append-step.ts';
import { OAUTH_ERROR_FIXES } from './fixes.ts';

/** One FHIR API request made with an access token (from the Patient Access API). */
export interface FhirAccessInput {
  clientId: string;
  patientId: string;
  launchId?: string;
  grantId?: string;
  /** Scopes of the token used. */
  scopes?: string[];
  method: string;
  /** Path and query without the base (`Observation?category=laboratory`). */
  request: string;
  resourceType?: string;
  /** HTTP status of the response. */
  status: number;
  /** Resources returned. */
  count?: number;
  /** For a failed request: the error code (`insufficient_scope`, `expired_token`, ...) and what to fix. */
  error?: string;
  message?: string;
}

/** The launch-log sentence for a FHIR call. */
function stepMessage(input: FhirAccessInput): string {
  const call = `${input.method} ${input.request}`;
  if (input.message !== undefined) return input.message;
  if (input.status < 400) {
    return input.count === undefined
      ? `${call} returned HTTP ${input.status}.`
      : `${call} returned ${input.count} resource${input.count === 1 ? '' : 's'}.`;
  }
  const fix = input.error === undefined ? undefined : OAUTH_ERROR_FIXES[input.error];
  return `${call} failed with HTTP ${input.status}${input.error !== undefined ? ` (${input.error})` : ''}.${fix !== undefined ? ` ${fix}` : ''}`;
}

/**
 * Lookups shared by the accesses of one batch (see recordLogEvents): an app calling the API in a burst has its
 * app and launch looked up once.
 */
export interface AccessLookups {
  apps: Map<string, Promise<AppRecord | undefined>>;
  launches: Map<string, Promise<LaunchRecord | undefined>>;
}

export function newLookups(): AccessLookups {
  return { apps: new Map(), launches: new Map() };
}

function remembered<T>(map: Map<string, Promise<T>>, key: string, look: () => Promise<T>): Promise<T> {
  let found = map.get(key);
  if (found === undefined) map.set(key, (found = look()));
  return found;
}

/**
 * Records a FHIR access: an access-log entry for the member's history and a `fhir` step on the launch the token
 * came from (by launch id, grant, or the client's latest launch for this patient). Called by recordLogEvents,
 * under the event queue, in call order with the auth events, so the caller need not await it before answering.
 */
export async function recordFhirAccessInQueue(
  ctx: PortalContext,
  input: FhirAccessInput,
  memo: AccessLookups,
): Promise<AccessLogRecord> {
  const now = ctx.clock.now();
  const app = await remembered(memo.apps, input.clientId, () => appByClientId(ctx, input.clientId));
  const clues = {
    launchId: input.launchId,
    grantId: input.grantId,
    clientId: input.clientId,
    patientId: input.patientId,
  };
  const launch = await remembered(memo.launches, JSON.stringify(clues), () => findLaunch(ctx, clues, 'existing'));
  const entry: AccessLogRecord = {
    id: sortableId(now, ctx.serial(), ctx.random),
    at: now.toISOString(),
    patientId: input.patientId,
    clientId: input.clientId,
    ...(app !== undefined ? { appName: app.name, ownerId: app.ownerId } : {}),
    method: input.method,
    request: input.request,
    ...(input.resourceType !== undefined ? { resourceType: input.resourceType } : {}),
    status: input.status,
    ...(input.count !== undefined ? { count: input.count } : {}),
    ...((launch?.id ?? input.launchId) !== undefined ? { launchId: launch?.id ?? input.launchId } : {}),
  };
  await ctx.accessLog.insert(entry);
  if (launch !== undefined) {
    await appendStep(ctx, launch.id, {
      step: 'fhir',
      status: input.status < 400 ? 'ok' : 'error',
      httpStatus: input.status,
      request: `${input.method} ${input.request}`,
      ...(input.scopes !== undefined ? { scopes: [...input.scopes] } : {}),
      ...(input.error !== undefined ? { error: input.error } : {}),
      message: stepMessage(input),
      ...(input.count !== undefined ? { details: { count: input.count } } : {}),
    });
  }
  return entry;
}
