/** react-query keys of the management API; invalidating a prefix refreshes everything under it. */
export const queryKeys = {
  apps: ['apps'] as const,
  app: (id: string) => ['apps', id] as const,
  patients: ['patients'] as const,
  patientData: (id: string) => ['patients', id, 'data'] as const,
  launches: ['launches'] as const,
  launchList: (query: object) => ['launches', 'list', query] as const,
  launch: (id: string) => ['launches', 'detail', id] as const,
  accessLog: ['access-log'] as const,
  accessLogList: (query: object) => ['access-log', query] as const,
  /** Who is signed in (hosted mode); null when no one is. */
  session: ['session'] as const,
  vendor: ['vendor'] as const,
  apiKeys: ['vendor', 'api-keys'] as const,
  /** The pre-checks of an app before Send Request (under its app, so saving the app refreshes them). */
  productionChecks: (appId: string) => ['apps', appId, 'production-checks'] as const,
  /** The desktop sandbox's plan server connection. */
  connection: ['connection'] as const,
  /** The review area: everything under it refreshes after a decision. */
  review: ['review'] as const,
  reviewRequests: (query: object) => ['review', 'requests', 'list', query] as const,
  reviewRequest: (id: string) => ['review', 'requests', 'detail', id] as const,
  reviewApps: (query: object) => ['review', 'apps', query] as const,
};

/** Options of a query that can poll (the launch inspector watches a launch live). */
export interface LiveOptions {
  /** Milliseconds between refetches, or false (default) for none. */
  refetchInterval?: number | false;
  /** Set false to hold the query (e.g. until an id is known). */
  enabled?: boolean;
}

/** Builds a `?a=b` query string of the defined values. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
