import type { Request, Response } from 'express';
import type { FhirAccessInput } from '@plan-api/portal';
import type { AccessGrant } from '@plan-api/smart';
import type { HttpLogger } from '../fhir/options.ts';

/**
 * One request of an app on the Patient Access API: the member's access history and the launch log. It is the
 * portal's FhirAccessInput, stamped with the arrival time and always carrying the token's scopes.
 */
export type PatientAccessEntry = FhirAccessInput & {
  /** ISO instant the request arrived. */
  at: string;
  /** The token's granted scopes. */
  scopes: string[];
};

/** Receives every request made with a valid token, after its response is sent. */
export type AccessListener = (entry: PatientAccessEntry) => void | Promise<void>;

/** What a request collects on its way for its log entry. */
export interface AccessRecord {
  resourceType?: string;
  count?: number;
  error?: string;
  message?: string;
}

/** The path and query below the mount point, without the leading slash. */
function pathBelowBase(req: Request): string {
  return req.url.startsWith('/') ? req.url.slice(1) : req.url;
}

/** A `POST _search` form body joined to the query, so the log shows what was searched. */
function withForm(path: string, req: Request): string {
  if (req.method !== 'POST' || typeof req.body !== 'string' || req.body.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${req.body}`;
}

/**
 * Calls `listener` once the response to `req` is finished (or the connection dropped), with what
 * `record` collected. A listener that throws or rejects is logged, never seen by the client.
 */
export function logAccessWhenDone(
  req: Request,
  res: Response,
  grant: AccessGrant,
  record: AccessRecord,
  listener: AccessListener,
  logger: HttpLogger,
): void {
  const at = new Date().toISOString();
  // The URL is taken now: later middleware may rewrite req.url.
  const path = pathBelowBase(req);
  res.once('close', () => {
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const entry: PatientAccessEntry = {
      at,
      clientId: grant.clientId,
      patientId: grant.patientId,
      scopes: [...grant.scopes],
      method: req.method,
      request: withForm(path, req),
      status: res.statusCode,
    };
    if (grant.launchId !== undefined) entry.launchId = grant.launchId;
    if (grant.grantId !== undefined) entry.grantId = grant.grantId;
    if (record.resourceType !== undefined) entry.resourceType = record.resourceType;
    if (ok && record.count !== undefined) entry.count = record.count;
    if (record.error !== undefined) entry.error = record.error;
    if (record.message !== undefined) entry.message = record.message;
    try {
      const done = listener(entry);
      if (done instanceof Promise) done.catch((err: unknown) => logger.error('onAccess failed', { error: err }));
    } catch (err) {
      logger.error('onAccess failed', { error: err });
    }
  });
}
