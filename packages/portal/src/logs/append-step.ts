import type { PortalContext } from '../context.ts';
import { sortableId } from '../shared/ids.ts';
import type { LaunchStepRecord } from '../types.ts';

/** A step to add to a launch's log; the id, order and time are filled in. */
export type NewStep = Omit<LaunchStepRecord, 'id' | 'launchId' | 'seq' | 'at'> & { at?: string };

/** Appends a step to a launch's log, numbered after the steps already there. */
export async function appendStep(ctx: PortalContext, launchId: string, step: NewStep): Promise<LaunchStepRecord> {
  return ctx.lock.run(`steps:${launchId}`, async () => {
    const now = ctx.clock.now();
    const seq = (await ctx.steps.count({ launchId })) + 1;
    const record: LaunchStepRecord = {
      ...step,
      id: sortableId(now, ctx.serial(), ctx.random),
      launchId,
      seq,
      at: step.at ?? now.toISOString(),
    };
    await ctx.steps.insert(record);
    return record;
  });
}
