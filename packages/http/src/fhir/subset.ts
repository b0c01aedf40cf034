import type { Resource } from 'fhir/r4';
import { applyElements, applySummary, badRequest } from '@plan-api/fhir';
import type { SummaryMode } from '@plan-api/fhir';

/** What part of each resource a request asked for (`_summary`, `_elements`). */
export interface Subset {
  summary?: SummaryMode;
  elements?: string[];
}

const SUMMARY_MODES: readonly string[] = ['true', 'false', 'text', 'data', 'count'];

/** Whether the stored bytes can be sent as they are. */
export function isWhole(subset: Subset): boolean {
  return (subset.summary === undefined || subset.summary === 'false') && subset.elements === undefined;
}

/**
 * Reads `_summary` and `_elements` from a read/vread request (`_summary=count` is for searches only).
 * `_elements` names may carry the type prefix (`Patient.name`), as in searches.
 */
export function readSubset(resourceType: string, params: readonly [string, string][]): Subset {
  const prefix = `${resourceType}.`;
  const subset: Subset = {};
  for (const [name, value] of params) {
    if (name === '_summary') {
      if (!SUMMARY_MODES.includes(value) || value === 'count') {
        throw badRequest(`Invalid _summary '${value}': expected true, false, text or data`, ['_summary']);
      }
      subset.summary = value as SummaryMode;
    } else if (name === '_elements') {
      const elements = value
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e.length > 0)
        .map((e) => (e.startsWith(prefix) ? e.slice(prefix.length) : e));
      subset.elements = [...(subset.elements ?? []), ...elements];
    }
  }
  return subset;
}

/** The stored JSON reduced to the requested subset; the same string when nothing is to be removed. */
export function subsetJson(json: string, subset: Subset): string {
  if (isWhole(subset)) return json;
  let resource = JSON.parse(json) as Resource;
  if (subset.elements !== undefined) resource = applyElements(resource, subset.elements);
  else if (subset.summary !== undefined) resource = applySummary(resource, subset.summary);
  return JSON.stringify(resource);
}
