/**
 * What the pieces of the authorization server share: the normalized configuration, the SMART context store,
 * and the event emitter. Built once per createAuthServer call (no module state).
 */
import type { AccountSource, AuthEvent, AuthHooks, AuthServerConfig } from './types.ts';
import type { ContextStore } from './context.ts';

/** Lifetimes in seconds. */
export interface Lifetimes {
  accessToken: number;
  authorizationCode: number;
  refreshToken: number;
  interaction: number;
  session: number;
  grant: number;
}

export interface Runtime {
  config: AuthServerConfig;
  /** The FHIR base without a trailing slash: the only accepted `aud` and the resource indicator. */
  fhirBase: string;
  resourceTypes: readonly string[];
  ttl: Lifetimes;
  contexts: ContextStore;
  /** Who an account is (the config's, or every account is the Patient of its id). */
  accounts: AccountSource;
  hooks: AuthHooks;
  emit(event: Omit<AuthEvent, 'at'>): void;
}

/** The default AccountSource: the sandbox signs each patient in as itself. */
export const patientAccounts: AccountSource = (accountId) =>
  Promise.resolve(accountId === '' ? undefined : { accountId, patientId: accountId });

const DAY = 24 * 60 * 60;

/** Lifetimes from the config: access tokens at most an hour, refresh tokens 90 days unless told otherwise. */
export function lifetimes(ttl: AuthServerConfig['ttl'] = {}): Lifetimes {
  const refreshToken = ttl.refreshToken ?? 90 * DAY;
  return {
    accessToken: Math.min(ttl.accessToken ?? 3600, 3600),
    authorizationCode: ttl.authorizationCode ?? 60,
    refreshToken,
    interaction: ttl.interaction ?? 3600,
    session: ttl.session ?? DAY,
    // Grants outlive each refresh token: rotation keeps issuing new ones within the same grant.
    grant: Math.max(refreshToken, 365 * DAY),
  };
}

/** Strips trailing slashes so `https://x/fhir/` and `https://x/fhir` compare equal. */
export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** An emitter that stamps the time and never lets a failing listener break an OAuth flow. */
export function createEmitter(onEvent: AuthServerConfig['onEvent']): Runtime['emit'] {
  return (event) => {
    if (!onEvent) return;
    try {
      onEvent({ at: new Date().toISOString(), ...event });
    } catch {
      // The launch log is a side channel: losing one entry beats failing the member's authorization.
    }
  };
}
