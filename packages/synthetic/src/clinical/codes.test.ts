import { describe, expect, it } from 'vitest';
import type { Coded } from '../model.ts';
import { testTerminology } from '../testing/terminology.ts';
import { CARE_TEAM_ROLE, LAB_PANELS, NOTE_TYPES, NO_KNOWN_ALLERGY, ORAL_ROUTE, REPORT_KINDS } from './codes.ts';

const FIXED: Coded[] = [
  ...Object.values(NOTE_TYPES),
  ...Object.values(LAB_PANELS).map((p) => p.panel),
  ...Object.values(REPORT_KINDS).flatMap((k) => [k.category, k.code]),
  ...Object.values(CARE_TEAM_ROLE),
  NO_KNOWN_ALLERGY,
  ORAL_ROUTE,
];

describe('fixed clinical codes', () => {
  it('carry the same display as resources/terminology wherever the code lists have them', () => {
    const terms = testTerminology();
    const differing = FIXED.filter((c) => terms.has(c.system, c.code))
      .map((c) => ({ code: c.code, ours: c.display, theirs: terms.code(c.system, c.code).display }))
      .filter((d) => d.ours.toLowerCase() !== d.theirs.toLowerCase());
    expect(differing).toEqual([]);
  });

  it('use the panels of resources/terminology for CMP, lipids and CBC', () => {
    const terms = testTerminology();
    for (const key of ['cmp', 'lipid', 'cbc'] as const) {
      expect(terms.has(LAB_PANELS[key].panel.system, LAB_PANELS[key].panel.code)).toBe(true);
    }
  });
});
