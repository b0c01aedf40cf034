import type { Bundle, Resource } from 'fhir/r4';
import type { SearchRequest } from '@plan-api/fhir';

/**
 * A stored resource version. `json` is the resource serialized once at write time (with `id` and
 * `meta.versionId`/`meta.lastUpdated` set); the HTTP layer sends those bytes without re-serializing.
 */
export interface StoredResource {
  resourceType: string;
  id: string;
  versionId: string;
  /** ISO instant. */
  lastUpdated: string;
  json: string;
  /** True for the tombstone version written by delete (json is then `""`). */
  deleted?: boolean;
}

export interface SearchResult {
  /** The page of matches, in order. */
  matches: StoredResource[];
  /** Resources added by _include/_revinclude (deduplicated, none also in matches). */
  included: StoredResource[];
  /** Total number of matches when the request asked for it and it was cheap (or accurate was asked). */
  total?: number;
  /** True when there are more matches after this page. */
  hasMore: boolean;
  /**
   * Keyset paging: an opaque position after this page's last match, for the next request's `_cursor`
   * (given only when hasMore). Stores that page by offset leave it out.
   */
  nextCursor?: string;
}

export interface CreateOptions {
  /** Conditional create (If-None-Exist): a query string such as `identifier=sys|val`. */
  ifNoneExist?: string;
}

export interface UpdateOptions {
  /** If-Match: the version the client last saw (`W/"3"` or `3`). */
  ifMatch?: string;
}

export interface WriteResult {
  resource: StoredResource;
  /** True when a new resource was made (201), false when it already existed / was updated (200). */
  created: boolean;
}

/**
 * The FHIR persistence port. Every adapter (memory, lowdb, postgres) passes the same contract suite.
 * Errors are thrown as FhirError from @plan-api/fhir (404 unknown, 410 deleted, 400 invalid, 409/412 conflicts).
 */
export interface FhirStore {
  /** Creates a resource with a server-assigned id (a client-supplied id is replaced). */
  create(resource: Resource, options?: CreateOptions): Promise<WriteResult>;
  /** Update, or create with the client's id when absent. */
  update(resource: Resource, options?: UpdateOptions): Promise<WriteResult>;
  /** Current version. Throws 404 unknown, 410 deleted. */
  read(resourceType: string, id: string): Promise<StoredResource>;
  /** A specific version. Throws 404 unknown version, 410 when that version is a deletion. */
  vread(resourceType: string, id: string, versionId: string): Promise<StoredResource>;
  /** Deletes (writes a tombstone version). Deleting an unknown or deleted resource is not an error. */
  delete(resourceType: string, id: string): Promise<void>;
  /** Versions of one resource (newest first), or of all resources of a type when id is omitted. */
  history(resourceType: string, id?: string, options?: { count?: number; offset?: number }): Promise<StoredResource[]>;
  /** Evaluates a parsed search. */
  search(request: SearchRequest): Promise<SearchResult>;
  /** Processes a batch or transaction Bundle (transaction: all or nothing) and returns the response Bundle. */
  bundle(bundle: Bundle, options: { baseUrl: string }): Promise<Bundle>;
  /** Loads many resources quickly (synthetic data import). Ids are kept; existing resources are replaced. */
  bulkLoad(resources: Iterable<Resource> | AsyncIterable<Resource>): Promise<number>;
  /** Flushes and releases resources. */
  close(): Promise<void>;
}
