import type { AuthEvent } from '@plan-api/smart';
import type { PortalContext } from '../context.ts';
import type { AccessLogRecord, LaunchStepRecord } from '../types.ts';
import { EVENT_QUEUE, recordAuthEventInQueue } from './record-auth-event.ts';
import { newLookups, recordFhirAccessInQueue } from './record-fhir-access.ts';
import type { FhirAccessInput } from './record-fhir-access.ts';

/** An authorization server event or a FHIR access, as the sandbox realm reports them. */
export type LogEvent = { kind: 'auth'; event: AuthEvent } | { kind: 'access'; input: FhirAccessInput };

export type LogEventResult = LaunchStepRecord | AccessLogRecord | undefined;

/**
 * Records a batch of auth events and FHIR accesses in their order, as one turn of the event queue: the launch log
 * and access log cost less per request under load, and stay off the requests' path. Accesses share their app and launch lookups until an auth event (which may
 * start or change a launch) comes between them. Each event succeeds or fails on its own.
 */
export async function recordLogEvents(
  ctx: PortalContext,
  events: readonly LogEvent[],
): Promise<PromiseSettledResult<LogEventResult>[]> {
  return ctx.lock.run(EVENT_QUEUE, async () => {
    let lookups = newLookups();
    const results: PromiseSettledResult<LogEventResult>[] = [];
    for (const item of events) {
      try {
        if (item.kind === 'auth') {
          lookups = newLookups();
          results.push({ status: 'fulfilled', value: await recordAuthEventInQueue(ctx, item.event) });
        } else {
          results.push({ status: 'fulfilled', value: await recordFhirAccessInQueue(ctx, item.input, lookups) });
        }
      } catch (reason) {
        results.push({ status: 'rejected', reason });
      }
    }
    return results;
  });
}
