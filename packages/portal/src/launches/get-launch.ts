import type { PortalContext } from '../context.ts';
import { ownedLaunch } from './find-launch.ts';
import { droppedSteps } from '../logs/append-step.ts';
import type { LaunchStepRecord } from '../types.ts';
import { summarize, type LaunchSummary } from './summaries.ts';

/** One launch with its steps in order. */
export interface LaunchDetail {
  launch: LaunchSummary;
  steps: LaunchStepRecord[];
  /**
   * Steps dropped from the middle of a long log (the first and the latest are kept): the gap in `seq` after
   * the first steps. 0 for most launches.
   */
  truncated: number;
}

/**
 * A launch and its steps in order (GET /api/launches/{id}): all of them, or the first and the latest of a long
 * log; PortalError not_found when the owner has no such launch.
 */
export async function getLaunch(ctx: PortalContext, owner: string, id: string): Promise<LaunchDetail> {
  const launch = await ownedLaunch(ctx, owner, id);
  const [summary] = await summarize(ctx, [launch]);
  const steps = await ctx.steps.list({ where: { launchId: id }, orderBy: 'seq' });
  if (summary === undefined) throw new Error('unreachable: summarize returned nothing');
  return { launch: summary, steps, truncated: droppedSteps(steps) };
}
