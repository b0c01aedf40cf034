/**
 * The adapter-neutral vocabulary of FHIR search: parameter definitions, the values extracted from
 * resources for indexing, and the parsed search request. Memory adapters evaluate a SearchRequest in
 * code; the PostgreSQL adapter compiles it to SQL over index tables holding the same IndexValues.
 */

export type SearchParamType = 'number' | 'date' | 'string' | 'token' | 'reference' | 'quantity' | 'uri' | 'special';

/**
 * A search parameter. `paths` are simple element paths from the resource root (no resource type
 * prefix), dot separated; choice types are listed explicitly (`effectiveDateTime`, `effectivePeriod`).
 * A segment `extension(<url>)` selects the extensions with that url, e.g.
 * `extension(http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/network-reference).valueReference`.
 * A segment may carry a filter `name[field=value]`, e.g. `telecom[system=email].value`.
 */
export interface SearchParamDef {
  /** The name used in the query string, e.g. `patient`. */
  code: string;
  /** The resource types it applies to (`Resource` for `_id`, `_lastUpdated`). */
  base: string[];
  type: SearchParamType;
  paths: string[];
  /** Reference parameters: the resource types a reference may point to. */
  targets?: string[];
  /** Canonical URL of the SearchParameter definition (for the CapabilityStatement). */
  definition?: string;
  /** Plain description (for the CapabilityStatement). */
  documentation?: string;
  /** Modifiers a client may use with this parameter. */
  modifiers?: SearchModifier[];
}

export type SearchModifier =
  'exact' | 'contains' | 'missing' | 'not' | 'text' | 'identifier' | 'below' | 'above' | 'in' | 'not-in' | 'of-type';

/** Values extracted from one resource for one parameter (what an index row holds). */
export type IndexValue =
  | TokenIndexValue
  | StringIndexValue
  | DateIndexValue
  | ReferenceIndexValue
  | QuantityIndexValue
  | NumberIndexValue
  | UriIndexValue
  | PositionIndexValue;

export interface TokenIndexValue {
  kind: 'token';
  system?: string;
  code?: string;
  /** Display/text for `:text`, lower-cased. */
  text?: string;
}

export interface StringIndexValue {
  kind: 'string';
  /** Normalized for default/`:contains` matching: lower case, accents removed, whitespace collapsed. */
  normalized: string;
  /** The original text for `:exact`. */
  exact: string;
}

/** A date, dateTime, instant or Period as an inclusive millisecond range (open ends are ±Infinity). */
export interface DateIndexValue {
  kind: 'date';
  start: number;
  end: number;
}

export interface ReferenceIndexValue {
  kind: 'reference';
  /** `Type/id` for literal relative references (absolute ones to our own base are made relative). */
  reference?: string;
  type?: string;
  id?: string;
  /** Absolute or canonical URL when not resolvable to Type/id. */
  url?: string;
  /** `Reference.identifier`, for `:identifier`. */
  identifierSystem?: string;
  identifierValue?: string;
}

export interface QuantityIndexValue {
  kind: 'quantity';
  value: number;
  system?: string;
  code?: string;
  unit?: string;
}

export interface NumberIndexValue {
  kind: 'number';
  value: number;
}

export interface UriIndexValue {
  kind: 'uri';
  value: string;
}

export interface PositionIndexValue {
  kind: 'position';
  latitude: number;
  longitude: number;
}

/** All index values of one resource, keyed by parameter code. */
export type SearchIndex = Record<string, IndexValue[]>;

export type Prefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb' | 'ap';

/** One value of a search parameter in a request (values of one parameter are OR'd). */
export type SearchValue =
  | { kind: 'token'; system?: string | null; code?: string; text?: string }
  | { kind: 'string'; value: string }
  | { kind: 'date'; prefix: Prefix; start: number; end: number; raw: string }
  | { kind: 'reference'; type?: string; id?: string; url?: string; identifierSystem?: string; identifierValue?: string }
  | { kind: 'quantity'; prefix: Prefix; value: number; lo: number; hi: number; system?: string; code?: string }
  | { kind: 'number'; prefix: Prefix; value: number; lo: number; hi: number }
  | { kind: 'uri'; value: string }
  | { kind: 'near'; latitude: number; longitude: number; distanceKm: number }
  | { kind: 'missing'; missing: boolean };

/**
 * One criterion. A request's criteria are AND'ed; the values inside one criterion are OR'd.
 * token `system`: undefined = any system, null = no system (`|code`).
 */
export type Criterion = ParamCriterion | ChainCriterion | HasCriterion;

export interface ParamCriterion {
  kind: 'param';
  param: SearchParamDef;
  modifier?: SearchModifier;
  /** For reference params with a type modifier (`subject:Patient`). */
  targetType?: string;
  values: SearchValue[];
}

/** Forward chain: `practitioner.name=x` = the reference param points at a `targetType` matching `criterion`. */
export interface ChainCriterion {
  kind: 'chain';
  param: SearchParamDef;
  targetType: string;
  criterion: Criterion;
}

/** Reverse chain: `_has:PractitionerRole:practitioner:specialty=x`. */
export interface HasCriterion {
  kind: 'has';
  /** The type that points at us (PractitionerRole). */
  sourceType: string;
  /** Its reference parameter that points at us (practitioner). */
  referenceParam: SearchParamDef;
  criterion: Criterion;
}

/** `_include=Source:param[:Target]` / `_revinclude=...`. */
export interface IncludeSpec {
  sourceType: string;
  /** `*` means every reference parameter of sourceType. */
  param: SearchParamDef | '*';
  targetType?: string;
  iterate: boolean;
}

export interface SortSpec {
  param: SearchParamDef;
  descending: boolean;
}

export type SummaryMode = 'true' | 'false' | 'text' | 'data' | 'count';

/** A parsed, validated search: what every FhirStore adapter evaluates. */
export interface SearchRequest {
  resourceType: string;
  criteria: Criterion[];
  include: IncludeSpec[];
  revinclude: IncludeSpec[];
  sort: SortSpec[];
  /** Page size (already clamped to the server maximum). */
  count: number;
  /** Index of the first match on this page. */
  offset: number;
  /**
   * `_cursor`: an opaque position a store handed out as `nextCursor` (keyset paging); the store that
   * made it reads it, others ignore it. Not part of `selfParams`.
   */
  cursor?: string;
  total: 'none' | 'estimate' | 'accurate';
  summary?: SummaryMode;
  elements?: string[];
  /** Parameters that were understood, normalized, in order: what `Bundle.link[self]` shows. */
  selfParams: [string, string][];
  /** Unknown parameters that were ignored (lenient handling). */
  ignored: string[];
}
