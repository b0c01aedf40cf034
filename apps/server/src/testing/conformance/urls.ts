/** Every string in a JSON value that is an absolute URL with an authority (`scheme://...`), depth first. */
export function urlsIn(value: unknown): string[] {
  if (typeof value === 'string') return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(urlsIn);
  return [];
}

/**
 * The URLs of a JSON document that point at this server (its host and port) and are not `https:`. Canonical
 * identifiers of other authorities (profiles, code systems: `http://hl7.org/...`) are names, not addresses, and
 * are left alone. `served` counts the URLs that do point at the server, so a check can tell "all https" from
 * "none there".
 */
export function insecureServerUrls(value: unknown, serverUrl: string): { insecure: string[]; served: number } {
  const { host } = new URL(serverUrl);
  const own = urlsIn(value).filter((url) => URL.canParse(url) && new URL(url).host === host);
  return { insecure: own.filter((url) => new URL(url).protocol !== 'https:'), served: own.length };
}
