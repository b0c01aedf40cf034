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

/** The management API's error body. */
export interface ApiErrorBody {
  error: string;
  message: string;
  fields?: Record<string, string>;
}

export type { AccessLogRecord, CreatedLaunch, LaunchDetail, LaunchRecord, LaunchStepRecord, LaunchSummary };
