import type { ApiRouteSet } from '../router.ts';
import { productionSchemas } from '../production/openapi.ts';
import { reviewOperations, reviewSchemas } from './openapi.ts';
import { reviewRoutes } from './routes.ts';
import type { ReviewApi } from './port.ts';

export type {
  FieldChange,
  HistoryEntry,
  PublishedApp,
  RequestDetail,
  RequestSummary,
  RequestVersion,
  Reviewer,
  ReviewApi,
  ReviewListQuery,
  VendorContact,
} from './port.ts';

/**
 * The reviewers' routes below `/review` (kind `reviewer`: createApi needs `authenticate.reviewer`, and the
 * reviewer accountRouteSet for sign-in and the `reviewerSession` security scheme).
 */
export function reviewRouteSet(review: ReviewApi): ApiRouteSet {
  return {
    routes: reviewRoutes(review),
    operations: reviewOperations,
    schemas: { ...productionSchemas, ...reviewSchemas },
    account: 'reviewer',
  };
}
