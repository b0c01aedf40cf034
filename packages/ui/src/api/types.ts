// The management API's shapes, taken from the portal's types (type-only: nothing of the server ships in the UI).
import type {
  AccessLogRecord,
  AppInput as PortalAppInput,
  AppRecord as PortalAppRecord,
  CreatedLaunch,
  LaunchDetail,
  LaunchRecord,
  LaunchStepRecord,
  LaunchSummary,
  LifecycleAction,
  SandboxPatientRecord,
} from '@plan-api/portal';

/**
 * An app as the management API shows it (the owner is implicit in the sandbox); `productionRequest` is its App
 * Status (spec 11: never null any more).
 */
export type AppRecord = Omit<PortalAppRecord, 'ownerId' | 'productionRequest'> & {
  productionRequest: ProductionStatus;
};

// Production requests (spec 11). Mirrors of packages/portal/src/production/model.ts and the review API's views,
// written out here so the UI compiles whatever the portal exports (the shapes are the contract's).

/** An answer of the privacy attestation. */
export type AttestationAnswer = 'yes' | 'no';

/** The privacy attestation of a production request. */
export interface PrivacyAttestation {
  sellsData: AttestationAnswer;
  sharesWithThirdParties: AttestationAnswer;
  membersCanDelete: AttestationAnswer;
  followsCarinCode: AttestationAnswer;
}

/** One automatic pre-check of an app before it goes to production. */
export interface PreCheck {
  id: string;
  /** The app field at fault (an AppInput field name). */
  field?: string;
  severity: 'blocking' | 'advisory';
  passed: boolean;
  message: string;
}

/** The app's fields as sent for review and as published (never the secret). */
export interface AppSnapshot {
  name: string;
  oauthType: OAuthType;
  clientId: string;
  /** The public keys of a private_key_jwt app: a JWKS URL or the JWKS. */
  jwksUri?: string;
  jwks?: PortalAppRecord['jwks'];
  redirectUris: string[];
  launchUrl?: string;
  logoUrl?: string;
  organizationName?: string;
  organizationUrl?: string;
  privacyPolicyUrl?: string;
  securityPolicyUrl?: string;
  termsOfServiceUrl?: string;
  description?: string;
}

/** The App Status of a sandbox app (AppRecord.productionRequest). */
export interface ProductionStatus {
  state: 'draft' | 'pending' | 'approved' | 'rejected' | 'suspended';
  requestId?: string;
  /** The latest version of the request. */
  version?: number;
  /** When the latest version was sent (ISO). */
  requestedAt?: string;
  decidedAt?: string;
  /** Rejection or suspension reason. */
  reason?: string;
  /** Present once the app has been approved (it stays published while a new request is pending). */
  published?: { approvedAt: string; version: number; suspended: boolean };
  /** Published, and the sandbox app differs from the published snapshot. */
  changesNotPublished?: boolean;
  /** The desktop/headless sandbox connected to a plan server: where the request went. */
  remote?: { serverUrl: string; appId: string; checkedAt: string; error?: string };
}

/** The body of POST /api/apps/{id}/production-request ("Send Request"). */
export interface ProductionRequestInput {
  attestation: PrivacyAttestation;
  notes?: string;
  /** Only where the portal has no vendor contact (the desktop sandbox not connected to a plan server). */
  contactEmail?: string;
}

/** Who sent a request or owns a published app. */
export interface VendorSummary {
  name: string;
  email: string;
  organizationName?: string;
}

/** The status of a production request. */
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/** A request as the review queue lists it (GET /api/review/requests). */
export interface RequestSummary {
  id: string;
  appId: string;
  clientId: string;
  appName: string;
  organizationName?: string;
  logoUrl?: string;
  vendor: VendorSummary;
  status: RequestStatus;
  version: number;
  kind: 'new' | 'update';
  /** When the first version was sent. */
  submittedAt: string;
  /** When the latest version was sent. */
  updatedAt: string;
  decidedAt?: string;
}

/** One version of a request: what the vendor sent. */
export interface RequestVersion {
  version: number;
  submittedAt: string;
  app: AppSnapshot;
  attestation: PrivacyAttestation;
  notes?: string;
}

/** One field that differs between the published app and the request (arrays joined with newlines). */
export interface FieldChange {
  field: string;
  label: string;
  published?: string;
  requested?: string;
}

/** What happened to a request; `by` is the email of the vendor or reviewer. */
export interface HistoryEntry {
  type: 'submitted' | 'updated' | 'approved' | 'rejected' | 'withdrawn';
  at: string;
  version: number;
  by: string;
  reason?: string;
}

/** An app approved for production (GET /api/review/apps). */
export interface PublishedApp {
  clientId: string;
  appId: string;
  requestId: string;
  version: number;
  app: AppSnapshot;
  attestation: PrivacyAttestation;
  approvedAt: string;
  approvedBy: string;
  status: 'published' | 'suspended';
  suspension?: { at: string; by: string; reason: string };
  vendor: VendorSummary;
}

/** A request with every version, its checks, the diff against the published app and its history. */
export interface RequestDetail extends RequestSummary {
  /** Oldest first. */
  versions: RequestVersion[];
  /** Of the latest version. */
  checks: PreCheck[];
  /** Latest version vs published; [] when new. */
  changes: FieldChange[];
  published?: PublishedApp;
  /** Oldest first. */
  history: HistoryEntry[];
}

/** GET /api/connection (desktop/headless sandbox): the plan server this sandbox sends its requests to. */
export type ConnectionView =
  { connected: false } | { connected: true; serverUrl: string; account: VendorSummary; connectedAt: string };

/** The body of PUT /api/connection. */
export interface ConnectionInput {
  serverUrl: string;
  apiKey: string;
}

/** A sandbox patient as the management API shows it. */
export type PatientRecord = Omit<SandboxPatientRecord, 'ownerId'>;

/**
 * The body of POST /api/apps and PUT /api/apps/{id}; empty optional strings mean "not set". The JWKS may be sent
 * as the JSON text the form holds (the API parses it and answers a field error when it is not a public JWKS).
 */
export type AppInput = Omit<PortalAppInput, 'jwks'> & { jwks?: PortalAppInput['jwks'] | string };

/** The client types of an app. */
export type OAuthType = PortalAppRecord['oauthType'];

/** The body of POST /api/patients ("Initialize Patient"). */
export interface InitializePatientInput {
  seed?: string | number;
  scenario?: ScenarioName;
}

/** The body of POST /api/apps/{id}/launch. */
export interface LaunchInput {
  patientId: string;
  skipConsent?: boolean;
  simulateError?: SimulatedErrorName;
}

/** The synthetic member scenarios (packages/synthetic SCENARIOS). */
export type ScenarioName = 'healthy' | 'diabetes' | 'pregnancy' | 'pediatric' | 'elderly-multimorbid';

/** Failures a launch can simulate (the portal's SIMULATED_ERRORS keys). */
export type SimulatedErrorName =
  'access_denied' | 'invalid_client' | 'invalid_scope' | 'expired_token' | 'server_error';

/** Who an account belongs to: an app vendor, a plan reviewer or a member. */
export type AccountKind = 'vendor' | 'reviewer' | 'member';

/** An account as the server shows it (the portal package will export the same type under this name). */
export interface AccountView {
  id: string;
  kind: AccountKind;
  email: string;
  name: string;
  /** `pending` until the password is set from the emailed link. */
  status: 'pending' | 'active';
  /** ISO instant. */
  createdAt: string;
  organizationName?: string;
  organizationUrl?: string;
  phone?: string;
}

/** A vendor's API key as listed: never the key itself, which is shown once when it is created. */
export interface ApiKeyView {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart. */
  prefix: string;
  /** ISO instant. */
  createdAt: string;
  /** ISO instant; absent until the key is first used. */
  lastUsedAt?: string;
}

/** GET/POST /api/session and POST /api/password-links: who is signed in. */
export interface SessionView {
  kind: AccountKind;
  account: AccountView;
}

/** The body of POST /api/session ("Sign in"). */
export interface SignInInput {
  email: string;
  password: string;
}

/** The body of POST /api/vendor-enrollments ("Vendor Enrollment to Sandbox"). */
export interface VendorEnrollmentInput {
  name: string;
  email: string;
  organizationName: string;
  organizationUrl: string;
  phone: string;
  acceptTerms: boolean;
}

/** The body of POST /api/password-links: the emailed link's token and the chosen password. */
export interface PasswordLinkInput {
  token: string;
  password: string;
}

/** The body of PUT /api/vendor/password. */
export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** POST /api/vendor/api-keys answers the key itself, once, with its listed view. */
export interface CreatedApiKey {
  key: string;
  apiKey: ApiKeyView;
}

/** A 202 answer (enrollment, password reset): what to tell the person; it is the same whatever the address. */
export interface AcceptedMessage {
  message: string;
}

/** The management API's error body. */
export interface ApiErrorBody {
  error: string;
  message: string;
  fields?: Record<string, string>;
}

export type { AccessLogRecord, CreatedLaunch, LaunchDetail, LaunchRecord, LaunchStepRecord, LaunchSummary };

/** The body of POST /api/launches/{id}/lifecycle (`seconds` with advance-clock only). */
export interface LifecycleInput {
  action: LifecycleAction;
  seconds?: number;
}
export type { LifecycleAction };
