import type { PortalContext } from '../context.ts';
import { sortableId } from '../shared/ids.ts';
import type { LaunchStepRecord } from '../types.ts';
import { maskDetails } from './mask-details.ts';

/** A step to add to a launch's log; the id, order and time are filled in. */
export type NewStep = Omit<LaunchStepRecord, 'id' | 'launchId' | 'seq' | 'at'> & { at?: string };

/**
 * Appends a step to a launch's log, numbered after the steps already there (seq 1, 2, ... without gaps, also
 * under concurrent appends). A launch keeps its first steps and its latest ones (`ctx.launchLogLimits`): the
 * step that falls out of the latest window is deleted, so a launch used for days stays bounded.
 */
export async function appendStep(ctx: PortalContext, launchId: string, step: NewStep): Promise<LaunchStepRecord> {
  return ctx.lock.run(`steps:${launchId}`, async () => {
    const now = ctx.clock.now();
    const seq = await nextSeq(ctx, launchId);
    const record: LaunchStepRecord = {
      ...step,
      // Whoever logs a step, a credential in its details is never stored whole.
      ...(step.details !== undefined ? { details: maskDetails(step.details) } : {}),
      id: sortableId(now, ctx.serial(), ctx.random),
      launchId,
      seq,
      at: step.at ?? now.toISOString(),
    };
    await ctx.steps.insert(record);
    ctx.lastStepSeq.set(launchId, seq);
    const { first, latest } = ctx.launchLogLimits;
    const dropped = seq - latest;
    if (dropped > first) await ctx.steps.deleteWhere({ launchId, seq: dropped });
    return record;
  });
}

/** A step's place in its launch: from the database's counter when processes share the launch, else in memory. */
async function nextSeq(ctx: PortalContext, launchId: string): Promise<number> {
  if (ctx.counters === undefined) return (await lastSeq(ctx, launchId)) + 1;
  return ctx.counters.increment(`launch-steps:${launchId}`, STEP_COUNTER_SECONDS);
}

/** Launch logs are kept this long: the step counter outlives them. */
const STEP_COUNTER_SECONDS = 400 * 24 * 3600;

/** The seq of the launch's latest step (0 for none); asks the RecordStore only the first time. */
async function lastSeq(ctx: PortalContext, launchId: string): Promise<number> {
  const known = ctx.lastStepSeq.get(launchId);
  if (known !== undefined) return known;
  const [latest] = await ctx.steps.list({ where: { launchId }, orderBy: 'seq', descending: true, limit: 1 });
  return latest?.seq ?? 0;
}

/** How many steps of a launch were dropped, given its kept steps in seq order (seq counts from 1 without gaps). */
export function droppedSteps(steps: readonly LaunchStepRecord[]): number {
  return Math.max(0, (steps.at(-1)?.seq ?? 0) - steps.length);
}
