import type { ReviewContext } from './context.ts';
import { parseReason } from './input.ts';
import type { PublishedApp, Reviewer } from './model.ts';
import { setSuspension } from './suspension.ts';

/** The field error of a suspension without a reason. */
export const SUSPENSION_REASON_REQUIRED = 'Reason is required: the vendor reads it in the suspension email.';

/**
 * POST /api/review/apps/{clientId}/suspend `{reason}` (required): the production client stops at once
 * (productionClientFor answers undefined, so token requests, refreshes and token checks fail), and the vendor
 * gets the `productionSuspension` mail. Throws `not_found`, `validation_failed` or `request_decided` (409:
 * already suspended).
 */
export async function suspendApp(
  ctx: ReviewContext,
  reviewer: Reviewer,
  clientId: string,
  input: unknown,
): Promise<PublishedApp> {
  const { reason } = parseReason(input, 'The app was not suspended', SUSPENSION_REASON_REQUIRED);
  return setSuspension(ctx, reviewer, clientId, 'suspended', reason);
}
