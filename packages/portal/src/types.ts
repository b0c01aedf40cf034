import type { Jwks } from './apps/jwks.ts';
import type { ProductionStatus } from './production/model.ts';

/** The sandbox app record (management API shape, see DESIGN.md "Management API"). */
export interface AppRecord {
  id: string;
  /** Owner: the vendor account (the sandbox has one implicit owner, `sandbox`). */
  ownerId: string;
  name: string;
  oauthType: 'secret' | 'pkce' | 'private_key_jwt';
  clientId: string;
  /** Only for oauthType "secret"; shown to its owner. */
  clientSecret?: string;
  /** Only for oauthType "private_key_jwt", one of the two: the URL of the app's public JWKS, or the JWKS. */
  jwksUri?: string;
  jwks?: Jwks;
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
  /**
   * The App Status (never null: `{ state: 'draft' }` until the first request). Derived on read from the
   * production request and published records (see production/status.ts); stored only for a request sent to a
   * connected plan server (with `remote`), and as read from records of earlier versions.
   */
  productionRequest: ProductionStatus;
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
  step:
    | 'launch'
    | 'authorize'
    | 'login'
    | 'consent'
    | 'token'
    | 'refresh'
    | 'revoke'
    | 'introspect'
    | 'fhir'
    | 'error'
    /** A grant lifecycle action the vendor took (expire a token, revoke, advance the clock, rotate the key). */
    | 'lifecycle';
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
 * (the input is wrong; `fields` says where), `not_found` (no such record of the caller's), the conflicts
 * named after the state that refuses the request (`production_request_pending`: a request of the app is
 * already pending, save the app to update it; `production_unchanged`: the app is approved and nothing changed
 * since; `request_decided`: a reviewer approves or rejects a request that is no longer pending;
 * `client_id_taken`: an imported app's client ID belongs to another vendor), and the account errors: `invalid_credentials` (email or
 * password wrong, one message for every cause), `rate_limited` (too many attempts; `retryAfterSeconds` says
 * when to come back), `link_invalid` (an emailed link that is unknown, expired, used or replaced),
 * `account_exists` (an invitation for an address that already has an account), `too_many_api_keys`, and
 * `grant_gone` (a lifecycle action on a launch whose authorization is no longer live).
 */
export type PortalErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'patient_exists'
  | 'production_request_pending'
  | 'production_unchanged'
  | 'request_decided'
  | 'client_id_taken'
  | 'invalid_credentials'
  | 'rate_limited'
  | 'link_invalid'
  | 'account_exists'
  | 'too_many_api_keys'
  | 'grant_gone';

/** What a PortalError may carry besides its fields. */
export interface PortalErrorOptions {
  /** For `rate_limited`: seconds until a new attempt can succeed (the HTTP layer's Retry-After). */
  retryAfterSeconds?: number;
}

/** Portal errors: a code, a sentence for a person and the fields at fault. */
export class PortalError extends Error {
  readonly code: PortalErrorCode;
  readonly fields: Record<string, string>;
  readonly retryAfterSeconds?: number;
  constructor(
    code: PortalErrorCode,
    message: string,
    fields: Record<string, string> = {},
    options: PortalErrorOptions = {},
  ) {
    super(message);
    this.name = 'PortalError';
    this.code = code;
    this.fields = fields;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
