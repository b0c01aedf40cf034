// Where a vendor returns after signing in: the page they were on when their session ran out.

/** The public account pages: returning to one of them after signing in makes no sense. */
const PUBLIC_PAGES = ['/sign-in', '/enroll', '/register', '/forgot-password', '/set-password'];

/** Where a signed-in vendor lands by default. */
export const HOME_PATH = '/apps';

/**
 * The page to return to from a `?next=` value, as a path inside the app (the router adds the base path), or
 * `home` (default HOME_PATH) when there is none or it is unsafe. Only same-app paths pass: never `//host`, a scheme or a
 * backslash, which a browser could read as another site. A value that still carries the base path (a server
 * redirect names the full path) loses it.
 */
export function safeNextPath(next: string | null | undefined, basePath: string, home: string = HOME_PATH): string {
  if (next === null || next === undefined) return home;
  let path = next.trim();
  if (
    !path.startsWith('/') ||
    path.startsWith('//') ||
    path.includes('\\') ||
    [...path].some((c) => c.charCodeAt(0) < 0x20)
  )
    return home;
  if (basePath !== '/' && (path === basePath || path.startsWith(`${basePath}/`) || path.startsWith(`${basePath}?`)))
    path = path.slice(basePath.length) || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  const pathname = path.split(/[?#]/)[0] ?? '';
  if (pathname === '/' || PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`)))
    return home;
  return path;
}

/** The sign-in page's address that returns to this page afterwards. */
export function signInPathFor(location: { pathname: string; search: string }): string {
  const here = `${location.pathname}${location.search}`;
  return here === '/' || here === '' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
}
