import type { ErrorRequestHandler } from 'express';
import { errorStatus } from '../error-status.ts';
import type { HttpLogger } from '../fhir/options.ts';

/**
 * The error handler behind every router of a server (each has its own format; this catches the
 * rest): a client error keeps its status with a short message, anything else is logged and answers a
 * generic 500. Never Express's default page, which shows the stack trace outside production.
 */
export function lastResortErrors(logger: HttpLogger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const e = err as { expose?: unknown; message?: unknown };
    const status = errorStatus(err) ?? 500;
    if (status >= 400 && status < 500) {
      const message = e.expose === true && typeof e.message === 'string' ? e.message : 'Bad request';
      res.status(status).set('Cache-Control', 'no-store').json({ error: 'bad_request', message });
      return;
    }
    logger.error('Unexpected error in a request', { method: req.method, url: req.originalUrl, error: err });
    res
      .status(500)
      .set('Cache-Control', 'no-store')
      .json({ error: 'server_error', message: 'Something went wrong on the server; see its log.' });
  };
}
