import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import type { KeyValueStore } from '@plan-api/store';

/** A registered app as the authorization server sees it (built from the portal's app record). */
export interface SmartClient {
  clientId: string;
  /** Present for confidential ("secret") apps; public ("pkce") apps have none. */
  clientSecret?: string;
  /**
   * For asymmetric ("private_key_jwt") apps, one of the two: the https URL of the app's public JWKS, or the JWKS
   * itself. The app authenticates with client_assertion JWTs signed by one of these keys.
   */
  jwksUri?: string;
  jwks?: { keys: JWK[] };
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
  /**
   * What the launch carries for the composition's hooks (the sandbox: the failure to simulate). The
   * authorization server copies it onto the grant and its access tokens and never reads it.
   */
  tags?: Record<string, string>;
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

/** Who signs in: the account behind a session, and the Patient it is. */
export interface AccountInfo {
  /** The `sub` of id_tokens and the session's account. */
  accountId: string;
  /** The Patient id tokens of this account are bound to (the `patient` of token responses). */
  patientId: string;
}

/**
 * Looks an account up (undefined when unknown). The sandbox signs patients in as themselves (account = Patient
 * id); the production realm's accounts are members bound to their Patient.
 */
export type AccountSource = (accountId: string) => Promise<AccountInfo | undefined>;

/**
 * The signing keys: private JWKs (with `kid`), the first signs, every one is published in the JWKS so tokens
 * signed before a rotation still verify. Read when the server is created and by `reloadSigningKeys`.
 */
export type SigningKeySource = () => Promise<JWK[]>;

/** What the authorization error page shows (all plain text: the renderer escapes). */
export interface ErrorPageView {
  /** The OAuth error code. */
  error: string;
  description?: string;
  /** What went wrong and what to fix, for whoever is in the browser (a developer, usually). */
  explanation: string;
}

/**
 * A hook's refusal: the authorization fails with this OAuth error, and the launch log shows `description` as it
 * is (it explains itself, e.g. "simulated access_denied").
 */
export class AuthHookError extends Error {
  readonly error: 'access_denied' | 'invalid_scope' | 'invalid_client' | 'invalid_request' | 'invalid_grant';
  constructor(error: AuthHookError['error'], description: string) {
    super(description);
    this.name = 'AuthHookError';
    this.error = error;
  }
}

/**
 * Behaviour a composition plugs into the authorization server at fixed points (the sandbox's simulated failures
 * and grant lifecycle): the server calls them and never interprets tags. A hook fails a step by throwing an
 * AuthHookError.
 */
export interface AuthHooks {
  /** At authorize, once a `launch` value has been resolved. */
  launchResolved?(launch: LaunchContext): void | Promise<void>;
  /** At the token endpoint, before an authorization code is exchanged for tokens of this grant. */
  codeExchange?(grant: { clientId: string; patientId: string; tags?: Record<string, string> }): void | Promise<void>;
  /**
   * Whenever a stored token, code or grant of a grant is read (the sandbox's grant lifecycle): how it looks now.
   * `gone` makes it unknown (a 401 for an access token, invalid_grant for a refresh token or code); `agedSeconds`
   * makes it that much older, so it expires that much sooner.
   */
  storedEntry?(entry: StoredGrantEntry): Promise<StoredEntryView | undefined>;
}

/** A stored token, code or grant as AuthHooks.storedEntry sees it. */
export interface StoredGrantEntry {
  model: 'AccessToken' | 'RefreshToken' | 'AuthorizationCode' | 'Grant';
  grantId: string;
  /** When it was last written, in epoch milliseconds (0 when not known: written before this was recorded). */
  savedAt: number;
}

/** What AuthHooks.storedEntry makes of an entry. */
export interface StoredEntryView {
  gone?: boolean;
  agedSeconds?: number;
}

/** A grant as the authorization server sees it now (after the hooks). */
export interface GrantView {
  grantId: string;
  clientId: string;
  accountId: string;
  /** Epoch seconds. */
  expiresAt: number;
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
  /** Who an account is (default: every account is the Patient of the same id, as the sandbox signs in). */
  accounts?: AccountSource;
  /** The signing keys (default: one RS256 key generated once and kept in `kv`). */
  keys?: SigningKeySource;
  /** The HTML of the authorization error page (default: a plain page; compositions pass their themed one). */
  errorPage?: (view: ErrorPageView) => string;
  /** Sandbox behaviour at fixed points of the flow (none in production). */
  hooks?: AuthHooks;
  /** Absolute or root-relative URL of the interaction pages for an interaction uid. */
  interactionUrl: (uid: string) => string;
  /** Secrets for signing cookies (rotate by prepending). */
  cookieKeys: string[];
  /** Whether cookies need `Secure` (true behind https). */
  secureCookies?: boolean;
  /**
   * Whether client JWKS URLs on a loopback host (localhost, 127.x, [::1]) may be fetched: a sandbox on the
   * developer's own machine. Default false: every special-use address is refused (no requests into the server's
   * own network).
   */
  loopbackJwksUris?: boolean;
  /** Prefix of the authorization server's cookie names (default `_smart`): one per realm served by one host. */
  cookiePrefix?: string;
  /**
   * Require PKCE (S256) from every client, confidential ones included (OAuth 2.0 Security BCP); default false:
   * only public clients must use it. Production turns it on; the sandbox leaves it off so a vendor can test
   * their confidential app against both server policies.
   */
  requirePkce?: boolean;
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
  /** The launch's tags, for the FHIR API's hooks (the sandbox's simulated failures). */
  tags?: Record<string, string>;
}

/** The pending interaction (login/patient pick, then consent) shown by the interaction pages. */
export interface InteractionDetails {
  uid: string;
  prompt: 'login' | 'consent';
  client: SmartClient;
  /**
   * What the request can be granted, one line per permission as a member sees it (never two lines that say the
   * same): the scopes the line grants, its plain-words description, and the resource type it concerns. Context
   * lines come first, then one line per resource type.
   */
  requested: { scopes: string[]; description: string; resourceType?: string }[];
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
    /** Login step: the account signed in (the patient picked, in the sandbox). */
    login(req: IncomingMessage, res: ServerResponse, accountId: string): Promise<void>;
    /** Consent step: the scopes the member left ticked. */
    consent(req: IncomingMessage, res: ServerResponse, grantedScopes: string[]): Promise<void>;
    /** Deny: redirects to the app with error=access_denied and the same state. */
    deny(req: IncomingMessage, res: ServerResponse): Promise<void>;
  };
  /** Revokes every token and grant of a client for an account (a member revokes an app). */
  revokeAccess(clientId: string, accountId: string): Promise<number>;
  /** The grant as the server sees it now; undefined when revoked or expired. */
  grant(grantId: string): Promise<GrantView | undefined>;
  /**
   * Reads the key source again: the first key signs from now on and the JWKS publishes every key it returns
   * (a key rotation without a restart).
   */
  reloadSigningKeys(): Promise<void>;
  close(): Promise<void>;
}
