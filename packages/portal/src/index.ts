export * from './types.ts';
export { createSandboxPortal, type SandboxPortal } from './sandbox.ts';
export { COLLECTIONS, type Clock, type SandboxPortalDeps, type VendorContact } from './context.ts';
export { APP_FIELDS, type AppInput } from './apps/schema.ts';
export { toSmartClient } from './apps/client-for.ts';
export { CLIENT_ID_BYTES, CLIENT_SECRET_BYTES } from './apps/credentials.ts';
export {
  SIMULATED_ERRORS,
  type SimulatedError,
  type CreateLaunchInput,
  type CreatedLaunch,
} from './launches/create-launch.ts';
export type { InitializePatientInput } from './patients/initialize-patient.ts';
export {
  cleanUpInterruptedPatients,
  type CleanUpOptions,
  type InterruptedPatientsCleanUp,
  type PendingPatientRecord,
} from './patients/pending.ts';
export type { GeneratedPatient, PatientGenerator } from './patients/generator.ts';
export type { ListLaunchesOptions } from './launches/list-launches.ts';
export type { LaunchDetail } from './launches/get-launch.ts';
export { MAX_ADVANCE_SECONDS } from './launches/apply-lifecycle.ts';
export {
  LIFECYCLE_ACTIONS,
  type GrantLifecycle,
  type LifecycleAction,
  type LifecycleOutcome,
  type LifecycleRequest,
} from './launches/lifecycle.ts';
export type { LaunchSummary } from './launches/summaries.ts';
export type { FhirAccessInput } from './logs/record-fhir-access.ts';
export type { AccessLogQuery } from './logs/list-access-log.ts';
export type { RandomBytes } from './shared/ids.ts';
export { patientCompartmentTypes } from './patients/member-resources.ts';
export type { RequestProductionInput } from './production/request-input.ts';
export type {
  Mailer as PortalMailer,
  PortalMail,
  ProductionRequestMail,
  ProductionRequestMailData,
  ProductionDecisionMailData,
  ProductionSuspensionMailData,
  ReviewMail,
  AccountMail,
} from './production/mailer.ts';
export {
  PRODUCTION_COLLECTIONS,
  type AppSnapshot,
  type AttestationAnswer,
  type HistoryEntry,
  type PreCheck,
  type PrivacyAttestation,
  type ProductionRequestRecord,
  type ProductionStatus,
  type PublishedAppRecord,
  type RequestVersion,
} from './production/model.ts';
export { PRODUCTION_RECORD_INDEXES } from './production/indexes.ts';
export { ATTESTATION_QUESTIONS, type AttestationQuestion } from './production/attestation.ts';
export { preCheckApp, snapshotOf, diffSnapshots, SNAPSHOT_LABELS, type FieldChange } from './production/pre-checks.ts';
export type { ProductionGateway } from './production/gateway.ts';
export { createAccountsPortal, type AccountsPortal } from './accounts.ts';
export type { AccountsPortalDeps } from './accounts/context.ts';
export {
  ACCOUNT_COLLECTIONS,
  ACCOUNT_KINDS,
  ACCOUNT_RECORD_INDEXES,
  type AccountKind,
  type AccountPage,
  type AccountView,
  type ApiKeyView,
  type LinkPurpose,
  type RateCounter,
} from './accounts/model.ts';
export { DEFAULT_ACCOUNT_LIMITS, type AccountLimits, type RateLimit } from './accounts/limits.ts';
export { DEFAULT_SCRYPT, type ScryptParams } from './accounts/passwords.ts';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './accounts/password-policy.ts';
export type { AccountExistsMailData, AccountLinkMailData } from './production/mailer.ts';
export { createReviewPortal, type ReviewPortal } from './review.ts';
export type { ReviewPortalDeps } from './review/context.ts';
export type { PublishedApp, RequestDetail, RequestSummary, Reviewer } from './review/model.ts';
export type { ListRequestsQuery } from './review/list-requests.ts';
export type { ListPublishedQuery } from './review/list-published.ts';
export type { ReviewMailer } from './review/context.ts';
export { REJECTION_REASON_REQUIRED } from './review/reject-request.ts';
export { SUSPENSION_REASON_REQUIRED } from './review/suspend-app.ts';
export { createMemberPortal, type MemberPortal } from './members.ts';
export type { MemberPortalDeps } from './members/context.ts';
export {
  MEMBER_COLLECTIONS,
  MEMBER_RECORD_INDEXES,
  type AccessHistoryEntry,
  type ConnectedApp,
  type GalleryApp,
  type GalleryPrivacyAnswer,
  type Member,
  type MemberAccessRecord,
  type MemberGrantRecord,
} from './members/model.ts';
export type { GalleryQuery } from './members/list-gallery.ts';
export { HISTORY_PAGE, type AccessHistoryQuery } from './members/list-access-history.ts';
export type { GrantEvent } from './members/record-grant.ts';
export type { MemberAccessInput } from './members/record-access.ts';
export type { MemberLookup, MemberMatch } from './accounts/context.ts';
export type { MemberNotFoundMailData } from './production/mailer.ts';
