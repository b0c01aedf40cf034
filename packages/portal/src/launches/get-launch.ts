import type { PortalContext } from '../context.ts';
import { notFound } from '../shared/errors.ts';
import type { LaunchStepRecord } from '../types.ts';
import { summarize, type LaunchSummary } from './summaries.ts';

/** One launch with its steps in order. */
export interface LaunchDetail {
  launch: LaunchSummary;
  steps: LaunchStepRecord[];
}

/** A launch and every step of it, in order (GET /api/launches/{id}); PortalError 404 when unknown. */
export async function getLaunch(ctx: PortalContext, id: string): Promise<LaunchDetail> {
  const launch = await ctx.launches.get(id);
  const app = launch === undefined ? undefined : await ctx.apps.get(launch.appId);
  if (launch === undefined || app === undefined || app.ownerId !== ctx.ownerId) {
    throw notFound('launch', id, 'List launches with GET /api/launches.');
  }
  const [summary] = await summarize(ctx, [launch]);
  const steps = await ctx.steps.list({ where: { launchId: id }, orderBy: 'seq' });
  if (summary === undefined) throw new Error('unreachable: summarize returned nothing');
  return { launch: summary, steps };
}
