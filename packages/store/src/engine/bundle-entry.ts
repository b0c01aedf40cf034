import type { BundleEntry } from 'fhir/r4';
import { badRequest, FhirError } from '@plan-api/fhir';

export type EntryMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A Bundle entry's request, checked and split into its parts. */
export interface ParsedEntry {
  /** Position in the request Bundle (responses keep it). */
  position: number;
  method: EntryMethod;
  resourceType: string;
  id?: string;
  versionId?: string;
  /** `Type/id/_history` (GET). */
  history: boolean;
  /** Search query of a GET `Type?...`. */
  query?: string;
  fullUrl?: string;
  resource?: unknown;
  ifNoneExist?: string;
  ifMatch?: string;
}

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'DELETE']);
const TYPE_PATTERN = /^[A-Z][A-Za-z]+$/;

/** Reads one entry's `request` (and resource), throwing 400 for what cannot be processed. */
export function parseEntry(entry: BundleEntry, position: number, baseUrl: string): ParsedEntry {
  const request = entry.request;
  if (!request || typeof request.method !== 'string' || typeof request.url !== 'string') {
    throw badRequest('Every entry needs request.method and request.url.', [`Bundle.entry[${position}].request`]);
  }
  const method = request.method.toUpperCase();
  if (!METHODS.has(method)) throw badRequest(`Method ${request.method} is not supported in a Bundle.`);
  const parsed: ParsedEntry = {
    position,
    method: method as EntryMethod,
    ...parseRequestUrl(request.url, baseUrl),
    fullUrl: entry.fullUrl,
    resource: entry.resource,
  };
  if (request.ifNoneExist !== undefined) parsed.ifNoneExist = request.ifNoneExist;
  if (request.ifMatch !== undefined) parsed.ifMatch = request.ifMatch;
  checkShape(parsed);
  return parsed;
}

function parseRequestUrl(url: string, baseUrl: string): Omit<ParsedEntry, 'position' | 'method'> {
  let rest = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(rest)) {
    const base = baseUrl.replace(/\/+$/, '');
    if (!rest.startsWith(`${base}/`)) throw badRequest(`The request url ${url} is not on this server.`);
    rest = rest.slice(base.length + 1);
  }
  rest = rest.replace(/^\/+/, '');
  const q = rest.indexOf('?');
  const path = q >= 0 ? rest.slice(0, q) : rest;
  const segments = path.split('/');
  const [resourceType = '', id, historyWord, versionId] = segments;
  const shapeOk =
    TYPE_PATTERN.test(resourceType) &&
    segments.length <= 4 &&
    (id === undefined || id !== '') &&
    (historyWord === undefined || historyWord === '_history') &&
    (versionId === undefined || versionId !== '');
  if (!shapeOk) throw badRequest(`The request url ${url} is not understood.`);
  const out: Omit<ParsedEntry, 'position' | 'method'> = {
    resourceType,
    history: historyWord !== undefined && !versionId,
  };
  if (id !== undefined) out.id = id;
  if (versionId !== undefined) out.versionId = versionId;
  if (q >= 0) out.query = rest.slice(q + 1);
  return out;
}

function checkShape(entry: ParsedEntry): void {
  const where = `Bundle.entry[${entry.position}]`;
  const plain = entry.id === undefined && entry.query === undefined && !entry.history;
  const instance = entry.id !== undefined && entry.versionId === undefined && !entry.history && !entry.query;
  switch (entry.method) {
    case 'POST':
      if (!plain) throw badRequest('A POST entry url must be the resource type.', [`${where}.request.url`]);
      checkBodyType(entry, where);
      return;
    case 'PUT':
      if (entry.query !== undefined) throw badRequest('Conditional update is not supported.', [`${where}.request.url`]);
      if (!instance) throw badRequest('A PUT entry url must be Type/id.', [`${where}.request.url`]);
      checkBodyType(entry, where);
      if ((entry.resource as { id?: unknown }).id !== entry.id) {
        throw badRequest('The resource id must equal the id in request.url.', [`${where}.resource.id`]);
      }
      return;
    case 'DELETE':
      if (entry.query !== undefined) throw badRequest('Conditional delete is not supported.', [`${where}.request.url`]);
      if (!instance) throw badRequest('A DELETE entry url must be Type/id.', [`${where}.request.url`]);
      return;
    case 'GET':
      return;
  }
}

function checkBodyType(entry: ParsedEntry, where: string): void {
  const body = entry.resource as { resourceType?: unknown } | undefined;
  if (typeof body !== 'object' || body === null) {
    throw badRequest(`A ${entry.method} entry needs a resource.`, [`${where}.resource`]);
  }
  if (body.resourceType !== entry.resourceType) {
    throw badRequest(`The resource is not a ${entry.resourceType}.`, [`${where}.resource.resourceType`]);
  }
}

/** Puts the entry's position in front of an error's message, keeping its status. */
export function atEntry(err: FhirError, position: number): FhirError {
  return new FhirError(err.status, err.code, `Bundle.entry[${position}]: ${err.message}`, {
    expression: err.expression ?? [`Bundle.entry[${position}]`],
    headers: err.headers,
  });
}

/** Copies a resource, replacing every `reference` found in `resolved` (transaction `urn:uuid:` ids). */
export function resolveReferences(value: unknown, resolved: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, resolved));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === 'reference' && typeof v === 'string' ? (resolved.get(v) ?? v) : resolveReferences(v, resolved);
  }
  return out;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};

/** `201 Created`, as Bundle.entry.response.status wants it. */
export function statusLine(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `${status} ${text}` : String(status);
}
