import type { Reference, Resource } from 'fhir/r4';
import { testTerminology } from './terminology.ts';
import { createDirectory, type Directory } from '../directory/index.ts';

// Test-only helpers: one generated directory per (seed, size) per test file.

export { testTerminology };

const cache = new Map<string, { directory: Directory; resources: Resource[] }>();

/** A directory and all its resources (materialized: tests only ever do this on small sizes). */
export function generated(seed: string, size: number): { directory: Directory; resources: Resource[] } {
  const key = `${seed}|${size}`;
  let entry = cache.get(key);
  if (!entry) {
    const directory = createDirectory({ seed, size, terminology: testTerminology() });
    entry = { directory, resources: [...directory.resources()] };
    cache.set(key, entry);
  }
  return entry;
}

/** Every literal reference (`Type/id`) anywhere inside a resource. */
export function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value) referencesIn(v, out);
  } else if (value !== null && typeof value === 'object') {
    const ref = (value as Reference).reference;
    if (typeof ref === 'string') out.push(ref);
    for (const v of Object.values(value)) referencesIn(v, out);
  }
  return out;
}

/** Resources by `Type/id`. */
export function byReference(resources: readonly Resource[]): Map<string, Resource> {
  return new Map(resources.map((r) => [`${r.resourceType}/${r.id ?? ''}`, r]));
}
