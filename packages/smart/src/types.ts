import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyValueStore } from '@plan-api/store';

/** A registered app as the authorization server sees it (built from the portal's app record). */
export interface SmartClient {
  clientId: string;
  /** Present for confidential ("secret") apps; public ("pkce") apps have none. */
  clientSecret?: string;
  redirectUris: string[];
  name: string;
  logoUri?: string;
  clientUri?: string;
  policyUri?: string;
  tosUri?: string;
  organizationName?: string;
  /** The portal's app id (for the launch log). */
  appId?: string;
}

/** Looks a client up by client_id (the portal's apps); undefined when unknown. */
export type ClientSource = (clientId: string) => Promise<SmartClient | undefined>;

/** What an EHR-style `launch` parameter stands for (resolved and consumed once, at authorize). */
export interface LaunchContext {
  launchId: string;
  clientId: string;
  patientId: string;
  skipConsent: boolean;
  /** A failure the vendor asked the sandbox to simulate: access_denied, invalid_client, invalid_scope, expired_token, server_error. */
  simulateError?: string;
}

/** Resolves and consumes a launch value; undefined when unknown, expired, used, or bound to another client. */
export type LaunchResolver = (launch: string, clientId: string) => Promise<LaunchContext | undefined>;

/** Something that happened in a SMART flow: the portal turns these into launch-log steps. */
export interface AuthEvent {
  type: 'authorize' | 'login' | 'consent' | 'token' | 'refresh' | 'revoke' | 'introspect' | 'error';
  at: string;
  clientId?: string;
  launchId?: string;
  grantId?: string;
  patientId?: string;
  status: 'ok' | 'error';
  scopes?: string[];
  /** OAuth error code and a sentence that says what to fix. */
  error?: string;
  message?: string;
  details?: Record<string, unknown>;
}

export interface AuthServerConfig {
  /** Absolute issuer URL, e.g. `http://127.0.0.1:4010/auth` (the mount point of `callback`). */
  issuer: string;
  /** Absolute FHIR base URL of the Patient Access API: the only accepted `aud`. */
  fhirBaseUrl: string;
  kv: KeyValueStore;
  clients: ClientSource;
  launches: LaunchResolver;
  /** Resource types the FHIR API serves (wildcards grant only these). */
  resourceTypes: readonly string[];
  /** Absolute or root-relative URL of the interaction pages for an interaction uid. */
  interactionUrl: (uid: string) => string;
  /** Secrets for signing cookies (rotate by prepending). */
  cookieKeys: string[];
  /** Whether cookies need `Secure` (true behind https). */
  secureCookies?: boolean;
  onEvent?: (event: AuthEvent) => void;
  /** Seconds: access token (<= 3600), authorization code (~60), refresh token, interaction, session. */
  ttl?: Partial<Record<'accessToken' | 'authorizationCode' | 'refreshToken' | 'interaction' | 'session', number>>;
}

/** What a valid access token allows on the FHIR API. */
export interface AccessGrant {
  clientId: string;
  patientId: string;
  /** Granted scopes, exactly as in the token response. */
  scopes: string[];
  /** Resource types readable with this token, each with v2 granular filters (query strings) if any; no filters = all. */
  readable: Map<string, string[]>;
  fhirUser?: string;
  launchId?: string;
  grantId?: string;
  /** Epoch seconds. */
  expiresAt: number;
  /** A failure to simulate on the FHIR API (expired_token, server_error), set by the launch. */
  simulateError?: string;
}

/** The pending interaction (login/patient pick, then consent) shown by the interaction pages. */
export interface InteractionDetails {
  uid: string;
  prompt: 'login' | 'consent';
  client: SmartClient;
  /** Requested scopes, each with a plain-words description and the resource type it concerns. */
  requested: { scope: string; description: string; resourceType?: string }[];
  offlineAccess: boolean;
  /** The patient already bound (EHR launch or after the picker). */
  patientId?: string;
  launchId?: string;
}

export interface AuthServer {
  /** Node request handler to mount at the issuer's path (e.g. `app.use('/auth', auth.callback)`). */
  callback: (req: IncomingMessage, res: ServerResponse) => void;
  /** `.well-known/smart-configuration` of the FHIR base. */
  smartConfiguration(): Record<string, unknown>;
  /** SMART endpoints for the CapabilityStatement oauth-uris extension (same strings as discovery). */
  oauthUris(): { authorize: string; token: string; revoke: string; introspect: string };
  /** Validates a bearer token; throws an error with `status` 401 when missing/invalid/expired/revoked. */
  verifyAccessToken(token: string): Promise<AccessGrant>;
  interactions: {
    details(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    /** Login step: the member/patient picked (standalone launch). */
    login(req: IncomingMessage, res: ServerResponse, patientId: string): Promise<void>;
    /** Consent step: the scopes the member left ticked. */
    consent(req: IncomingMessage, res: ServerResponse, grantedScopes: string[]): Promise<void>;
    /** Deny: redirects to the app with error=access_denied and the same state. */
    deny(req: IncomingMessage, res: ServerResponse): Promise<void>;
  };
  /** Revokes every token and grant of a client for a patient (member revokes an app). */
  revokeAccess(clientId: string, patientId: string): Promise<number>;
  close(): Promise<void>;
}
