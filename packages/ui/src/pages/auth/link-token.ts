// The set-password link carries its token in the fragment (`#token=...`): browsers never send a fragment to a
// server, in the request or in a Referer. The page takes it and removes it from the address bar at once, so it
// is not left in the history, a bookmark or a screenshot.

/** The token of a `#token=...` fragment, or undefined when there is none. */
export function tokenFromHash(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim();
  return token === undefined || token === '' ? undefined : token;
}

/** The address without its fragment: path and query (what replaces the address in the bar). */
export function addressWithoutHash(location: Pick<Location, 'pathname' | 'search'>): string {
  return `${location.pathname}${location.search}`;
}

/**
 * Replaces the current history entry's address with the same one minus its fragment. The entry's state is kept:
 * the router stores its own bookkeeping there.
 */
export function removeHashFromAddressBar(
  location: Pick<Location, 'pathname' | 'search' | 'hash'>,
  history: Pick<History, 'state' | 'replaceState'>,
): void {
  if (location.hash === '') return;
  history.replaceState(history.state, '', addressWithoutHash(location));
}
