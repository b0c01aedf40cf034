import type { PublishedAppRecord } from '../production/model.ts';
import { notFound } from '../shared/errors.ts';
import type { ReviewContext } from './context.ts';
import { requestDecided } from './errors.ts';
import { toPublishedApp, type PublishedApp, type Reviewer } from './model.ts';
import { CAS_ATTEMPTS } from './publish.ts';
import { publishedVendor, vendorLookup } from './vendors.ts';

/**
 * Suspends or reinstates a published app: a compare-and-set on its status (and the approval it carries), so of
 * two reviewers acting at once one wins and the other gets `request_decided` (409), and an approval published
 * at the same moment is never overwritten with the older snapshot. Then the vendor gets `productionSuspension`.
 */
export async function setSuspension(
  ctx: ReviewContext,
  reviewer: Reviewer,
  clientId: string,
  action: 'suspended' | 'reinstated',
  reason: string | undefined,
): Promise<PublishedApp> {
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const current = clientId === '' ? undefined : await ctx.published.get(clientId);
    if (current === undefined) {
      throw notFound(
        'published app',
        clientId,
        'Only approved apps can be suspended; GET /api/review/apps lists them.',
      );
    }
    const from = action === 'suspended' ? 'published' : 'suspended';
    if (current.status !== from) {
      throw requestDecided(
        action === 'suspended'
          ? `"${current.app.name}" is already suspended (since ${current.suspension?.at ?? 'earlier'}).`
          : `"${current.app.name}" is not suspended, so there is nothing to reinstate.`,
      );
    }
    const at = ctx.clock.now().toISOString();
    const { suspension: _previous, ...rest } = current;
    const next: PublishedAppRecord =
      action === 'suspended'
        ? { ...rest, status: 'suspended', suspension: { at, by: reviewer.email, reason: reason ?? '' } }
        : { ...rest, status: 'published' };
    const seen = { status: current.status, version: current.version, approvedAt: current.approvedAt };
    if (!(await ctx.published.putIf(next, seen))) continue;
    const vendor = await publishedVendor(ctx, vendorLookup(ctx), next);
    if (ctx.mailer !== undefined && vendor.email !== '') {
      await ctx.mailer.send({
        to: vendor.email,
        template: 'productionSuspension',
        data: {
          appName: next.app.name,
          clientId: next.id,
          action,
          ...(reason !== undefined ? { reason } : {}),
          at,
        },
      });
    }
    return toPublishedApp(next, vendor);
  }
  throw requestDecided('The published app kept changing; reload it and try again.');
}
