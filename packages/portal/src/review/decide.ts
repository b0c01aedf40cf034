import type { HistoryEntry, ProductionRequestRecord } from '../production/model.ts';
import { PortalError } from '../types.ts';
import type { ReviewContext } from './context.ts';
import { requestDecided } from './errors.ts';
import { findRequest, requestDetail } from './get-request.ts';
import { latestVersion, type RequestDetail, type Reviewer } from './model.ts';
import { CAS_ATTEMPTS, productionSecret, publishVersion } from './publish.ts';
import { vendorLookup } from './vendors.ts';

/** The 409 of a request that is no longer pending. */
function alreadyDecided(request: ProductionRequestRecord): PortalError {
  const when = request.decidedAt !== undefined ? ` on ${request.decidedAt}` : '';
  return requestDecided(
    `This request is ${request.status}${when}, so it can no longer be approved or rejected; a new version comes as a new request.`,
  );
}

/**
 * Approves or rejects the latest version of a pending request. The decision is a compare-and-set on the request
 * (`status: pending` and the `updatedAt` of the version read), the store's atomic primitive: of two reviewers
 * deciding at once (in any process) exactly one wins, the other gets `request_decided`. A version the vendor
 * saves in between makes the decision start again on that version. Then, for an approval, the snapshot is
 * published; then the vendor is mailed (a failing mailer is an error after the decision is stored).
 */
export async function decideRequest(
  ctx: ReviewContext,
  reviewer: Reviewer,
  requestId: string,
  decision: 'approved' | 'rejected',
  reason: string | undefined,
): Promise<RequestDetail> {
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const request = await findRequest(ctx, requestId);
    if (request.status !== 'pending') throw alreadyDecided(request);
    const latest = latestVersion(request);
    const credentials = decision === 'approved' ? await productionSecret(ctx, request, latest) : { missing: false };
    if (credentials.missing) {
      throw new PortalError(
        'not_found',
        `The sandbox app of "${latest.app.name}" was deleted and it was never published, so there is no client secret to publish; reject the request instead.`,
      );
    }
    const decidedAt = ctx.clock.now().toISOString();
    const entry: HistoryEntry = { type: decision, at: decidedAt, version: latest.version, by: reviewer.email };
    if (reason !== undefined) entry.reason = reason;
    const decided: ProductionRequestRecord = {
      ...request,
      status: decision,
      decidedAt,
      history: [...request.history, entry],
    };
    if (!(await ctx.requests.putIf(decided, { status: 'pending', updatedAt: request.updatedAt }))) continue;
    if (decision === 'approved') {
      await publishVersion(
        ctx,
        decided,
        latest,
        reviewer,
        decidedAt,
        'secret' in credentials ? credentials.secret : undefined,
      );
    }
    const vendor = await vendorLookup(ctx)(decided.ownerId, decided.contactEmail);
    if (ctx.mailer !== undefined && vendor.email !== '') {
      await ctx.mailer.send({
        to: vendor.email,
        template: 'productionDecision',
        data: {
          appName: latest.app.name,
          clientId: decided.clientId,
          decision,
          ...(reason !== undefined ? { reason } : {}),
          version: latest.version,
          decidedAt,
          appLink: ctx.appLink(decided.appId),
        },
      });
    }
    return requestDetail(ctx, decided);
  }
  throw requestDecided('The request kept changing while it was being decided; reload it and decide again.');
}
