import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { OperationOutcome } from 'fhir/r4';
import { isFhirError, notFound, operationOutcome } from '@plan-api/fhir';
import type { IssueCode } from '@plan-api/fhir';
import { errorStatus } from '../error-status.ts';
import { consoleLogger } from './options.ts';
import type { HttpLogger } from './options.ts';
import { sendFhirJson } from './respond.ts';

/** What body-parser and the router attach to the errors they raise (http-errors). */
interface HttpErrorLike {
  type?: unknown;
  expose?: unknown;
}

function asOutcome(status: number, code: IssueCode, message: string): [number, OperationOutcome] {
  return [status, operationOutcome(status >= 500 ? 'fatal' : 'error', code, message)];
}

/** Maps the request-parsing errors of Express and body-parser; undefined for anything else. */
function clientError(err: unknown): [number, OperationOutcome] | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as HttpErrorLike;
  const status = errorStatus(err) ?? 0;
  if (status < 400 || status >= 500) return undefined;
  switch (e.type) {
    case 'entity.parse.failed':
      return asOutcome(400, 'invalid', 'Invalid JSON');
    case 'entity.too.large':
      return asOutcome(413, 'too-costly', 'Request body too large');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return asOutcome(415, 'not-supported', 'Unsupported body charset or encoding');
    case 'request.aborted':
    case 'request.size.invalid':
      return asOutcome(400, 'invalid', 'Incomplete request body');
  }
  // Other http-errors (e.g. a malformed %-escape in the path) whose message was made to be shown.
  if (e.expose === true && err instanceof Error) return asOutcome(status, 'invalid', err.message);
  return asOutcome(status, 'invalid', 'Bad request');
}

/**
 * The one error handler of the FHIR API: every failure becomes an OperationOutcome with the right
 * status. FhirError: its status, outcome and headers. Body parsing: 400 "Invalid JSON", 413 too large,
 * 415 charset. Anything else: 500 with a generic message (never a stack trace), logged through `logger`.
 */
export function fhirErrorHandler(options: { logger?: HttpLogger } = {}): ErrorRequestHandler {
  const logger = options.logger ?? consoleLogger;
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      // Too late for an OperationOutcome: let Express abort the connection.
      next(err);
      return;
    }
    let status: number;
    let outcome: OperationOutcome;
    let headers: Record<string, string> | undefined;
    if (isFhirError(err)) {
      status = err.status;
      outcome = err.toOutcome();
      headers = err.headers;
      if (status >= 500) logger.error('FHIR request failed', { method: req.method, url: req.originalUrl, error: err });
    } else {
      const mapped = clientError(err);
      if (mapped) {
        [status, outcome] = mapped;
      } else {
        logger.error('Unexpected error in a FHIR request', { method: req.method, url: req.originalUrl, error: err });
        [status, outcome] = asOutcome(500, 'exception', 'Internal server error');
      }
    }
    sendFhirJson(res, status, JSON.stringify(outcome), headers);
  };
}

/** Answers 404 with an OperationOutcome for a path nothing served. */
export const unknownPath: RequestHandler = (req, _res, next) => {
  next(notFound(`Unknown path ${req.method} ${req.path.slice(0, 200)}`));
};
