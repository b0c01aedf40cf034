import type { SearchParamDef, SearchParamType } from '../types.ts';

/** A parameter before it is attached to the resource types it applies to. */
export type ParamSpec = Omit<SearchParamDef, 'base'>;

const R4 = 'http://hl7.org/fhir/SearchParameter/';
const US_CORE = 'http://hl7.org/fhir/us/core/SearchParameter/us-core-';
const CARIN = 'http://hl7.org/fhir/us/carin-bb/SearchParameter/';
const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/SearchParameter/';

/** Canonical URL of a base FHIR R4 SearchParameter, e.g. `r4('Condition-subject')`. */
export const r4 = (id: string): string => R4 + id;
/** Canonical URL of a US Core 6.1 SearchParameter, e.g. `usCore('condition-code')`. */
export const usCore = (id: string): string => US_CORE + id;
/** Canonical URL of a CARIN BB 2.0 SearchParameter. */
export const carin = (id: string): string => CARIN + id;
/** Canonical URL of a Plan-Net 1.1 SearchParameter. */
export const planNet = (id: string): string => PLAN_NET + id;

/** Plan-Net extension canonicals used by search parameters. */
export const PLAN_NET_EXT = {
  networkReference: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/network-reference',
  locationReference: 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/location-reference',
} as const;

function spec(
  code: string,
  type: SearchParamType,
  paths: string[],
  definition: string,
  documentation: string,
  targets?: string[],
): ParamSpec {
  const out: ParamSpec = { code, type, paths, definition, documentation };
  if (targets) out.targets = targets;
  return out;
}

/** A token parameter. */
export const token = (code: string, paths: string[], definition: string, doc: string): ParamSpec =>
  spec(code, 'token', paths, definition, doc);
/** A string parameter. */
export const string = (code: string, paths: string[], definition: string, doc: string): ParamSpec =>
  spec(code, 'string', paths, definition, doc);
/** A date parameter. */
export const date = (code: string, paths: string[], definition: string, doc: string): ParamSpec =>
  spec(code, 'date', paths, definition, doc);
/** A uri parameter. */
export const uri = (code: string, paths: string[], definition: string, doc: string): ParamSpec =>
  spec(code, 'uri', paths, definition, doc);
/** A reference parameter; `targets` are the resource types it may point to (`Resource` = any). */
export const reference = (
  code: string,
  paths: string[],
  targets: string[],
  definition: string,
  doc: string,
): ParamSpec => spec(code, 'reference', paths, definition, doc, targets);
/** A special parameter (only `near` is evaluated). */
export const special = (code: string, paths: string[], definition: string, doc: string): ParamSpec =>
  spec(code, 'special', paths, definition, doc);

/** Attaches parameter specs to one resource type. */
export function forType(resourceType: string, specs: readonly ParamSpec[]): SearchParamDef[] {
  return specs.map((s) => ({ ...s, base: [resourceType] }));
}

/** The usual `patient` parameter over `subject`, restricted to Patient references. */
export function patientOverSubject(resourceLower: string, definition = usCore(`${resourceLower}-patient`)): ParamSpec {
  return reference('patient', ['subject'], ['Patient'], definition, 'Who the resource is about, when it is a patient');
}

/** The base R4 `subject` parameter. */
export function subject(resourceType: string, targets: string[] = ['Patient', 'Group']): ParamSpec {
  return reference('subject', ['subject'], targets, r4(`${resourceType}-subject`), 'Who or what the resource is about');
}

/** The base R4 `encounter` parameter over `encounter`. */
export function encounter(resourceType: string, definition = r4(`${resourceType}-encounter`)): ParamSpec {
  return reference('encounter', ['encounter'], ['Encounter'], definition, 'The encounter the resource belongs to');
}
