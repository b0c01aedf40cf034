import {
  badRequest,
  conflict,
  gone,
  notFound,
  parseSearch,
  type ParseOptions,
  type SearchIndex,
  type SearchRegistry,
  type SearchRequest,
} from '@plan-api/fhir';
import type { CreateOptions, SearchResult, StoredResource, UpdateOptions, WriteResult } from '../port.ts';
import { matchingEntries, type EngineView } from './criteria.ts';
import { checkResource, nextVersionId, parseETag, prepareVersion, tombstone, type ResourceBody } from './prepare.ts';
import { runSearch } from './search.ts';
import { TypeTable, type Entry, type Undo } from './table.ts';

export interface EngineOptions {
  registry: SearchRegistry;
  /** Clock for `meta.lastUpdated` (tests pin it). */
  now?: () => Date;
  /** Ids for created resources (default: random UUIDs). */
  idGenerator?: () => string;
  /** How searches inside Bundles and If-None-Exist queries are parsed. */
  searchOptions?: Partial<ParseOptions>;
}

/**
 * Called after every committed change: one call per single write, one call per transaction (with
 * `atomic` true) once all its changes are in. Persistence adapters hook in here.
 */
export type CommitListener = (changes: readonly StoredResource[], atomic: boolean) => void;

interface Scope {
  undo: Undo[];
  changes: StoredResource[];
}

const DEFAULT_SEARCH: ParseOptions = { defaultCount: 50, maxCount: 1000, strict: false };

/**
 * The in-memory FHIR engine behind the memory and lowdb stores. Every operation is synchronous, so a
 * transaction runs without interleaving; `atomically` rolls back all its changes when it throws.
 */
export class FhirEngine implements EngineView {
  readonly registry: SearchRegistry;
  readonly searchOptions: ParseOptions;
  onCommit: CommitListener | undefined;
  readonly #tables = new Map<string, TypeTable>();
  readonly #now: () => Date;
  readonly #newId: () => string;
  #scope: Scope | undefined;

  constructor(options: EngineOptions) {
    this.registry = options.registry;
    this.searchOptions = { ...DEFAULT_SEARCH, ...options.searchOptions };
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.idGenerator ?? (() => crypto.randomUUID());
  }

  /** The table of a type, undefined until something of that type is written. */
  table(resourceType: string): TypeTable | undefined {
    return this.#tables.get(resourceType);
  }

  /** Creates with a new id, or (If-None-Exist) returns the one existing match. */
  create(resource: unknown, options: CreateOptions = {}): WriteResult {
    checkResource(resource, this.registry);
    if (options.ifNoneExist !== undefined) {
      const existing = this.conditionalMatch(resource.resourceType, options.ifNoneExist);
      if (existing) return { resource: existing, created: false };
    }
    return { resource: this.#write(resource, this.#newId()), created: true };
  }

  /** Updates (or creates with the client's id); If-Match must name the current version. */
  update(resource: unknown, options: UpdateOptions = {}): WriteResult {
    checkResource(resource, this.registry);
    if (resource.id === undefined)
      throw badRequest('An update needs the resource id.', [`${resource.resourceType}.id`]);
    const entry = this.#tables.get(resource.resourceType)?.entries.get(resource.id);
    if (options.ifMatch !== undefined) {
      const wanted = parseETag(options.ifMatch);
      if (!entry?.index || entry.current.versionId !== wanted) {
        throw conflict(`Version ${wanted} is not the current version of ${resource.resourceType}/${resource.id}.`, 412);
      }
    }
    const existed = entry?.index !== undefined;
    return { resource: this.#write(resource, resource.id), created: !existed };
  }

  read(resourceType: string, id: string): StoredResource {
    const entry = this.#entry(resourceType, id);
    if (entry.current.deleted) throw gone(`${resourceType}/${id} was deleted.`);
    return entry.current;
  }

  vread(resourceType: string, id: string, versionId: string): StoredResource {
    const version = this.#entry(resourceType, id).versions.find((v) => v.versionId === versionId);
    if (!version) throw notFound(`${resourceType}/${id} has no version ${versionId}.`);
    if (version.deleted) throw gone(`Version ${versionId} of ${resourceType}/${id} is a deletion.`);
    return version;
  }

  /** Writes a tombstone; returns it, or undefined when there was nothing to delete. */
  delete(resourceType: string, id: string): StoredResource | undefined {
    this.#knownType(resourceType);
    const table = this.#tables.get(resourceType);
    const entry = table?.entries.get(id);
    if (!table || !entry?.index) return undefined;
    const stored = tombstone(resourceType, id, nextVersionId(entry.current.versionId), this.#timestamp());
    this.#put(table, stored, undefined);
    return stored;
  }

  /** Versions, newest first: of one resource, or of every resource of the type. */
  history(resourceType: string, id?: string, options: { count?: number; offset?: number } = {}): StoredResource[] {
    const versions =
      id === undefined
        ? (this.#tables.get(this.#knownType(resourceType))?.log ?? [])
        : this.#entry(resourceType, id).versions;
    const offset = Math.max(0, options.offset ?? 0);
    const count = options.count ?? versions.length;
    const out: StoredResource[] = [];
    for (let i = versions.length - 1 - offset; i >= 0 && out.length < count; i--) out.push(versions[i]!);
    return out;
  }

  search(request: SearchRequest): SearchResult {
    return runSearch(this, request);
  }

  /** Parses a search the way Bundle GET entries and If-None-Exist need it. */
  parse(resourceType: string, query: string, options: { strict?: boolean; baseUrl?: string } = {}): SearchRequest {
    const params = new URLSearchParams(query.includes('?') ? query.slice(query.indexOf('?') + 1) : query);
    const parseOptions: ParseOptions = { ...this.searchOptions, strict: options.strict ?? false };
    if (options.baseUrl !== undefined) parseOptions.baseUrl = options.baseUrl;
    return parseSearch(resourceType, params, this.registry, parseOptions);
  }

  /** A new server-assigned id. */
  newId(): string {
    return this.#newId();
  }

  /** Creates a resource under an id chosen beforehand (transactions assign ids before writing). */
  createWithId(resource: unknown, id: string): StoredResource {
    checkResource(resource, this.registry);
    return this.#write(resource, id);
  }

  /** Bulk load: keeps the resource's id (or assigns one) and writes a new version. */
  load(resource: unknown): StoredResource {
    checkResource(resource, this.registry);
    return this.#write(resource, resource.id ?? this.#newId());
  }

  /**
   * Puts an already stored version back (reopening a persisted store), without a commit notification.
   * `index` is the search index when this version is the resource's newest live one.
   */
  restore(stored: StoredResource, index: SearchIndex | undefined): void {
    let table = this.#tables.get(stored.resourceType);
    if (!table) this.#tables.set(stored.resourceType, (table = new TypeTable(stored.resourceType)));
    table.put(stored, index);
  }

  /** Runs `fn` as one unit: if it throws, every change it made is undone and nothing is committed. */
  atomically<T>(fn: () => T): T {
    if (this.#scope) return fn();
    const scope: Scope = { undo: [], changes: [] };
    this.#scope = scope;
    try {
      const result = fn();
      this.#scope = undefined;
      if (scope.changes.length > 0) this.onCommit?.(scope.changes, true);
      return result;
    } catch (err) {
      this.#scope = undefined;
      for (let i = scope.undo.length - 1; i >= 0; i--) scope.undo[i]!();
      throw err;
    }
  }

  #write(body: ResourceBody, id: string): StoredResource {
    let table = this.#tables.get(body.resourceType);
    if (!table) this.#tables.set(body.resourceType, (table = new TypeTable(body.resourceType)));
    const previous = table.entries.get(id)?.current.versionId;
    const { stored, index } = prepareVersion(body, id, nextVersionId(previous), this.#timestamp(), this.registry);
    this.#put(table, stored, index);
    return stored;
  }

  #put(table: TypeTable, stored: StoredResource, index: SearchIndex | undefined): void {
    const undo = table.put(stored, index);
    if (this.#scope) {
      this.#scope.undo.push(undo);
      this.#scope.changes.push(stored);
    } else {
      this.onCommit?.([stored], false);
    }
  }

  /** If-None-Exist: the one resource the query matches, undefined for none, 412 for several. */
  conditionalMatch(resourceType: string, query: string): StoredResource | undefined {
    const request = this.parse(resourceType, query, { strict: true });
    if (request.criteria.length === 0) throw badRequest('If-None-Exist needs at least one search criterion.');
    const matches = matchingEntries(this, resourceType, request.criteria, new Map());
    if (matches.length > 1) {
      throw conflict(`If-None-Exist matched ${matches.length} ${resourceType} resources; it must match one.`, 412);
    }
    return matches[0]?.current;
  }

  #entry(resourceType: string, id: string): Entry {
    const entry = this.#tables.get(this.#knownType(resourceType))?.entries.get(id);
    if (!entry) throw notFound(`${resourceType}/${id} is not known.`);
    return entry;
  }

  #knownType(resourceType: string): string {
    if (!this.registry.hasType(resourceType)) throw notFound(`Resource type ${resourceType} is not supported.`);
    return resourceType;
  }

  #timestamp(): string {
    return this.#now().toISOString();
  }
}
