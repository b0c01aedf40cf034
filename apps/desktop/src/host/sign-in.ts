/**
 * Signs the window in without anyone typing the token. The main process makes the `/login?token=` request itself
 * and hands the session cookie it gets to the window's cookie jar, so the token never reaches the renderer: not
 * in a URL, the history, a page, or the preload.
 */

/** A cookie as Electron's `session.cookies.set` takes it. */
export interface CookieDetails {
  url: string;
  name: string;
  value: string;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'unspecified' | 'no_restriction' | 'lax' | 'strict';
  /** Seconds since the epoch; absent = a session cookie. */
  expirationDate?: number;
}

const SAME_SITE: Record<string, CookieDetails['sameSite']> = { lax: 'lax', strict: 'strict', none: 'no_restriction' };

/**
 * One `Set-Cookie` header value as cookie details for `url`'s host (no Domain attribute is honoured: the cookie
 * belongs to the sandbox's host alone). Undefined when it is not a cookie or it deletes one (Max-Age ≤ 0).
 */
export function parseSetCookie(header: string, url: string, nowMs: number = Date.now()): CookieDetails | undefined {
  const [pair, ...attributes] = header.split(';');
  const eq = pair?.indexOf('=') ?? -1;
  if (pair === undefined || eq <= 0) return undefined;
  const cookie: CookieDetails = {
    url: new URL('/', url).href,
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1).trim(),
    path: '/',
    httpOnly: false,
    secure: false,
    sameSite: 'unspecified',
  };
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'path' && value.startsWith('/')) cookie.path = value;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'samesite') cookie.sameSite = SAME_SITE[value.toLowerCase()] ?? 'unspecified';
    else if (key === 'max-age' && /^-?\d+$/.test(value)) {
      const seconds = Number(value);
      if (seconds <= 0) return undefined;
      cookie.expirationDate = Math.floor(nowMs / 1000) + seconds;
    }
  }
  return cookie;
}

/** The sign-in did not give a session (wrong token, or not the sandbox answering). */
export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

/**
 * Signs in to the sandbox at `origin` with its management token and returns the session cookie to give the
 * window. Uses the sandbox's own `/login?token=` (303 with the cookie), without following the redirect.
 */
export async function signIn(origin: string, token: string, fetchImpl: typeof fetch = fetch): Promise<CookieDetails> {
  const url = new URL('/login', origin);
  url.searchParams.set('token', token);
  const res = await fetchImpl(url, { redirect: 'manual', headers: { Accept: 'text/html' } });
  await res.body?.cancel();
  if (res.status !== 303) throw new SignInError(`The sandbox refused the sign-in (HTTP ${res.status}).`);
  for (const header of res.headers.getSetCookie()) {
    const cookie = parseSetCookie(header, origin);
    if (cookie) return cookie;
  }
  throw new SignInError('The sandbox accepted the sign-in but set no session cookie.');
}
