import type { ReviewContext } from './context.ts';
import { parseReason } from './input.ts';
import type { PublishedApp, Reviewer } from './model.ts';
import { setSuspension } from './suspension.ts';

/**
 * POST /api/review/apps/{clientId}/reinstate `{reason?}`: the approved snapshot serves again and the vendor gets
 * the `productionSuspension` mail (action `reinstated`). Throws `not_found`, `validation_failed` or
 * `request_decided` (409: not suspended).
 */
export async function reinstateApp(
  ctx: ReviewContext,
  reviewer: Reviewer,
  clientId: string,
  input: unknown,
): Promise<PublishedApp> {
  const { reason } = parseReason(input, 'The app was not reinstated');
  return setSuspension(ctx, reviewer, clientId, 'reinstated', reason);
}
