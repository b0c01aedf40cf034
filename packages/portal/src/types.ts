/** The sandbox app record (management API shape, see DESIGN.md "Management API"). */
export interface AppRecord {
  id: string;
  /** Owner: the vendor account (the sandbox has one implicit owner, `sandbox`). */
  ownerId: string;
  name: string;
  oauthType: 'secret' | 'pkce';
  clientId: string;
  /** Only for oauthType "secret"; shown to its owner. */
  clientSecret?: string;
  redirectUris: string[];
  launchUrl?: string;
  logoUrl?: string;
  organizationName?: string;
  organizationUrl?: string;
  privacyPolicyUrl?: string;
  securityPolicyUrl?: string;
  termsOfServiceUrl?: string;
  description?: string;
  createdAt: string;
  updatedAt: string;
  productionRequest: null | {
    status: 'pending' | 'approved' | 'rejected';
    reason?: string;
    requestedAt: string;
    /** Where the reviewers answer (set by requestProduction). */
    contactEmail?: string;
    /** What the vendor told the reviewers. */
    notes?: string;
  };
}

/** A synthetic patient of the sandbox ("Initialize Patient"). */
export interface SandboxPatientRecord {
  /** The Patient resource id. */
  id: string;
  ownerId: string;
  name: string;
  birthDate?: string;
  gender?: string;
  scenario: string;
  seed: string;
  resourceCounts: Record<string, number>;
  createdAt: string;
}

export interface LaunchRecord {
  /** The opaque `launch` value (random, 128+ bits). */
  id: string;
  kind: 'ehr' | 'standalone';
  appId: string;
  clientId: string;
  patientId?: string;
  skipConsent: boolean;
  simulateError?: string;
  createdAt: string;
  /** The launch value stops working after this instant or once used. */
  expiresAt: string;
  usedAt?: string;
  status: 'created' | 'authorizing' | 'authorized' | 'failed';
}

/** One step of a launch, as the launch inspector shows it. */
export interface LaunchStepRecord {
  id: string;
  launchId: string;
  /** Order within the launch. */
  seq: number;
  at: string;
  step: 'launch' | 'authorize' | 'login' | 'consent' | 'token' | 'refresh' | 'revoke' | 'introspect' | 'fhir' | 'error';
  status: 'ok' | 'error';
  /** HTTP status where there is one (FHIR calls, token). */
  httpStatus?: number;
  scopes?: string[];
  /** For FHIR calls: method and path with query. */
  request?: string;
  error?: string;
  /** What happened, and for an error, what to fix. */
  message: string;
  details?: Record<string, unknown>;
}

/** Every FHIR access, for the member's access history. */
export interface AccessLogRecord {
  id: string;
  at: string;
  patientId: string;
  clientId: string;
  appName?: string;
  /** The owner of the app at the time (whose access log shows the entry). */
  ownerId?: string;
  method: string;
  /** Path and query without the base (`Observation?category=laboratory`). */
  request: string;
  resourceType?: string;
  status: number;
  /** Number of resources returned. */
  count?: number;
  launchId?: string;
}

/**
 * What went wrong, as a code the HTTP layer maps to a status (one table per surface): `validation_failed`
 * (the input is wrong; `fields` says where), `not_found` (no such record of the caller's), and the conflicts
 * named after the state that refuses the request.
 */
export type PortalErrorCode =
  'validation_failed' | 'not_found' | 'patient_exists' | 'production_request_pending' | 'production_approved';

/** Portal errors: a code, a sentence for a person and the fields at fault. */
export class PortalError extends Error {
  readonly code: PortalErrorCode;
  readonly fields: Record<string, string>;
  constructor(code: PortalErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'PortalError';
    this.code = code;
    this.fields = fields;
  }
}
