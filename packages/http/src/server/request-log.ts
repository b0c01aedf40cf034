import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/** One finished request, as the server logs it: never its query string, headers or body (tokens live there). */
export interface RequestLogEntry {
  /** The request id (also sent back as `X-Request-Id`). */
  id: string;
  method: string;
  /** The path without the query string. */
  path: string;
  status: number;
  /** Milliseconds from arrival to the last byte sent (or to the client going away). */
  durationMs: number;
  /** True when the client went away before the response was sent. */
  aborted?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * The path of a request as logs show it: without the query string, where tokens (`/login?token=`), codes and
 * search values about members (PHI) travel.
 */
export function loggedPath(req: { originalUrl?: string; url?: string }): string {
  return (req.originalUrl || req.url || '').split('?')[0] ?? '';
}

/**
 * Logs `req` once it is done, through `write`: a request id (a well-formed `X-Request-Id` from a load balancer is
 * kept, otherwise a new UUID, sent back as `X-Request-Id`), method, path without its query, status and duration.
 * For answers sent before Express sees the request (the directory's cached answers); `requestLog` for the rest.
 */
export function logRequest(
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  write: (entry: RequestLogEntry) => void,
): void {
  const started = process.hrtime.bigint();
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  const path = loggedPath(req);
  const method = req.method ?? '';
  let logged = false;
  const done = (aborted: boolean) => {
    if (logged) return;
    logged = true;
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
    write({ id, method, path, status: res.statusCode, durationMs, ...(aborted ? { aborted } : {}) });
  };
  res.once('finish', () => done(false));
  res.once('close', () => done(!res.writableFinished));
}

/** Logs every request once it is done, through `write` (see logRequest). */
export function requestLog(write: (entry: RequestLogEntry) => void): RequestHandler {
  return (req, res, next) => {
    logRequest(req, res, write);
    next();
  };
}
