import { expect } from 'vitest';
import { createDefaultRegistry, FhirError, parseSearch, type SearchRequest } from '@plan-api/fhir';
import type { FhirStore, SearchResult, StoredResource } from '../port.ts';

/** The registry the suite parses queries with (stores under test get their own). */
export const registry = createDefaultRegistry();

/** "Now" for the `ap` date prefix, pinned so its 10% margin does not drift with the calendar. */
export const SUITE_NOW = Date.parse('2024-07-01T00:00:00Z');

/** Parses `Type?query` the way the HTTP layer does; every parameter must be understood. */
export function parse(url: string): SearchRequest {
  const q = url.indexOf('?');
  const type = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  const request = parseSearch(type, new URLSearchParams(query), registry, {
    defaultCount: 50,
    maxCount: 500,
    strict: false,
    now: SUITE_NOW,
  });
  expect(request.ignored, `parameters of ${url} that were not understood`).toEqual([]);
  return request;
}

/** Runs `Type?query` against the store. */
export function search(store: FhirStore, url: string): Promise<SearchResult> {
  return store.search(parse(url));
}

/** Ids of the matches, in the order the store returned them. */
export async function matchIds(store: FhirStore, url: string): Promise<string[]> {
  return (await search(store, url)).matches.map((m) => m.id);
}

/** `Type/id` of each resource, sorted (for included resources, whose order is not specified). */
export function keys(resources: readonly StoredResource[]): string[] {
  return resources.map((r) => `${r.resourceType}/${r.id}`).sort();
}

/** The parsed body of a stored version. */
export function body<T = Record<string, unknown>>(stored: StoredResource): T {
  return JSON.parse(stored.json) as T;
}

/** Asserts that `promise` rejects with a FhirError of `status`. */
export async function expectStatus(promise: Promise<unknown>, status: number): Promise<FhirError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected a FhirError ${status}`).toBeInstanceOf(FhirError);
  expect((caught as FhirError).status).toBe(status);
  return caught as FhirError;
}

/** Waits long enough for the clock to move past the previous write's millisecond. */
export function tick(ms = 5): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
