import type { IncomingHttpHeaders } from 'node:http';
import type { KeyValueStore } from '@plan-api/store';
import { randomSecret, signValue, unsignValue } from './secrets.ts';

/** A signed-in browser session, kept server side. */
export interface Session {
  id: string;
  createdAt: string;
  /** Who is signed in (an account id); absent for the single-tenant sandbox's token sessions. */
  subject?: string;
}

export interface SessionOptions {
  kv: KeyValueStore;
  /** Signs the cookie value. */
  secret: string;
  /** Adds `Secure` (and the `__Host-` prefix) to the cookie: true when the public URL is https. */
  secure: boolean;
  /** Lifetime in seconds (default 14 days). */
  maxAgeSeconds?: number;
  /** The cookie's base name (default `plan_api_session`); each kind of account has its own cookie. */
  name?: string;
}

/** Sessions kept in a KeyValueStore (so they survive restarts, serve every process, and sign-out ends them). */
export interface Sessions {
  /** The cookie name (with `__Host-` when secure). */
  readonly cookieName: string;
  /** Starts a session (of `subject`, when given); returns the `Set-Cookie` header value. */
  create(subject?: string): Promise<string>;
  /** The session of a request's cookie, if signed by us and still alive. */
  fromHeaders(headers: IncomingHttpHeaders): Promise<Session | undefined>;
  /** Ends the request's session (if any); returns the `Set-Cookie` header that clears the cookie. */
  destroy(headers: IncomingHttpHeaders): Promise<string>;
  /** Ends every session of a subject (after a password change or reset); returns how many. */
  destroyAll(subject: string): Promise<number>;
}

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

/** Creates a session manager: one cookie name, sessions in the key-value store under its own namespace. */
export function createSessions(options: SessionOptions): Sessions {
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE;
  const name = options.name ?? 'plan_api_session';
  // The token sessions of the sandbox keep the namespace they always had, so existing sign-ins survive.
  const namespace = name === 'plan_api_session' ? 'sandbox-session' : `session:${name}`;
  const cookieName = options.secure ? `__Host-${name}` : name;
  // SameSite=Lax: a sign-in link opened from a terminal, another app or an email is a cross-site top-level
  // navigation, which Strict would strip the cookie from on the redirect that follows.
  const attributes = `Path=/; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;

  const idOf = (headers: IncomingHttpHeaders): string | undefined => {
    const raw = readCookie(headers, cookieName);
    return raw === undefined ? undefined : unsignValue(raw, options.secret);
  };

  return {
    cookieName,
    async create(subject) {
      const id = randomSecret();
      const session: Session = { id, createdAt: new Date().toISOString(), ...(subject ? { subject } : {}) };
      await options.kv.set(namespace, id, session, {
        expiresInSeconds: maxAge,
        ...(subject ? { index: { sessionSubject: `${namespace}|${subject}` } } : {}),
      });
      return `${cookieName}=${encodeURIComponent(signValue(id, options.secret))}; Max-Age=${maxAge}; ${attributes}`;
    },
    async fromHeaders(headers) {
      const id = idOf(headers);
      if (id === undefined) return undefined;
      return options.kv.get<Session>(namespace, id);
    },
    async destroy(headers) {
      const id = idOf(headers);
      if (id !== undefined) await options.kv.delete(namespace, id);
      return `${cookieName}=; Max-Age=0; ${attributes}`;
    },
    destroyAll: (subject) => options.kv.deleteByIndex('sessionSubject', `${namespace}|${subject}`),
  };
}
