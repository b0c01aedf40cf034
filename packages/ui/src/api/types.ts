// The management API's shapes, taken from the portal's types (type-only: nothing of the server ships in the UI).
import type {
  AccessLogRecord,
  AppInput,
  AppRecord as PortalAppRecord,
  CreatedLaunch,
  LaunchDetail,
  LaunchRecord,
  LaunchStepRecord,
  LaunchSummary,
  SandboxPatientRecord,
} from '@plan-api/portal';

/** An app as the management API shows it (the owner is implicit in the sandbox). */
export type AppRecord = Omit<PortalAppRecord, 'ownerId'>;

/** A sandbox patient as the management API shows it. */
export type PatientRecord = Omit<SandboxPatientRecord, 'ownerId'>;

/** The body of POST /api/apps and PUT /api/apps/{id}; empty optional strings mean "not set". */
export type { AppInput };

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
