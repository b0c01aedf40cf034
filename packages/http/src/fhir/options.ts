import type { CapabilityStatement } from 'fhir/r4';
import type { Request } from 'express';
import { resourceTypesOf } from '@plan-api/fhir';
import type { FhirBase, SearchRegistry, SearchRequest, SmartSecurityOptions } from '@plan-api/fhir';
import type { FhirStore, SearchResult } from '@plan-api/store';
import { EntryCache } from './entry-cache.ts';
import type { ResponseCache } from './response-cache.ts';

/** Where unexpected failures are reported (the client only ever sees a generic message). */
export interface HttpLogger {
  error(message: string, details?: Record<string, unknown>): void;
}

/** How writes are refused on a read-only base. */
export interface ReadOnlyPolicy {
  /** 405 (the interaction does not exist here) or 403 (it exists, but not for this caller). */
  status: 403 | 405;
  /** The OperationOutcome diagnostics; a sensible default otherwise. */
  message?: string;
}

/**
 * Per-request hooks around type searches, for a base whose callers may see only part of the store
 * (the Patient Access API narrows every search to one member's compartment). Either may throw a
 * FhirError to refuse the request.
 */
export interface SearchAccessHooks {
  /**
   * Receives each parsed search (GET and `POST _search`, every page) and returns the search to run,
   * e.g. with criteria added. The client's `selfParams` are what the Bundle links show.
   */
  restrict?(req: Request, request: SearchRequest): SearchRequest | Promise<SearchRequest>;
  /** Receives the store's result and returns what the caller may see (e.g. `_include`s filtered). */
  filter?(req: Request, request: SearchRequest, result: SearchResult): SearchResult | Promise<SearchResult>;
}

/**
 * Options of one FHIR base (see {@link createFhirRouter}).
 *
 * The router owns every path below its mount point: anything else that lives under the same prefix
 * (e.g. `/.well-known/smart-configuration`) must be mounted before it.
 */
export interface FhirRouterOptions {
  store: FhirStore;
  registry: SearchRegistry;
  /**
   * Which of the server's FHIR bases this is (`patientAccess` or `directory`): the default resource types,
   * profiles, `_include`/`_revinclude` values and `instantiates` of the CapabilityStatement come from it.
   */
  base?: FhirBase;
  /** SMART endpoints advertised in the CapabilityStatement (the Patient Access base). */
  security?: SmartSecurityOptions;
  /**
   * The resource types served; any other type answers 404 "Unknown resource type". Default: the types of
   * `base`, else the registry's.
   */
  resourceTypes?: readonly string[];
  /**
   * Refuse create/update/delete/batch: `true` answers 405, `{ status: 403 }` answers 403.
   * Reads, searches (also `POST _search`) and history stay available.
   */
  readOnly?: boolean | ReadOnlyPolicy;
  /** Page size when the client sends no `_count` (default 50). */
  defaultCount?: number;
  /** Largest page size; larger `_count` values are clamped (default 500). */
  maxCount?: number;
  /**
   * The CapabilityStatement served at `metadata`, or a function of the request's base URL. Default: one
   * built from the registry and resourceTypes by buildCapabilityStatement.
   */
  capabilityStatement?: CapabilityStatement | ((baseUrl: string) => CapabilityStatement);
  /**
   * The absolute URL of this base as clients see it (used in fullUrl, links and Location), e.g. the public
   * URL from config `http://127.0.0.1:4010/fhir`, or a function of the request. Default: derived from the
   * request (`protocol://host` + mount path), which is only right when no proxy rewrites the path.
   */
  baseUrl?: string | ((req: Request) => string);
  /** Largest accepted request body in bytes (default 16 MiB); larger bodies answer 413. */
  maxBodyBytes?: number;
  /** Receives unexpected errors (default: console). */
  logger?: HttpLogger;
  /** Access control hooks around searches (default: every caller sees everything). */
  searchAccess?: SearchAccessHooks;
  /**
   * Keeps successful answers by request and data version (a public, read-only base only: see ResponseCache).
   * Its `serve` belongs in the server's request listener, in front of Express.
   */
  responseCache?: ResponseCache;
}

/** The options with every default filled in, shared by the handlers of one router. */
export interface FhirContext {
  store: FhirStore;
  registry: SearchRegistry;
  base: FhirBase | undefined;
  security: SmartSecurityOptions | undefined;
  resourceTypes: ReadonlySet<string>;
  readOnly: ReadOnlyPolicy | undefined;
  defaultCount: number;
  maxCount: number;
  maxBodyBytes: number;
  logger: HttpLogger;
  /** The base URL of a request, without a trailing slash. */
  baseUrl(req: Request): string;
  /** Encoded searchset entries of this router's responses. */
  entries: EntryCache;
  searchAccess: SearchAccessHooks | undefined;
}

/** The console, for hosts that inject no logger. */
export const consoleLogger: HttpLogger = {
  error(message, details) {
    console.error(message, details ?? '');
  },
};

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}

/** Resolves the defaults of FhirRouterOptions. */
export function resolveFhirOptions(options: FhirRouterOptions): FhirContext {
  const defaultCount = options.defaultCount ?? 50;
  const maxCount = options.maxCount ?? 500;
  if (!(Number.isInteger(defaultCount) && defaultCount > 0 && Number.isInteger(maxCount) && maxCount >= defaultCount)) {
    throw new Error('createFhirRouter: defaultCount and maxCount must be positive integers, defaultCount <= maxCount');
  }
  const configured = options.baseUrl;
  let baseUrl: (req: Request) => string;
  if (typeof configured === 'string') {
    const fixed = trimSlash(configured);
    baseUrl = () => fixed;
  } else if (typeof configured === 'function') {
    baseUrl = (req) => trimSlash(configured(req));
  } else {
    baseUrl = (req) => trimSlash(`${req.protocol}://${req.host}${req.baseUrl}`);
  }
  const readOnly =
    options.readOnly === true ? { status: 405 as const } : options.readOnly === false ? undefined : options.readOnly;
  return {
    store: options.store,
    registry: options.registry,
    base: options.base,
    security: options.security,
    resourceTypes: new Set(
      options.resourceTypes ?? (options.base ? resourceTypesOf(options.base) : options.registry.resourceTypes),
    ),
    readOnly,
    defaultCount,
    maxCount,
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024,
    logger: options.logger ?? consoleLogger,
    baseUrl,
    entries: new EntryCache(),
    searchAccess: options.searchAccess,
  };
}
