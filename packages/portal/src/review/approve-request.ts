import type { ReviewContext } from './context.ts';
import { decideRequest } from './decide.ts';
import { parseReason } from './input.ts';
import type { RequestDetail, Reviewer } from './model.ts';

/**
 * POST /api/review/requests/{id}/approve `{reason?}`: publishes the latest version (snapshot, attestation, the
 * sandbox app's secret) as the production client and mails the vendor `productionDecision`. Throws `not_found`,
 * `validation_failed` (reason) or `request_decided` (409: not pending, or another reviewer decided first).
 */
export async function approveRequest(
  ctx: ReviewContext,
  reviewer: Reviewer,
  requestId: string,
  input: unknown,
): Promise<RequestDetail> {
  const { reason } = parseReason(input, 'The request was not approved');
  return decideRequest(ctx, reviewer, requestId, 'approved', reason);
}
