import type { IncomingHttpHeaders } from 'node:http';
import type { KeyValueStore } from '@plan-api/store';
import { randomSecret, signValue, unsignValue } from './secrets.ts';

/** A signed-in browser session of the sandbox's web UI. */
export interface Session {
  id: string;
  createdAt: string;
}

export interface SessionOptions {
  kv: KeyValueStore;
  /** Signs the cookie value. */
  secret: string;
  /** Adds `Secure` (and the `__Host-` prefix) to the cookie: true when the public URL is https. */
  secure: boolean;
  /** Lifetime in seconds (default 14 days). */
  maxAgeSeconds?: number;
}

/** Sessions kept in a KeyValueStore (so they survive restarts and sign-out really ends them). */
export interface Sessions {
  /** The cookie name (with `__Host-` when secure). */
  readonly cookieName: string;
  /** Starts a session; returns the `Set-Cookie` header value. */
  create(): Promise<string>;
  /** The session of a request's cookie, if signed by us and still alive. */
  fromHeaders(headers: IncomingHttpHeaders): Promise<Session | undefined>;
  /** Ends the request's session (if any); returns the `Set-Cookie` header that clears the cookie. */
  destroy(headers: IncomingHttpHeaders): Promise<string>;
}

const NAMESPACE = 'sandbox-session';
const DEFAULT_MAX_AGE = 14 * 24 * 3600;

/** The value of one cookie in a `Cookie` header. */
export function readCookie(headers: IncomingHttpHeaders, name: string): string | undefined {
  const header = headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Creates the session manager of the sandbox web UI. */
export function createSessions(options: SessionOptions): Sessions {
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE;
  const cookieName = options.secure ? '__Host-plan_api_session' : 'plan_api_session';
  // SameSite=Lax: a sign-in link opened from a terminal or another app is a cross-site top-level
  // navigation, which Strict would strip the cookie from on the redirect to `/`.
  const attributes = `Path=/; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;

  const idOf = (headers: IncomingHttpHeaders): string | undefined => {
    const raw = readCookie(headers, cookieName);
    return raw === undefined ? undefined : unsignValue(raw, options.secret);
  };

  return {
    cookieName,
    async create() {
      const id = randomSecret();
      const session: Session = { id, createdAt: new Date().toISOString() };
      await options.kv.set(NAMESPACE, id, session, { expiresInSeconds: maxAge });
      return `${cookieName}=${encodeURIComponent(signValue(id, options.secret))}; Max-Age=${maxAge}; ${attributes}`;
    },
    async fromHeaders(headers) {
      const id = idOf(headers);
      if (id === undefined) return undefined;
      return options.kv.get<Session>(NAMESPACE, id);
    },
    async destroy(headers) {
      const id = idOf(headers);
      if (id !== undefined) await options.kv.delete(NAMESPACE, id);
      return `${cookieName}=; Max-Age=0; ${attributes}`;
    },
  };
}
