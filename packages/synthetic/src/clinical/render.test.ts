import { describe, expect, it } from 'vitest';
import type { Encounter, Resource } from 'fhir/r4';
import { PATIENT_ACCESS_PROFILES } from '@plan-api/fhir';
import { createValidator } from '../validate.ts';
import { renderClinical } from './index.ts';
import { CTX, ofType, referencesIn } from '../testing/clinical-helpers.ts';
import { DIRECTORY_REFS, diabeticTimeline } from '../testing/clinical-timeline.ts';

const render = (): Resource[] => renderClinical(diabeticTimeline(), CTX);

/** Paths of empty arrays, objects and strings, and of undefined members (none is valid FHIR JSON). */
function emptyPaths(value: unknown, path = ''): string[] {
  if (value === undefined || value === '') return [path];
  if (Array.isArray(value)) {
    return value.length === 0 ? [path] : value.flatMap((v, i) => emptyPaths(v, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0 ? [path] : entries.flatMap(([k, v]) => emptyPaths(v, path ? `${path}.${k}` : k));
  }
  return [];
}

describe('renderClinical', () => {
  it('renders one Encounter per non-pharmacy event and none for pharmacy fills', () => {
    const timeline = diabeticTimeline();
    const encounters = ofType<Encounter>(renderClinical(timeline, CTX), 'Encounter');
    const visits = timeline.events.filter((e) => e.kind !== 'pharmacy');
    expect(encounters).toHaveLength(visits.length);
    expect(encounters.map((e) => e.period?.start)).toEqual(visits.map((v) => v.start));
  });

  it('renders the expected number of resources of each type for the diabetic fixture', () => {
    const counts: Record<string, number> = {};
    for (const r of render()) counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
    expect(counts).toEqual({
      Encounter: 5,
      // 2 problems + 8 visit diagnoses
      Condition: 10,
      Observation: 22,
      // HbA1c and a basic metabolic panel, HbA1c and a lipid panel, HbA1c, and the chest X-ray read
      DiagnosticReport: 6,
      // 3 written at visits, 1 implied by a lisinopril fill, 2 metformin renewals after the first expired
      MedicationRequest: 6,
      MedicationDispense: 7,
      AllergyIntolerance: 1,
      Immunization: 3,
      Procedure: 1,
      DocumentReference: 4,
      CareTeam: 1,
      CarePlan: 1,
      Goal: 2,
      // one per event (10) and one for the record as a whole
      Provenance: 11,
      // Medication resources depend on which drugs are coded by reference (medication.test.ts)
      Medication: counts.Medication,
    });
  });

  it('gives every resource a unique member id of the form patientId-abbrev-n', () => {
    const resources = render();
    const keys = resources.map((r) => `${r.resourceType}/${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of resources) expect(r.id).toMatch(/^p-0badf00d-[a-z]+-\d+$/);
  });

  it('claims in meta.profile a profile the server advertises for the type, and sets meta.lastUpdated', () => {
    for (const r of render()) {
      expect(r.meta?.profile, `${r.resourceType}/${r.id}`).toHaveLength(1);
      expect(PATIENT_ACCESS_PROFILES[r.resourceType]).toContain(r.meta?.profile?.[0]);
      expect(r.meta?.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
      expect((r.meta?.lastUpdated ?? '').slice(0, 10) <= CTX.asOf).toBe(true);
    }
  });

  it('makes every reference resolve to a rendered resource, the Patient or a directory resource of the timeline', () => {
    const resources = render();
    const universe = new Set([
      ...resources.map((r) => `${r.resourceType}/${r.id}`),
      `Patient/${CTX.patientId}`,
      ...DIRECTORY_REFS,
    ]);
    const dangling = resources.flatMap((r) => referencesIn(r).filter((ref) => !universe.has(ref)));
    expect(dangling).toEqual([]);
  });

  it('leaves no empty array, object, string or undefined member anywhere', () => {
    const resources = JSON.parse(JSON.stringify(render())) as Resource[];
    const own = render();
    expect(own.flatMap((r) => emptyPaths(r).map((p) => `${r.resourceType}/${r.id}: ${p}`))).toEqual([]);
    expect(resources).toEqual(own);
  });

  it('gives byte-identical output for the same timeline and context', () => {
    expect(JSON.stringify(render())).toBe(JSON.stringify(render()));
  });

  it('numbers each kind on its own, so dropping every observation leaves other ids unchanged', () => {
    const idsOf = (resources: Resource[], type: string): string[] =>
      resources.filter((r) => r.resourceType === type).map((r) => r.id ?? '');
    const full = render();
    const timeline = diabeticTimeline();
    for (const event of timeline.events) event.observations = [];
    const bare = renderClinical(timeline, CTX);
    expect(idsOf(bare, 'Observation')).toEqual([]);
    for (const type of ['Encounter', 'Condition', 'MedicationRequest', 'Immunization', 'DocumentReference']) {
      expect(idsOf(bare, type)).toEqual(idsOf(full, type));
    }
  });

  it('puts every id under the Patient id it is given', () => {
    const other = renderClinical(diabeticTimeline(), { ...CTX, patientId: 'p-12345678' });
    expect(other.every((r) => r.id?.startsWith('p-12345678-'))).toBe(true);
    expect(other.filter((r) => JSON.stringify(r).includes('p-0badf00d'))).toEqual([]);
  });

  it('renders a member in well under 50 ms', () => {
    const timeline = diabeticTimeline();
    renderClinical(timeline, CTX);
    const runs = 20;
    const start = performance.now();
    for (let i = 0; i < runs; i++) renderClinical(timeline, CTX);
    expect((performance.now() - start) / runs).toBeLessThan(50);
  });

  it('passes the project FHIR validator (R4 structure, bindings and the US Core rules checked there)', () => {
    const validator = createValidator();
    const problems = render().flatMap((r) =>
      validator.validate(r).map((i) => `${r.resourceType}/${r.id} ${i.path}: ${i.message}`),
    );
    expect(problems).toEqual([]);
  });
});
