import type { Resource } from 'fhir/r4';
import type { SearchRegistry } from './registry.ts';
import type { SearchIndex } from './types.ts';

/**
 * Extracts the index values of every search parameter of the resource's type (common ones such as
 * `_id` and `_lastUpdated` included). Pure; adapters call it once per write and keep the result.
 */
export function extractIndex(resource: Resource, registry: SearchRegistry): SearchIndex {
  void resource;
  void registry;
  throw new Error('extractIndex: not implemented yet');
}
