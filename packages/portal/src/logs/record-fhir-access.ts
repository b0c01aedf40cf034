import type { PortalContext } from '../context.ts';
import { appByClientId } from '../apps/client-for.ts';
import { findLaunch } from '../launches/find-launch.ts';
import { sortableId } from '../shared/ids.ts';
import type { AccessLogRecord, AppRecord, LaunchRecord } from '../types.ts';
import { appendStep } from './append-step.ts';
import { EVENT_QUEUE } from './record-auth-event.ts';
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
 * Records a FHIR access: an access-log entry for the member's history and a `fhir` step on the launch the
 * token came from (by launch id, grant, or the client's latest launch for this patient). Recorded in call order
 * with the auth events, so the caller need not await it before answering the request.
 */
export async function recordFhirAccess(ctx: PortalContext, input: FhirAccessInput): Promise<AccessLogRecord> {
  const [result] = await recordFhirAccesses(ctx, [input]);
  if (result === undefined || result.status === 'rejected') throw result?.reason;
  return result.value;
}

/**
 * Records several FHIR accesses in order, as one turn of the event queue: each access's app and launch are looked
 * up once per batch (an app calling the API in a burst pays for its lookups once). Each access succeeds or fails
 * on its own.
 */
export async function recordFhirAccesses(
  ctx: PortalContext,
  inputs: readonly FhirAccessInput[],
): Promise<PromiseSettledResult<AccessLogRecord>[]> {
  return ctx.lock.run(EVENT_QUEUE, async () => {
    const memo: BatchMemo = { apps: new Map(), launches: new Map() };
    const results: PromiseSettledResult<AccessLogRecord>[] = [];
    for (const input of inputs) {
      try {
        results.push({ status: 'fulfilled', value: await record(ctx, input, memo) });
      } catch (reason) {
        results.push({ status: 'rejected', reason });
      }
    }
    return results;
  });
}

/** Lookups shared by the accesses of one batch. */
interface BatchMemo {
  apps: Map<string, Promise<AppRecord | undefined>>;
  launches: Map<string, Promise<LaunchRecord | undefined>>;
}

function remembered<T>(map: Map<string, Promise<T>>, key: string, look: () => Promise<T>): Promise<T> {
  let found = map.get(key);
  if (found === undefined) map.set(key, (found = look()));
  return found;
}

async function record(ctx: PortalContext, input: FhirAccessInput, memo: BatchMemo): Promise<AccessLogRecord> {
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
