import type { Bundle, BundleEntry } from 'fhir/r4';
import { isFhirError, operationOutcome } from './outcome.ts';

/** One entry for a searchset Bundle, already serialized. */
export interface BundleEntryJson {
  fullUrl: string;
  /** The resource's JSON, exactly as stored. */
  json: string;
  mode: 'match' | 'include' | 'outcome';
}

export interface SearchBundleInput {
  /** Absolute URL of the search without query, e.g. `https://x/fhir/Observation`. */
  url: string;
  /** Parameters of this page for the self link (`_count`/`_offset` included). */
  selfParams: [string, string][];
  entries: BundleEntryJson[];
  total?: number;
  /** Parameters of the next/previous pages, when there is one. */
  nextParams?: [string, string][];
  previousParams?: [string, string][];
  /** Bundle.id (default: a random UUID). */
  id?: string;
  /** Bundle.meta.lastUpdated (default: now). */
  lastUpdated?: string;
}

/**
 * Encodes query parameters for a link. Like URLSearchParams, but spaces become %20 and the
 * characters FHIR queries are full of (`:` `,` `/` `$` `@`) stay readable; all are legal in a query.
 */
export function encodeParams(params: readonly (readonly [string, string])[]): string {
  return params.map(([k, v]) => `${encodeQueryPart(k)}=${encodeQueryPart(v)}`).join('&');
}

const READABLE = /%(3A|2C|2F|24|40)/gi;

function encodeQueryPart(s: string): string {
  const encoded = encodeURIComponent(s);
  return encoded.includes('%') ? encoded.replace(READABLE, decodeURIComponent) : encoded;
}

/** JSON.stringify for a string, skipping its escaping machinery for the common plain URL or id. */
function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Control characters, `"`, `\` and surrogates (JSON.stringify escapes lone ones) need the real thing.
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

function linkUrl(url: string, params: readonly (readonly [string, string])[]): string {
  return params.length === 0 ? url : `${url}?${encodeParams(params)}`;
}

function header(type: string, id: string | undefined, lastUpdated: string | undefined, total?: number): string {
  const meta = `{"lastUpdated":${jsonString(lastUpdated ?? new Date().toISOString())}}`;
  const totalJson = total === undefined ? '' : `,"total":${total}`;
  return `{"resourceType":"Bundle","id":${jsonString(id ?? crypto.randomUUID())},"meta":${meta},"type":"${type}"${totalJson}`;
}

function links(
  url: string,
  self: [string, string][],
  next?: [string, string][],
  previous?: [string, string][],
): string {
  const parts = [`{"relation":"self","url":${jsonString(linkUrl(url, self))}}`];
  if (next) parts.push(`{"relation":"next","url":${jsonString(linkUrl(url, next))}}`);
  if (previous) parts.push(`{"relation":"previous","url":${jsonString(linkUrl(url, previous))}}`);
  return `"link":[${parts.join(',')}]`;
}

/** One searchset entry: the stored JSON verbatim between its fullUrl and its search mode. */
export function searchEntryJson(entry: BundleEntryJson): string {
  return (
    '{"fullUrl":' + jsonString(entry.fullUrl) + ',"resource":' + entry.json + ',"search":{"mode":"' + entry.mode + '"}}'
  );
}

/**
 * A searchset Bundle around its entries: `head` ends where the first entry goes, `tail` closes the
 * Bundle; the entries go between them, comma-separated ({@link searchEntryJson}). For callers that
 * assemble the body from pre-encoded entries.
 */
export function searchBundleEnds(input: Omit<SearchBundleInput, 'entries'>): { head: string; tail: string } {
  const head =
    header('searchset', input.id, input.lastUpdated, input.total) +
    ',' +
    links(input.url, input.selfParams, input.nextParams, input.previousParams) +
    ',"entry":[';
  return { head, tail: ']}' };
}

/**
 * Serializes a searchset Bundle by concatenating the entries' stored JSON, so a search costs little
 * more than sending its bytes.
 */
export function searchBundleJson(input: SearchBundleInput): string {
  const { head, tail } = searchBundleEnds(input);
  // Plain `+=` builds a rope that is flattened once when written; map/join would copy every entry twice.
  let json = head;
  let first = true;
  for (const entry of input.entries) {
    json += first ? searchEntryJson(entry) : ',' + searchEntryJson(entry);
    first = false;
  }
  return json + tail;
}

/** A stored version for a history Bundle (structurally a store's StoredResource plus its fullUrl). */
export interface HistoryEntryJson {
  fullUrl: string;
  resourceType: string;
  id: string;
  versionId: string;
  lastUpdated: string;
  /** The version's JSON as stored; ignored for deletions. */
  json: string;
  deleted?: boolean;
}

export interface HistoryBundleInput {
  url: string;
  selfParams: [string, string][];
  entries: HistoryEntryJson[];
  total?: number;
  nextParams?: [string, string][];
  previousParams?: [string, string][];
  id?: string;
  lastUpdated?: string;
}

/**
 * Serializes a history Bundle: each version with the request that made it (POST for version 1,
 * PUT after, DELETE for tombstones, which carry no resource) and its response, entries verbatim.
 */
export function historyBundleJson(input: HistoryBundleInput): string {
  const entries = input.entries.map((e) => {
    const method = e.deleted ? 'DELETE' : e.versionId === '1' ? 'POST' : 'PUT';
    const url = method === 'POST' ? e.resourceType : `${e.resourceType}/${e.id}`;
    const status = e.deleted ? '204 No Content' : method === 'POST' ? '201 Created' : '200 OK';
    const resource = e.deleted ? '' : `,"resource":${e.json}`;
    const response = `{"status":"${status}","etag":${JSON.stringify(`W/"${e.versionId}"`)},"lastModified":${JSON.stringify(e.lastUpdated)}}`;
    return `{"fullUrl":${JSON.stringify(e.fullUrl)}${resource},"request":{"method":"${method}","url":${JSON.stringify(url)}},"response":${response}}`;
  });
  return (
    header('history', input.id, input.lastUpdated, input.total) +
    ',' +
    links(input.url, input.selfParams, input.nextParams, input.previousParams) +
    `,"entry":[${entries.join(',')}]}`
  );
}

/** The response Bundle of a batch or transaction, from its entries in request order. */
export function batchResponse(kind: 'batch' | 'transaction', entries: BundleEntry[]): Bundle {
  return {
    resourceType: 'Bundle',
    id: crypto.randomUUID(),
    meta: { lastUpdated: new Date().toISOString() },
    type: kind === 'batch' ? 'batch-response' : 'transaction-response',
    entry: entries,
  };
}

/** A batch-response entry for a failed request: its status and OperationOutcome (500 for unknown errors). */
export function batchErrorEntry(err: unknown): BundleEntry {
  if (isFhirError(err)) {
    return { response: { status: String(err.status), outcome: err.toOutcome() } };
  }
  return { response: { status: '500', outcome: operationOutcome('fatal', 'exception', 'Internal error') } };
}
