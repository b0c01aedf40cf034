import type {
  CapabilityStatement,
  CapabilityStatementRest,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceSearchParam,
  CapabilityStatementRestSecurity,
  Extension,
} from 'fhir/r4';
import {
  CAPABILITY_INSTANTIATES,
  IMPLEMENTATION_GUIDES,
  PROFILES_BY_BASE,
  resourceTypesOf,
  SEARCH_INCLUDES,
  SEARCH_REVINCLUDES,
  type FhirBase,
} from './profiles.ts';
import { createDefaultRegistry } from './search/default-registry.ts';
import type { SearchRegistry } from './search/registry.ts';

/** A type-level interaction (`rest.resource.interaction.code`). */
export type TypeInteraction =
  'read' | 'vread' | 'update' | 'patch' | 'delete' | 'history-instance' | 'history-type' | 'create' | 'search-type';
/** A whole-system interaction (`rest.interaction.code`). */
export type SystemInteraction = 'transaction' | 'batch' | 'search-system' | 'history-system';

/** What the statement says about one resource type. Unset fields take the statement-wide defaults. */
export interface CapabilityResource {
  type: string;
  /** `supportedProfile`: exact canonical strings. */
  profiles?: readonly string[];
  interactions?: readonly TypeInteraction[];
  /** Restricts the advertised search parameters to these codes (default: all of the registry's for the type). */
  searchParams?: readonly string[];
  searchInclude?: readonly string[];
  searchRevInclude?: readonly string[];
  operations?: readonly { name: string; definition: string; documentation?: string }[];
  documentation?: string;
}

/** The SMART on FHIR authorization endpoints, advertised in the oauth-uris extension. */
export interface SmartSecurityOptions {
  /** Absolute URLs, or absolute paths (`/auth/token`) resolved against the statement's baseUrl. */
  authorize: string;
  token: string;
  revoke?: string;
  introspect?: string;
  manage?: string;
  register?: string;
  description?: string;
  /** Whether the server answers browser apps (CORS). Default true. */
  cors?: boolean;
}

/**
 * Options of buildCapabilityStatement. Only `baseUrl` is required: with `base` set, the resource
 * types, profiles, includes, `instantiates` and implementation guides of that FHIR base are filled in
 * from profiles.ts; explicit `resources`/`instantiates`/`implementationGuide` replace the preset.
 */
export interface CapabilityStatementOptions {
  /** The FHIR base URL (`implementation.url`, and the base for relative security URLs). */
  baseUrl: string;
  /** Which of the server's FHIR bases this statement describes (preset of resources and IG links). */
  base?: FhirBase;
  /** Search parameters to advertise (default: createDefaultRegistry()). */
  registry?: SearchRegistry;
  /** Resource types, as names or detailed entries (default: the preset of `base`, else every registry type). */
  resources?: readonly (string | CapabilityResource)[];
  /** Whether clients may write (create/update/delete). Default false: the APIs are read-only to apps. */
  writable?: boolean;
  /** Default interactions of each resource (default: read, vread, search-type, history-instance, plus writes). */
  interactions?: readonly TypeInteraction[];
  /** Whole-system interactions (`rest.interaction`), e.g. transaction and batch. Default none. */
  systemInteractions?: readonly SystemInteraction[];
  versioning?: CapabilityStatementRestResource['versioning'];
  readHistory?: boolean;
  updateCreate?: boolean;
  conditionalCreate?: boolean;
  conditionalUpdate?: boolean;
  conditionalRead?: CapabilityStatementRestResource['conditionalRead'];
  conditionalDelete?: CapabilityStatementRestResource['conditionalDelete'];
  /** SMART on FHIR security; omitted for an open API (the Provider Directory). */
  security?: SmartSecurityOptions;
  instantiates?: readonly string[];
  implementationGuide?: readonly string[];
  software?: { name: string; version?: string; releaseDate?: string };
  name?: string;
  title?: string;
  publisher?: string;
  description?: string;
  /** `date` of the statement (default: now). */
  date?: string;
}

const SECURITY_SERVICE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/restful-security-service';
const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
const EVERYTHING = 'http://hl7.org/fhir/OperationDefinition/Patient-everything';

const READ_ONLY: readonly TypeInteraction[] = ['read', 'vread', 'search-type', 'history-instance'];
const WRITES: readonly TypeInteraction[] = ['create', 'update', 'delete', 'history-type'];

/** The resource entries of a FHIR base: its types with their IG profiles, includes and operations. */
export function capabilityResources(base: FhirBase): CapabilityResource[] {
  return resourceTypesOf(base).map((type) => {
    const entry: CapabilityResource = {
      type,
      profiles: PROFILES_BY_BASE[base][type] ?? [],
      searchInclude: SEARCH_INCLUDES[base][type] ?? [],
      searchRevInclude: SEARCH_REVINCLUDES[base][type] ?? [],
    };
    if (base === 'patientAccess' && type === 'Patient')
      entry.operations = [{ name: 'everything', definition: EVERYTHING }];
    return entry;
  });
}

function absolute(url: string, baseUrl: string): string {
  // Already-absolute URLs are kept verbatim: clients compare them string-for-string with discovery.
  return url.includes('://') ? url : new URL(url, baseUrl).href;
}

function security(options: SmartSecurityOptions, baseUrl: string): CapabilityStatementRestSecurity {
  const uris: Extension[] = [];
  for (const key of ['authorize', 'token', 'revoke', 'introspect', 'manage', 'register'] as const) {
    const value = options[key];
    if (value) uris.push({ url: key, valueUri: absolute(value, baseUrl) });
  }
  return {
    extension: [{ url: OAUTH_URIS, extension: uris }],
    cors: options.cors ?? true,
    service: [
      {
        coding: [{ system: SECURITY_SERVICE_SYSTEM, code: 'SMART-on-FHIR', display: 'SMART-on-FHIR' }],
        text: 'OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)',
      },
    ],
    description: options.description ?? 'SMART App Launch 2.0: authorization code grant with PKCE, scopes v1 and v2.',
  };
}

function searchParams(
  registry: SearchRegistry,
  type: string,
  only: readonly string[] | undefined,
): CapabilityStatementRestResourceSearchParam[] {
  const byCode = new Map<string, CapabilityStatementRestResourceSearchParam>();
  for (const def of registry.forType(type)) {
    if (only && !only.includes(def.code)) continue;
    const param: CapabilityStatementRestResourceSearchParam = { name: def.code, type: def.type };
    if (def.definition) param.definition = def.definition;
    if (def.documentation) param.documentation = def.documentation;
    byCode.set(def.code, param);
  }
  return [...byCode.values()];
}

function resourceEntry(
  entry: CapabilityResource,
  options: CapabilityStatementOptions,
  registry: SearchRegistry,
): CapabilityStatementRestResource {
  const writable = options.writable ?? false;
  const interactions = entry.interactions ?? options.interactions ?? (writable ? [...READ_ONLY, ...WRITES] : READ_ONLY);
  // @types/fhir narrows `type` to the R4 resource names; entries come from our own tables.
  const out: CapabilityStatementRestResource = { type: entry.type as CapabilityStatementRestResource['type'] };
  if (entry.profiles && entry.profiles.length > 0) out.supportedProfile = [...entry.profiles];
  if (entry.documentation) out.documentation = entry.documentation;
  out.interaction = interactions.map((code) => ({ code }));
  out.versioning = options.versioning ?? 'versioned';
  out.readHistory = options.readHistory ?? true;
  out.updateCreate = options.updateCreate ?? false;
  out.conditionalCreate = options.conditionalCreate ?? writable;
  out.conditionalRead = options.conditionalRead ?? 'not-supported';
  out.conditionalUpdate = options.conditionalUpdate ?? false;
  out.conditionalDelete = options.conditionalDelete ?? 'not-supported';
  out.referencePolicy = ['literal', 'logical', 'resolves'];
  if (entry.searchInclude && entry.searchInclude.length > 0) out.searchInclude = [...entry.searchInclude];
  if (entry.searchRevInclude && entry.searchRevInclude.length > 0) out.searchRevInclude = [...entry.searchRevInclude];
  out.searchParam = searchParams(registry, entry.type, entry.searchParams);
  if (entry.operations && entry.operations.length > 0) {
    out.operation = entry.operations.map((op) => ({ ...op }));
  }
  return out;
}

/**
 * Builds the R4 CapabilityStatement (`GET metadata`) of one FHIR base from the search-parameter
 * registry and the IG tables: supported profiles, search parameters with their canonical
 * definitions, `_include`/`_revinclude` values, and the SMART security extension. Pure.
 */
export function buildCapabilityStatement(options: CapabilityStatementOptions): CapabilityStatement {
  const registry = options.registry ?? createDefaultRegistry();
  const base = options.base;
  const resources: (string | CapabilityResource)[] = options.resources
    ? [...options.resources]
    : base
      ? capabilityResources(base)
      : registry.resourceTypes;
  const rest: CapabilityStatementRest = {
    mode: 'server',
    documentation: options.description ?? 'FHIR R4 server of Plan API',
    resource: resources.map((r) => resourceEntry(typeof r === 'string' ? { type: r } : r, options, registry)),
  };
  if (options.security) rest.security = security(options.security, options.baseUrl);
  if (options.systemInteractions && options.systemInteractions.length > 0) {
    rest.interaction = options.systemInteractions.map((code) => ({ code }));
  }
  const instantiates = options.instantiates ?? (base ? CAPABILITY_INSTANTIATES[base] : []);
  const guides = options.implementationGuide ?? (base ? IMPLEMENTATION_GUIDES[base] : []);
  const software = options.software ?? { name: 'Plan API' };
  const statement: CapabilityStatement = {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date ?? new Date().toISOString(),
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    software: { ...software },
    implementation: { description: options.title ?? software.name, url: options.baseUrl },
    rest: [rest],
  };
  statement.name =
    options.name ??
    (base === 'directory' ? 'PlanApiProviderDirectory' : base === 'patientAccess' ? 'PlanApiPatientAccess' : 'PlanApi');
  if (options.title) statement.title = options.title;
  if (options.publisher) statement.publisher = options.publisher;
  if (options.description) statement.description = options.description;
  if (instantiates.length > 0) statement.instantiates = [...instantiates];
  if (guides.length > 0) statement.implementationGuide = [...guides];
  return statement;
}
