/**
 * The HTTP status an error carries, as http-errors (body-parser, Express), oidc-provider and our own errors set
 * it (`status`, else `statusCode`); undefined when it carries none.
 */
export function errorStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  return typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : undefined;
}
