import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { PortalError } from '@plan-api/portal';
import type { PortalErrorCode } from '@plan-api/portal';
import { errorStatus } from '../error-status.ts';
import type { HttpLogger } from '../fhir/options.ts';
import { loggedPath } from '../server/request-log.ts';

/** The management API's error body (DESIGN.md "Management API"). */
export interface ApiErrorBody {
  error: string;
  message: string;
  fields?: Record<string, string>;
}

/**
 * Codes of issue 11 that the portal adds to PortalErrorCode (production requests and reviews); named here too so
 * the table has them whichever branch's union it compiles against.
 */
type ProductionErrorCode = 'production_unchanged' | 'request_decided' | 'client_id_taken';

/** The status of each portal error code on this surface (exhaustive: a new code needs its status here). */
export const PORTAL_ERROR_STATUS: Record<PortalErrorCode | ProductionErrorCode, number> = {
  validation_failed: 400,
  not_found: 404,
  patient_exists: 409,
  production_request_pending: 409,
  invalid_credentials: 401,
  rate_limited: 429,
  link_invalid: 400,
  account_exists: 409,
  too_many_api_keys: 409,
  production_unchanged: 409,
  request_decided: 409,
  client_id_taken: 409,
  grant_gone: 409,
};

/** A code the table does not know (a portal newer than this surface) answers 400 with its own code and message. */
const UNKNOWN_CODE_STATUS = 400;

/** The status of a portal error code on this surface. */
export function portalErrorStatus(code: string): number {
  return (PORTAL_ERROR_STATUS as Record<string, number | undefined>)[code] ?? UNKNOWN_CODE_STATUS;
}

/** An error the API answers with its own status and body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string> | undefined;
  constructor(
    status: number,
    code: string,
    message: string,
    options: { fields?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

/** Sends an API error with `Cache-Control: no-store`. */
export function sendApiError(
  res: Response,
  status: number,
  body: ApiErrorBody,
  headers: Record<string, string> = {},
): void {
  res
    .status(status)
    .set({ 'Cache-Control': 'no-store', ...headers })
    .json(body);
}

interface HttpErrorLike {
  type?: unknown;
}

/** Maps body-parser's errors (http-errors) to API errors; undefined for anything else. */
function parseError(err: unknown): ApiError | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as HttpErrorLike;
  const status = errorStatus(err) ?? 0;
  if (status < 400 || status >= 500) return undefined;
  switch (e.type) {
    case 'entity.parse.failed':
      return new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new ApiError(413, 'payload_too_large', 'The request body is too large.');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ApiError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
    default:
      return new ApiError(400, 'bad_request', 'The request could not be read.');
  }
}

/**
 * The JSON API's one error handler: PortalError answers the status of its code (a rate limit with `Retry-After`),
 * ApiError its own, each with its code, message and fields; body parsing answers 400 invalid_json / 413; anything
 * else 500 with a generic message (logged, never a stack trace).
 */
export function apiErrorHandler(logger: HttpLogger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const known =
      err instanceof PortalError
        ? new ApiError(portalErrorStatus(err.code), err.code, err.message, {
            fields: err.fields,
            ...(err.retryAfterSeconds !== undefined
              ? { headers: { 'Retry-After': String(Math.max(1, Math.ceil(err.retryAfterSeconds))) } }
              : {}),
          })
        : err instanceof ApiError
          ? err
          : parseError(err);
    if (known) {
      const body: ApiErrorBody = { error: known.code, message: known.message };
      if (Object.keys(known.fields ?? {}).length > 0) body.fields = known.fields;
      sendApiError(res, known.status, body, known.headers);
      return;
    }
    logger.error('Unexpected error in a management API request', {
      method: req.method,
      path: loggedPath(req),
      error: err,
    });
    sendApiError(res, 500, { error: 'server_error', message: 'Something went wrong on the server; see its log.' });
  };
}

/** 404 for any path the API does not serve. */
export const unknownApiRoute: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `There is no ${req.method} ${req.baseUrl}${req.path.slice(0, 200)} route.`));
};
