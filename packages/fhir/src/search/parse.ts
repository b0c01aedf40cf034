import type { SearchRegistry } from './registry.ts';
import type { SearchRequest } from './types.ts';

export interface ParseOptions {
  /** Page size when `_count` is absent. */
  defaultCount: number;
  /** Largest `_count` honoured; larger values are clamped. */
  maxCount: number;
  /** `Prefer: handling=strict`: unknown parameters are a 400 instead of being ignored. */
  strict: boolean;
}

/**
 * Parses query parameters (GET query or `POST _search` form body) into a SearchRequest.
 * Throws FhirError 400 (OperationOutcome) for malformed values, unknown types, bad modifiers, and
 * (strict mode) unknown parameters.
 */
export function parseSearch(
  resourceType: string,
  params: Iterable<[string, string]>,
  registry: SearchRegistry,
  options: ParseOptions,
): SearchRequest {
  void resourceType;
  void params;
  void registry;
  void options;
  throw new Error('parseSearch: not implemented yet');
}
