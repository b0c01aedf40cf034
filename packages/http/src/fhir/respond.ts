import type { Request, Response } from 'express';
import type { StoredResource } from '@plan-api/store';

/** The one content type of every FHIR response. */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** `W/"<versionId>"`, the weak ETag FHIR uses for versions. */
export function versionEtag(versionId: string): string {
  return `W/"${versionId}"`;
}

/** An ISO instant as an HTTP date (Last-Modified). */
export function httpDate(instant: string): string {
  return new Date(instant).toUTCString();
}

/**
 * Writes a FHIR JSON body. Uses the bare node response on purpose: Express's `res.send` would hash the
 * body for an ETag of its own and re-inspect the content type on every call. A string body is encoded
 * once here: handed a string, node would measure its UTF-8 length and then encode it again while writing.
 */
export function sendFhirJson(
  res: Response,
  status: number,
  body: string | Buffer,
  headers?: Record<string, string>,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.statusCode = status;
  // No Content-Length here: end() sets it from the Buffer without validating a header of ours.
  res.setHeader('Content-Type', FHIR_JSON);
  if (headers) for (const name in headers) res.setHeader(name, headers[name]!);
  res.end(bytes);
}

/** The version headers of a stored resource. */
export function versionHeaders(resource: StoredResource): Record<string, string> {
  return { ETag: versionEtag(resource.versionId), 'Last-Modified': httpDate(resource.lastUpdated) };
}

/**
 * Sends a stored resource as it was serialized at write time, with ETag and Last-Modified; answers 304
 * when the client's If-None-Match already names this version. `body` replaces the stored JSON when the
 * request asked for a subset (`_elements`, `_summary`).
 */
export function sendStored(
  req: Request,
  res: Response,
  resource: StoredResource,
  options: { status?: number; body?: string; headers?: Record<string, string> } = {},
): void {
  const headers = versionHeaders(resource);
  if (options.body === undefined && ifNoneMatchHas(req.headers['if-none-match'], headers.ETag ?? '')) {
    res.statusCode = 304;
    res.setHeader('ETag', headers.ETag ?? '');
    res.end();
    return;
  }
  sendFhirJson(res, options.status ?? 200, options.body ?? resource.json, { ...headers, ...options.headers });
}

/**
 * Whether an `If-None-Match` header names `etag` (or is `*`), compared weakly as HTTP says for If-None-Match:
 * `W/"3"` and `"3"` are the same version.
 */
export function ifNoneMatchHas(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === bare);
}
