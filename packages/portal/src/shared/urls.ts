const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks an app URL (redirect URI, launch URL, logo, policy links): absolute, https (http only on a loopback
 * host, for development), no fragment, no wildcard, no credentials. Returns what to fix, or undefined when
 * the URL is acceptable.
 */
export function urlProblem(label: string, value: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return `${label} must be an absolute URL such as https://app.example.com/callback; got "${value}".`;
  }
  if (value.includes('*')) return `${label} cannot contain wildcards (*); register each exact URL.`;
  if (value.includes('#')) return `${label} cannot contain a fragment (#...); remove everything from "#" on.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${label} is not a valid URL: "${value}".`;
  }
  if (url.username !== '' || url.password !== '') return `${label} must not contain a user name or password.`;
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    if (LOOPBACK_HOSTS.has(url.hostname)) return undefined;
    return `${label} must use https; http is allowed only for localhost, 127.0.0.1 and [::1] (got host ${url.hostname}).`;
  }
  return `${label} must be an https URL (or http on localhost); the scheme "${url.protocol}" is not allowed.`;
}
