import type { PortalContext } from '../context.ts';
import { findApp } from '../apps/get-app.ts';
import type { PreCheck } from './model.ts';
import { preCheckApp, snapshotOf } from './pre-checks.ts';

/**
 * The pre-checks of an app as it is now (GET /api/apps/{id}/production-checks): what the vendor sees before
 * sending, with the rules reviewers see. Throws PortalError not_found.
 */
export async function productionChecks(ctx: PortalContext, owner: string, appId: string): Promise<PreCheck[]> {
  return preCheckApp(snapshotOf(await findApp(ctx, owner, appId)));
}
