import type { Bundle, BundleEntry } from 'fhir/r4';
import { badRequest, searchBundleJson, type BundleEntryJson, type SearchRequest } from '@plan-api/fhir';
import type { SearchResult, StoredResource } from '../port.ts';
import { statusLine, type ParsedEntry } from './bundle-entry.ts';

/** The response entry of a write (or of a conditional create that found its match). */
export function writeResponse(stored: StoredResource, status: number, base: string): BundleEntry {
  const path = `${stored.resourceType}/${stored.id}`;
  return {
    fullUrl: `${base}/${path}`,
    resource: JSON.parse(stored.json) as BundleEntry['resource'],
    response: {
      status: statusLine(status),
      location: `${path}/_history/${stored.versionId}`,
      etag: `W/"${stored.versionId}"`,
      lastModified: stored.lastUpdated,
    },
  };
}

/** The response entry of a read or vread. */
export function readResponse(stored: StoredResource, base: string): BundleEntry {
  const entry = writeResponse(stored, 200, base);
  delete entry.response!.location;
  return entry;
}

/** Checks that a body is a batch or transaction Bundle; its type, entries and the base without a trailing slash. */
export function checkBundle(
  bundle: unknown,
  baseUrl: string,
): { type: 'batch' | 'transaction'; entries: BundleEntry[]; base: string } {
  const body = bundle as Partial<Bundle> | null;
  if (typeof body !== 'object' || body === null || body.resourceType !== 'Bundle') {
    throw badRequest('The body must be a Bundle.');
  }
  if (body.type !== 'batch' && body.type !== 'transaction') {
    throw badRequest('Only batch and transaction Bundles can be processed.', ['Bundle.type']);
  }
  const entries = body.entry ?? [];
  if (!Array.isArray(entries)) throw badRequest('Bundle.entry must be an array.', ['Bundle.entry']);
  return { type: body.type, entries, base: baseUrl.replace(/\/+$/, '') };
}

/** A transaction may touch each resource once. */
export function checkDistinctTargets(entries: readonly ParsedEntry[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if ((entry.method !== 'PUT' && entry.method !== 'DELETE') || entry.id === undefined) continue;
    const key = `${entry.resourceType}/${entry.id}`;
    if (seen.has(key)) throw badRequest(`Bundle.entry[${entry.position}]: ${key} appears more than once.`);
    seen.add(key);
  }
}

/** The searchset of a Bundle GET entry; `next` pages by the store's cursor when it gave one, else by offset. */
export function searchsetBundle(request: SearchRequest, result: SearchResult, base: string): Bundle {
  const asEntry = (s: StoredResource, mode: BundleEntryJson['mode']): BundleEntryJson => ({
    fullUrl: `${base}/${s.resourceType}/${s.id}`,
    json: s.json,
    mode,
  });
  const page = (name: '_offset' | '_cursor', value: string): [string, string][] => [
    ...request.selfParams.filter(([k]) => k !== '_offset'),
    [name, value],
  ];
  const next =
    result.nextCursor !== undefined
      ? page('_cursor', result.nextCursor)
      : page('_offset', String(request.offset + request.count));
  const json = searchBundleJson({
    url: `${base}/${request.resourceType}`,
    selfParams: request.selfParams,
    entries: [...result.matches.map((m) => asEntry(m, 'match')), ...result.included.map((m) => asEntry(m, 'include'))],
    ...(result.total === undefined ? {} : { total: result.total }),
    ...(result.hasMore ? { nextParams: next } : {}),
    ...(request.offset > 0
      ? { previousParams: page('_offset', String(Math.max(0, request.offset - request.count))) }
      : {}),
  });
  return JSON.parse(json) as Bundle;
}

/** The history Bundle of one resource (versions newest first). */
export function historyBundle(type: string, id: string, versions: readonly StoredResource[], base: string): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'history',
    total: versions.length,
    entry: versions.map((v) => ({
      fullUrl: `${base}/${type}/${id}`,
      ...(v.deleted ? {} : { resource: JSON.parse(v.json) as BundleEntry['resource'] }),
      request: { method: v.deleted ? 'DELETE' : v.versionId === '1' ? 'POST' : 'PUT', url: `${type}/${id}` },
      response: { status: statusLine(v.deleted ? 204 : v.versionId === '1' ? 201 : 200), etag: `W/"${v.versionId}"` },
    })),
  };
}
