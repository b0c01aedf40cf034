import type { RequestHandler } from 'express';

/** Response headers a browser app may read: paging, versions, and the Bearer challenge of a 401. */
const EXPOSED = 'Location, Content-Location, ETag, Last-Modified, WWW-Authenticate';
const METHODS = 'GET, HEAD, POST, OPTIONS';
/** Allowed when a preflight names no headers of its own. */
const DEFAULT_HEADERS = 'Authorization, Content-Type, Accept, Prefer, If-None-Match, If-Modified-Since';
/** Seconds a browser may cache a preflight answer. */
const MAX_AGE = '600';

/**
 * CORS for a FHIR base that browser apps call with a bearer token (never cookies): any origin
 * (`Access-Control-Allow-Origin: *`), the headers a SMART app reads exposed, and every OPTIONS
 * request answered here with 204 (a preflight allowing `Authorization` and `Content-Type`), before
 * authentication, since browsers send preflights without credentials.
 */
export function fhirCors(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    const requested = req.headers['access-control-request-headers'];
    res.setHeader('Access-Control-Allow-Methods', METHODS);
    res.setHeader('Access-Control-Allow-Headers', requested ? `${DEFAULT_HEADERS}, ${requested}` : DEFAULT_HEADERS);
    res.setHeader('Access-Control-Max-Age', MAX_AGE);
    res.setHeader('Allow', METHODS);
    res.statusCode = 204;
    res.end();
  };
}
