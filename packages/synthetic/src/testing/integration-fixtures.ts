/**
 * What the cross-cutting tests share: one directory of about 2,000 resources and 25 members (five of
 * each scenario) pointing into it, all from fixed seeds.
 */
import type { Reference, Resource } from 'fhir/r4';
import { createDirectory } from '../directory/index.ts';
import { generateMember, type GeneratedMember } from '../member.ts';
import { DEFAULT_AS_OF, SCENARIOS, type DirectoryHandle } from '../model.ts';
import { testTerminology } from './terminology.ts';

export const DIRECTORY_SEED = 'integration';
export const DIRECTORY_SIZE = 2000;
export const MEMBERS_PER_SCENARIO = 5;

export interface Fixture {
  handle: DirectoryHandle;
  directory: Resource[];
  members: GeneratedMember[];
}

/** The member seeds of the fixture, each with its scenario. */
export const MEMBER_SEEDS = SCENARIOS.flatMap((scenario) =>
  Array.from({ length: MEMBERS_PER_SCENARIO }, (_, i) => ({ seed: `it-${scenario}-${i}`, scenario })),
);

/** Builds the fixture (a few seconds: call once per test file). */
export function buildFixture(asOf = DEFAULT_AS_OF): Fixture {
  const made = createDirectory({ seed: DIRECTORY_SEED, size: DIRECTORY_SIZE, asOf, terminology: testTerminology() });
  const directory = [...made.resources()];
  const terminology = testTerminology();
  const members = MEMBER_SEEDS.map(({ seed, scenario }) =>
    generateMember({ seed, scenario, asOf, directory: made.handle, terminology }),
  );
  return { handle: made.handle, directory, members };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Every `reference` of a Reference anywhere in a resource (contained resources included). */
export function referencesOf(resource: Resource): string[] {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isObject(value)) return;
    const ref = (value as Reference).reference;
    if (typeof ref === 'string') out.push(ref);
    for (const [key, child] of Object.entries(value)) if (key !== 'reference') visit(child);
  };
  visit(resource);
  return out;
}

/** `Type/id` of a resource. */
export const keyOf = (r: Resource): string => `${r.resourceType}/${r.id ?? ''}`;

/** The references of `resources` that name nothing in `universe` (contained `#id` references resolve locally). */
export function unresolved(resources: readonly Resource[], universe: ReadonlySet<string>): string[] {
  const missing: string[] = [];
  for (const resource of resources) {
    const contained = new Set(((resource as { contained?: Resource[] }).contained ?? []).map((c) => `#${c.id ?? ''}`));
    for (const ref of referencesOf(resource)) {
      const ok = ref.startsWith('#') ? contained.has(ref) : universe.has(ref);
      if (!ok) missing.push(`${keyOf(resource)} -> ${ref}`);
    }
  }
  return missing;
}
