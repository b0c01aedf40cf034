/** Test helpers shared by the clinical tests. */
import type { Resource } from 'fhir/r4';

/** The context the fixture is rendered with. */
export const CTX = { patientId: 'p-0badf00d', asOf: '2026-06-30' } as const;

/** The resources of one type, typed. */
export function ofType<T extends Resource>(resources: readonly Resource[], type: T['resourceType']): T[] {
  return resources.filter((r): r is T => r.resourceType === type);
}

/** Every `reference` string anywhere in a resource. */
export function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string') out.push(child);
      else referencesIn(child, out);
    }
  }
  return out;
}
