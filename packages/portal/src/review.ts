import type { SmartClient } from '@plan-api/smart';
import { approveRequest } from './review/approve-request.ts';
import { createReviewContext, type ReviewPortalDeps } from './review/context.ts';
import { getRequest } from './review/get-request.ts';
import { listPublished } from './review/list-published.ts';
import { listRequests } from './review/list-requests.ts';
import type { PublishedApp, RequestDetail, RequestSummary, Reviewer } from './review/model.ts';
import { productionClientFor } from './review/production-client.ts';
import { reinstateApp } from './review/reinstate-app.ts';
import { rejectRequest } from './review/reject-request.ts';
import { suspendApp } from './review/suspend-app.ts';

/**
 * The review portal: the plan's reviewers decide production requests and suspend published apps, and the
 * production realm reads its clients here. Every method is a plain function property. Failures are
 * PortalError: `validation_failed` (with fields), `not_found`, `request_decided` (409: the request or app is no
 * longer in the state the action needs, including when another reviewer acted first). Every change is a
 * compare-and-set in the RecordStore, so several processes can serve one store.
 */
export interface ReviewPortal {
  /** GET /api/review/requests `{status?: pending|approved|rejected|withdrawn|all, q?}`: pending oldest first, then decided newest first. */
  listRequests(query: unknown): Promise<RequestSummary[]>;
  /** GET /api/review/requests/{id}: every version, pre-checks, the diff against the published app, history. */
  getRequest(requestId: string): Promise<RequestDetail>;
  /** POST /api/review/requests/{id}/approve `{reason?}`: publishes the latest version and mails the vendor. */
  approve(reviewer: Reviewer, requestId: string, input: unknown): Promise<RequestDetail>;
  /** POST /api/review/requests/{id}/reject `{reason}` (required): mails the vendor the reason. */
  reject(reviewer: Reviewer, requestId: string, input: unknown): Promise<RequestDetail>;
  /** GET /api/review/apps `{status?: published|suspended|all, q?}`: newest approval first. */
  listPublished(query: unknown): Promise<PublishedApp[]>;
  /** POST /api/review/apps/{clientId}/suspend `{reason}` (required): the client stops at once. */
  suspend(reviewer: Reviewer, clientId: string, input: unknown): Promise<PublishedApp>;
  /** POST /api/review/apps/{clientId}/reinstate `{reason?}`. */
  reinstate(reviewer: Reviewer, clientId: string, input: unknown): Promise<PublishedApp>;
  /**
   * The production realm's ClientSource: the approved snapshot with the sandbox app's client ID and secret;
   * undefined for never-approved and suspended apps (also check it when verifying access tokens).
   */
  productionClientFor(clientId: string): Promise<SmartClient | undefined>;
}

/**
 * Creates the review portal over its ports: the RecordStore shared with the vendor side, the Mailer, the vendor
 * accounts' contacts and the URL of an app's page in the vendor's area.
 */
export function createReviewPortal(deps: ReviewPortalDeps): ReviewPortal {
  const ctx = createReviewContext(deps);
  return {
    listRequests: (query) => listRequests(ctx, query),
    getRequest: (requestId) => getRequest(ctx, requestId),
    approve: (reviewer, requestId, input) => approveRequest(ctx, reviewer, requestId, input),
    reject: (reviewer, requestId, input) => rejectRequest(ctx, reviewer, requestId, input),
    listPublished: (query) => listPublished(ctx, query),
    suspend: (reviewer, clientId, input) => suspendApp(ctx, reviewer, clientId, input),
    reinstate: (reviewer, clientId, input) => reinstateApp(ctx, reviewer, clientId, input),
    productionClientFor: (clientId) => productionClientFor(ctx, clientId),
  };
}
