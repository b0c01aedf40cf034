// The management API client: fetch wrapper, error type, react-query hooks and the API's shapes.
export {
  ApiError,
  apiRequest,
  errorMessage,
  isRateLimited,
  isSessionLost,
  isUnauthorized,
  parseRetryAfter,
} from './client.ts';
export { queryKeys, type LiveOptions } from './keys.ts';
export { useApp, useApps, useCreateApp, useCreateLaunch, useDeleteApp, useUpdateApp } from './apps.ts';
export { useDeletePatient, useInitializePatient, usePatientData, usePatients } from './patients.ts';
export {
  useAccessLog,
  useLaunch,
  useLaunches,
  useLifecycleAction,
  type AccessLogQuery,
  type LaunchListQuery,
} from './launches.ts';
export { outboxKeys, useOutbox, useOutboxMessage, type OutboxMessage, type OutboxSummary } from './outbox.ts';
export {
  deleteConnection,
  getConnection,
  getProductionChecks,
  putConnection,
  sendProductionRequest,
  useConnect,
  useConnection,
  useDisconnect,
  useProductionChecks,
  useSendProductionRequest,
} from './production.ts';
export {
  changePublishedApp,
  decideReviewRequest,
  getReviewRequest,
  listPublishedApps,
  listReviewRequests,
  reviewListQueryString,
  useChangePublishedApp,
  useDecideRequest,
  usePublishedApps,
  useReviewRequest,
  useReviewRequests,
  type PublishedStatusFilter,
  type RequestStatusFilter,
  type ReviewListQuery,
} from './review.ts';
export {
  accountPrefixFor,
  useAccountPrefix,
  type AccountPrefix,
  createSession,
  deleteSession,
  enrollVendor,
  getSession,
  requestPasswordReset,
  setPasswordWithLink,
  useEnrollVendor,
  useRequestPasswordReset,
  useSession,
  useSetPassword,
  useSignIn,
  useSignOut,
} from './session.ts';
export {
  changeVendorPassword,
  createApiKey,
  getVendor,
  listApiKeys,
  revokeApiKey,
  useApiKeys,
  useChangePassword,
  useCreateApiKey,
  useRevokeApiKey,
  useVendor,
} from './vendor.ts';
export { ATTESTATION_QUESTIONS, OAUTH_TYPE_LABELS, SCENARIO_OPTIONS, SIMULATED_ERROR_OPTIONS } from './constants.ts';
export type * from './types.ts';
