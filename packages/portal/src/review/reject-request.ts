import type { ReviewContext } from './context.ts';
import { decideRequest } from './decide.ts';
import { parseReason } from './input.ts';
import type { RequestDetail, Reviewer } from './model.ts';

/** The field error of a rejection without a reason. */
export const REJECTION_REASON_REQUIRED = 'Reason is required: the vendor reads it in the rejection email.';

/**
 * POST /api/review/requests/{id}/reject `{reason}` (required, 1..2000 characters after trimming): the vendor
 * gets the `productionDecision` mail with the reason, edits the app and sends again. Throws `not_found`,
 * `validation_failed` (reason) or `request_decided` (409).
 */
export async function rejectRequest(
  ctx: ReviewContext,
  reviewer: Reviewer,
  requestId: string,
  input: unknown,
): Promise<RequestDetail> {
  const { reason } = parseReason(input, 'The request was not rejected', REJECTION_REASON_REQUIRED);
  return decideRequest(ctx, reviewer, requestId, 'rejected', reason);
}
