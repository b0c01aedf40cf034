/**
 * The desktop sandbox's "paste the management token" form: it posts the token in the request body to the
 * session endpoint (`POST /login`, form fields `token` and `next`), so the token never appears in the address
 * bar, the history or a Referer. The server answers 303 to `next` with the session cookie set.
 */

/** Where the form posts, and how. */
export const SIGN_IN_FORM = { action: '/login', method: 'post', tokenField: 'token', nextField: 'next' } as const;

/**
 * The page to come back to after signing in (the `next` field): the current path and query, when it is a plain
 * path of this site; undefined for the home page, the sign-in endpoint itself or anything odd.
 */
export function signInNext(location: { pathname: string; search: string }): string | undefined {
  const here = `${location.pathname}${location.search}`;
  if (here === '/' || !here.startsWith('/') || here.startsWith('//') || here.includes('\\')) return undefined;
  if (here.startsWith('/login') || [...here].some((c) => c.charCodeAt(0) < 0x20) || here.length > 2000)
    return undefined;
  return here;
}
