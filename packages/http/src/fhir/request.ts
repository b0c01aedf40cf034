import express from 'express';
import type { Request, RequestHandler } from 'express';
import type { Resource } from 'fhir/r4';
import { FhirError, badRequest, invalidResource } from '@plan-api/fhir';

/** Media types accepted for a resource body. */
const JSON_TYPES = ['application/fhir+json', 'application/json', 'application/json+fhir'];
const FORM_TYPE = 'application/x-www-form-urlencoded';
/** Parameters about the response format, not the search: never handed to parseSearch. */
const FORMAT_PARAMS = new Set(['_format', '_pretty']);
const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/** The query string's parameters in order, repeats kept (req.query would lose both). */
export function queryPairs(req: Request): [string, string][] {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  if (q < 0) return [];
  return pairs(new URLSearchParams(url.slice(q + 1)));
}

/** Query parameters followed by the `application/x-www-form-urlencoded` body of a `POST _search`. */
export function searchPairs(req: Request): [string, string][] {
  const fromQuery = queryPairs(req);
  if (typeof req.body !== 'string' || req.body.length === 0) return fromQuery;
  return [...fromQuery, ...pairs(new URLSearchParams(req.body))];
}

function pairs(params: URLSearchParams): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of params) if (!FORMAT_PARAMS.has(name)) out.push([name, value]);
  return out;
}

/** The `Prefer` header's preferences (`handling`, `return`, ...), lower-cased. */
export function preferences(req: Request): Map<string, string> {
  const out = new Map<string, string>();
  const raw = req.headers.prefer;
  if (!raw) return out;
  const header = Array.isArray(raw) ? raw.join(',') : raw;
  for (const part of header.split(/[,;]/)) {
    const [name, value] = part.split('=', 2).map((s) => s.trim().replace(/^"|"$/g, '').toLowerCase());
    if (name) out.set(name, value ?? '');
  }
  return out;
}

/** Refuses (406) a `_format` or Accept header that asks for something other than JSON. */
export const negotiateFormat: RequestHandler = (req, _res, next) => {
  const format = formatParam(req);
  if (format !== undefined && !/json/i.test(format)) {
    next(new FhirError(406, 'not-supported', `Unsupported _format '${format}': this server speaks JSON only`));
    return;
  }
  const accept = req.headers.accept;
  if (format === undefined && accept && !/json|\*\/\*|application\/\*/i.test(accept)) {
    next(new FhirError(406, 'not-supported', 'Not acceptable: this server answers application/fhir+json only'));
    return;
  }
  next();
};

function formatParam(req: Request): string | undefined {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  if (q < 0 || !url.includes('_format', q)) return undefined;
  return new URLSearchParams(url.slice(q + 1)).get('_format') ?? undefined;
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Reads a JSON resource body as text (parsed by {@link resourceBody}, so the error messages are ours) and
 * a form body as text (for `POST _search`). Too large: 413 from the body reader.
 */
export function bodyReaders(maxBodyBytes: number): RequestHandler[] {
  return [express.text({ type: [...JSON_TYPES, FORM_TYPE], limit: maxBodyBytes })];
}

/** Refuses a `POST _search` body that is not a form. */
export const requireFormOrNoBody: RequestHandler = (req, _res, next) => {
  if (hasBody(req) && !req.is(FORM_TYPE)) {
    next(new FhirError(415, 'not-supported', `A _search body must be ${FORM_TYPE}`));
    return;
  }
  next();
};

/**
 * The request body as a resource: JSON with a JSON content type, an object with a `resourceType`
 * (equal to `expectedType` when given). Throws 400/415 FhirErrors.
 */
export function resourceBody(req: Request, expectedType?: string): Resource {
  if (typeof req.body !== 'string' || !req.is(JSON_TYPES)) {
    if (hasBody(req)) throw new FhirError(415, 'not-supported', 'The body must be application/fhir+json');
    throw invalidResource('A resource body is required');
  }
  if (req.body.trim().length === 0) throw invalidResource('A resource body is required');
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.body);
  } catch {
    throw invalidResource('Invalid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalidResource('The body must be a JSON object (a FHIR resource)');
  }
  const body = parsed as Record<string, unknown>;
  const resourceType = body.resourceType;
  if (typeof resourceType !== 'string' || resourceType.length === 0) {
    throw invalidResource('The resource has no resourceType', ['resourceType']);
  }
  if (expectedType !== undefined && resourceType !== expectedType) {
    throw invalidResource(`The body's resourceType '${resourceType}' does not match '${expectedType}'`, [
      'resourceType',
    ]);
  }
  if (body.id !== undefined && (typeof body.id !== 'string' || !ID_PATTERN.test(body.id))) {
    throw invalidResource('The resource id must be 1-64 letters, digits, "-" or "."', [`${resourceType}.id`]);
  }
  if (body.meta !== undefined && (typeof body.meta !== 'object' || body.meta === null || Array.isArray(body.meta))) {
    throw invalidResource('Resource.meta must be an object', [`${resourceType}.meta`]);
  }
  return body as unknown as Resource;
}

/** Checks a logical id from the URL. */
export function checkId(id: string): string {
  if (!ID_PATTERN.test(id)) throw badRequest(`Invalid resource id '${id.slice(0, 80)}'`);
  return id;
}
