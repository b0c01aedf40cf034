export { createFhirRouter } from './fhir/router.ts';
export { fhirErrorHandler } from './fhir/error-handler.ts';
export { consoleLogger } from './fhir/options.ts';
export type { FhirRouterOptions, HttpLogger, ReadOnlyPolicy, SearchAccessHooks } from './fhir/options.ts';
export { FHIR_JSON } from './fhir/respond.ts';
export { createResponseCache } from './fhir/response-cache.ts';
export type { DataVersion, ResponseCache, ResponseCacheOptions, ResponseCacheStats } from './fhir/response-cache.ts';
export { createFhirApp } from './app.ts';
export type { FhirApp, FhirAppOptions } from './app.ts';
export { createPatientAccessRouter, fhirCors, invalidToken } from './patient-access/index.ts';
export type {
  AccessListener,
  PatientAccessEntry,
  PatientAccessHooks,
  PatientAccessRouterOptions,
} from './patient-access/index.ts';
export { createUiRouter, SANDBOX_SERVER_PATHS } from './ui/index.ts';
export type { UiRouterOptions } from './ui/index.ts';
export { authorizationErrorPage, createInteractionRouter } from './interaction/index.ts';
export type { InteractionRouterOptions, PickablePatient } from './interaction/index.ts';
export { createApi, createManagementApi, managementRouteSet, productionRequestRouteSet } from './api/router.ts';
export type { ApiOptions, ApiRouteSet, ManagementApiOptions } from './api/router.ts';
export { SANDBOX_API } from './api/openapi.ts';
export type { ApiDescription } from './api/openapi.ts';
export { accountOf } from './api/route.ts';
export type { Authenticate, AuthenticatedAccount } from './api/route.ts';
export { ACCOUNT_PREFIX, accountRouteSet, clientIp, LINK_SENT, REGISTRATION_SENT } from './api/accounts/index.ts';
export type {
  AccountKind,
  AccountRoutesOptions,
  AccountsApi,
  AccountView,
  ApiKeyView,
  RequestContext,
} from './api/accounts/index.ts';
export type { ManagementPortal } from './api/ports.ts';
export type {
  AppSnapshot,
  AttestationAnswer,
  PreCheck,
  PrivacyAttestation,
  ProductionChecksPortal,
  ProductionRequestsPortal,
  ProductionStatus,
} from './api/production/port.ts';
export { reviewRouteSet } from './api/review/index.ts';
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
} from './api/review/index.ts';
export { memberOf, memberRouteSet } from './api/members/index.ts';
export type {
  AccessHistoryEntry,
  AccessHistoryPage,
  AccessHistoryQuery,
  ConnectedApp,
  GalleryApp,
  GalleryQuery,
  MemberApi,
  MemberIdentity,
  PrivacyStatement,
} from './api/members/index.ts';
export { cookieChangeRefusal, managementAuth } from './session/guard.ts';
export { addressSubject, bearerFailures, kvFailureCounter } from './session/failed-auth.ts';
export type { BearerFailures, FailedAuthLimit, FailureCounter } from './session/failed-auth.ts';
export { accountAuth } from './session/account-auth.ts';
export type { AccountAuthOptions } from './session/account-auth.ts';
export type { ManagementAuthOptions } from './session/guard.ts';
export { createMemberOidcRouter, MEMBER_HOME, MEMBER_SIGN_IN } from './session/member-oidc.ts';
export type { MemberOidcError, MemberOidcRouterOptions } from './session/member-oidc.ts';
export { createSessionRouter } from './session/routes.ts';
export type { SessionRouter, SessionRouterOptions } from './session/routes.ts';
export { createSessions } from './session/sessions.ts';
export type { Session, Sessions } from './session/sessions.ts';
export { deriveKey, rootSecret } from './session/root-secret.ts';
export { randomSecret } from './session/secrets.ts';
export { errorStatus } from './error-status.ts';
export { lastResortErrors } from './server/last-resort.ts';
export { checkTlsCredentials, closeServer, listen, localUrl, TLS_VERSIONS } from './server/listen.ts';
export type { TlsCredentials } from './server/listen.ts';
export { createRouter, createServerApp } from './server/app.ts';
export { logRequest, requestLog } from './server/request-log.ts';
export type { RequestLogEntry } from './server/request-log.ts';
export type { Express, Router } from 'express';
