/**
 * Where the window may go. The window shows only the embedded sandbox's web UI; every other http(s) address
 * (documentation links, Launch App, the vendor's own app) opens in the system browser, and any other scheme
 * (file:, javascript:, custom protocols that would start other programs) is refused.
 */

/** The longest URL handed to the system browser (a sane cap; real links are far shorter). */
export const MAX_EXTERNAL_URL_LENGTH = 8192;

function parse(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * `value` as an absolute http(s) URL to open in the system browser, or undefined when it is not one, is too long,
 * or carries credentials (`user:pass@`, which can disguise the real host).
 */
export function externalUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_EXTERNAL_URL_LENGTH) return undefined;
  const url = parse(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  return url.href;
}

/** True when `url` is on the sandbox server's origin (scheme, host and port all equal). */
export function isSandboxUrl(url: string, sandboxOrigin: string | undefined): boolean {
  if (sandboxOrigin === undefined) return false;
  const parsed = parse(url);
  const origin = parse(sandboxOrigin);
  return parsed !== undefined && origin !== undefined && parsed.origin === origin.origin && origin.origin !== 'null';
}

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

/** What to do when the page navigates (a link, a form, a redirect) to `url`. */
export function navigationDecision(url: string, sandboxOrigin: string | undefined): NavigationDecision {
  if (isSandboxUrl(url, sandboxOrigin)) return 'allow';
  return externalUrl(url) !== undefined ? 'open-external' : 'deny';
}

/**
 * What to do with `window.open` or a `target="_blank"` link: never a new Electron window (it would escape the
 * navigation rules); http(s) addresses, the sandbox's own included (e.g. its OpenAPI document), open in the
 * system browser.
 */
export function windowOpenDecision(url: string): Exclude<NavigationDecision, 'allow'> {
  return externalUrl(url) !== undefined ? 'open-external' : 'deny';
}

/** What a page the window arrived at means: a place in the UI to return to, or the sandbox's sign-in page. */
export type UiPage = { kind: 'other' } | { kind: 'place'; url: string } | { kind: 'signed-out'; next: string };

/**
 * Classifies a page the window shows. The sandbox sends a visitor whose session ran out to `/login?next=<path>`:
 * the desktop app then signs the window in again and goes to `next` (only a path of the sandbox, never
 * `//other.host`). Any other sandbox page is remembered, to come back to after a server restart.
 */
export function classifyUiPage(url: string, sandboxOrigin: string | undefined): UiPage {
  if (!isSandboxUrl(url, sandboxOrigin)) return { kind: 'other' };
  const parsed = new URL(url);
  if (parsed.pathname !== '/login') return { kind: 'place', url: parsed.href };
  const next = parsed.searchParams.get('next') ?? '/';
  const safe = next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login');
  return { kind: 'signed-out', next: safe ? next : '/' };
}
