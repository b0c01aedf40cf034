import type { Coding, Meta, Resource } from 'fhir/r4';
import { ELEMENT_TABLE } from './elements-data.ts';
import type { SummaryMode } from './search/types.ts';

/** The tag FHIR requires on a resource that is returned with elements left out. */
export const SUBSETTED_TAG: Coding = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  code: 'SUBSETTED',
  display: 'subsetted',
};

/** Kept in every subset: identity, and the elements a reader must not miss (they change the meaning). */
const ALWAYS = ['resourceType', 'id', 'meta', 'implicitRules', 'modifierExtension'];

interface TypeElements {
  summary: string[];
  mandatory: string[];
}

function elementsOf(resourceType: string): TypeElements | undefined {
  const entry = ELEMENT_TABLE[resourceType];
  if (entry === undefined) return undefined;
  const [summary = '', mandatory = ''] = entry.split('|');
  const words = (s: string) => s.split(' ').filter((w) => w !== '');
  return { summary: words(summary), mandatory: words(mandatory) };
}

/**
 * Whether a JSON key is the element `name` (`_birthDate` goes with `birthDate`). A choice name
 * (`value[x]`) covers its typed keys (`valueQuantity`); so does a bare name when `loose` is set, for
 * client-requested names, where returning a little more than asked is allowed.
 */
function keyIsElement(key: string, name: string, loose: boolean): boolean {
  const k = key.startsWith('_') ? key.slice(1) : key;
  if (k === name) return true;
  const choice = name.endsWith('[x]');
  if (!choice && !loose) return false;
  const stem = choice ? name.slice(0, -3) : name;
  if (!k.startsWith(stem) || k.length === stem.length) return false;
  const next = k.charCodeAt(stem.length);
  return next >= 65 && next <= 90;
}

function subset(resource: Resource, keep: (key: string) => boolean): Resource {
  const source = resource as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (keep(key)) out[key] = source[key];
  }
  const meta: Meta = { ...(resource.meta ?? {}) };
  const tags = meta.tag ?? [];
  if (!tags.some((t) => t.system === SUBSETTED_TAG.system && t.code === SUBSETTED_TAG.code)) {
    meta.tag = [...tags, { ...SUBSETTED_TAG }];
  }
  out.meta = meta;
  return out as unknown as Resource;
}

function matchesAny(key: string, names: readonly string[], loose: readonly string[] = []): boolean {
  return names.some((name) => keyIsElement(key, name, false)) || loose.some((name) => keyIsElement(key, name, true));
}

/**
 * `_elements`: a copy of the resource with only the requested top-level elements (`name.family`
 * keeps all of `name`), plus resourceType, id, meta, implicitRules, modifierExtension and the
 * type's mandatory elements, tagged SUBSETTED. The input is not changed.
 */
export function applyElements(resource: Resource, elements: readonly string[]): Resource {
  const mandatory = elementsOf(resource.resourceType)?.mandatory ?? [];
  const requested = elements.map((e) => e.split('.')[0] ?? e);
  const names = [...ALWAYS, ...mandatory];
  return subset(resource, (key) => matchesAny(key, names, requested));
}

/**
 * `_summary`: `true` keeps the elements marked summary in the base definition; `text` keeps text
 * and the mandatory elements; `data` drops text; `false` and `count` return the resource as is.
 * Subsets are copies tagged SUBSETTED. For a type we have no definition of, `true` drops only text,
 * contained and extensions, so nothing a client depends on disappears unannounced.
 */
export function applySummary(resource: Resource, mode: SummaryMode): Resource {
  if (mode === 'false' || mode === 'count') return resource;
  if (mode === 'data') return subset(resource, (key) => key !== 'text');
  const elements = elementsOf(resource.resourceType);
  if (mode === 'text') {
    const names = [...ALWAYS, 'text', ...(elements?.mandatory ?? [])];
    return subset(resource, (key) => matchesAny(key, names));
  }
  if (!elements) return subset(resource, (key) => !['text', 'contained', 'extension'].includes(key));
  const names = [...ALWAYS, ...elements.summary, ...elements.mandatory];
  return subset(resource, (key) => matchesAny(key, names));
}
