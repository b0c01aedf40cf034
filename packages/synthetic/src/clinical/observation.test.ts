import { describe, expect, it } from 'vitest';
import type { DiagnosticReport, Encounter, Observation } from 'fhir/r4';
import type { ObservationEntry } from '../model.ts';
import { renderClinical } from './index.ts';
import { groupLabs } from './diagnostic-report.ts';
import { observationProfile } from './observation-profile.ts';
import { PROFILE } from './profiles.ts';
import { CTX, ofType } from '../testing/clinical-helpers.ts';
import { diabeticTimeline, hba1c } from '../testing/clinical-timeline.ts';

const resources = renderClinical(diabeticTimeline(), CTX);
const observations = ofType<Observation>(resources, 'Observation');
const byCode = (code: string): Observation[] => observations.filter((o) => o.code.coding?.some((c) => c.code === code));

const entry = (code: string, category: ObservationEntry['category']): ObservationEntry => ({
  key: code,
  code: { system: 'http://loinc.org', code, display: code },
  category,
  value: { kind: 'quantity', value: 1, unit: '%', code: '%' },
});

describe('clinical observations', () => {
  it("records a diabetic's HbA1c as LOINC 4548-4 in % with its range, interpretation and encounter", () => {
    const a1c = byCode('4548-4');
    expect(a1c.map((o) => o.valueQuantity?.value)).toEqual([8.1, 7.2, 6.8]);
    const encounters = new Set(ofType<Encounter>(resources, 'Encounter').map((e) => `Encounter/${e.id}`));
    for (const o of a1c) {
      expect(o.meta?.profile).toEqual([PROFILE.lab]);
      expect(o.code.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '4548-4' });
      expect(o.valueQuantity).toMatchObject({ unit: '%', system: 'http://unitsofmeasure.org', code: '%' });
      expect(o.referenceRange?.[0]).toMatchObject({ low: { value: 4, code: '%' }, high: { value: 5.6, code: '%' } });
      expect(o.interpretation?.[0]?.coding?.[0]?.code).toBe('H');
      expect(o.category?.[0]?.coding?.[0]).toEqual({
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'laboratory',
        display: 'Laboratory',
      });
      expect(encounters.has(o.encounter?.reference ?? '')).toBe(true);
      expect(o.status).toBe('final');
      expect(o.effectiveDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('claims the specific vital-sign profile of each vital sign', () => {
    const profileOf = (code: string): string[] => byCode(code).map((o) => o.meta?.profile?.[0] ?? '');
    expect(new Set(profileOf('85354-9'))).toEqual(new Set([PROFILE.bloodPressure]));
    expect(profileOf('29463-7')[0]).toBe(PROFILE.bodyWeight);
    expect(profileOf('8302-2')[0]).toBe(PROFILE.bodyHeight);
    expect(profileOf('39156-5')[0]).toBe(PROFILE.bmi);
    expect(profileOf('8867-4')[0]).toBe(PROFILE.heartRate);
    expect(profileOf('9279-1')[0]).toBe(PROFILE.respiratoryRate);
    expect(profileOf('8310-5')[0]).toBe(PROFILE.bodyTemperature);
    expect(profileOf('59408-5')[0]).toBe(PROFILE.pulseOximetry);
  });

  it('gives blood pressure systolic and diastolic components in mm[Hg] and no top-level value', () => {
    const [first] = byCode('85354-9');
    expect(first?.valueQuantity).toBeUndefined();
    expect(
      first?.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value, c.valueQuantity?.code]),
    ).toEqual([
      ['8480-6', 142, 'mm[Hg]'],
      ['8462-4', 88, 'mm[Hg]'],
    ]);
  });

  it('codes pulse oximetry with both 59408-5 and 2708-6, as the profile requires', () => {
    expect(byCode('59408-5')[0]?.code.coding?.map((c) => c.code)).toEqual(['59408-5', '2708-6']);
  });

  it('renders smoking status as us-core-smokingstatus with a SNOMED CT answer', () => {
    const [smoking] = byCode('72166-2');
    expect(smoking?.meta?.profile).toEqual([PROFILE.smoking]);
    expect(smoking?.category?.[0]?.coding?.[0]?.code).toBe('social-history');
    expect(smoking?.valueCodeableConcept?.coding?.[0]).toMatchObject({ code: '266919005' });
  });

  it('picks profiles by category: labs, screening surveys, exams and other social history', () => {
    expect(observationProfile(entry('2345-7', 'laboratory'))).toBe(PROFILE.lab);
    expect(observationProfile(entry('44261-6', 'survey'))).toBe(PROFILE.screening);
    expect(observationProfile(entry('8693-4', 'exam'))).toBe(PROFILE.clinicalResult);
    expect(observationProfile(entry('82810-3', 'social-history'))).toBe(PROFILE.pregnancyStatus);
    expect(observationProfile(entry('11341-5', 'social-history'))).toBe(PROFILE.simple);
    expect(observationProfile(entry('77606-2', 'vital-signs'))).toBe(PROFILE.weightForHeight);
    expect(observationProfile(entry('59576-9', 'vital-signs'))).toBe(PROFILE.bmiForAge);
    expect(observationProfile(entry('8289-1', 'vital-signs'))).toBe(PROFILE.headCircumferencePercentile);
    expect(observationProfile(entry('9843-4', 'vital-signs'))).toBe(PROFILE.headCircumference);
    expect(observationProfile(entry('3141-9', 'vital-signs'))).toBe(PROFILE.vitalSigns);
  });
});

describe('lab reports', () => {
  const reports = ofType<DiagnosticReport>(resources, 'DiagnosticReport');
  const labReports = reports.filter((r) => r.meta?.profile?.[0] === PROFILE.labReport);

  it('groups the analytes of one panel into one report and reports a stand-alone test alone', () => {
    const groups = groupLabs([
      hba1c(7),
      entry('2093-3', 'laboratory'),
      entry('2085-9', 'laboratory'),
      entry('2345-7', 'laboratory'),
      entry('1742-6', 'laboratory'),
      entry('29463-7', 'vital-signs'),
    ]);
    expect(groups.map((g) => [g.code.code, g.members])).toEqual([
      ['4548-4', [0]],
      ['24331-1', [1, 2]],
      // glucose belongs to the comprehensive panel when an analyte only it has (ALT) was run
      ['24323-8', [3, 4]],
    ]);
  });

  it('reports a lone glucose as its own test unless the claim billed a metabolic panel', () => {
    const glucose = [hba1c(7), entry('2345-7', 'laboratory')];
    expect(groupLabs(glucose).map((g) => g.code.code)).toEqual(['4548-4', '2345-7']);
    expect(groupLabs(glucose, ['83036', '80053']).map((g) => g.code.code)).toEqual(['4548-4', '24323-8']);
    expect(groupLabs(glucose, ['80048']).map((g) => g.code.code)).toEqual(['4548-4', '24321-2']);
  });

  it('gives each lab report category LAB, an issued time, a performer and results that are lab observations of its encounter', () => {
    const byRef = new Map(observations.map((o) => [`Observation/${o.id}`, o]));
    expect(labReports).toHaveLength(5);
    for (const report of labReports) {
      expect(report.category?.[0]?.coding?.[0]).toMatchObject({ code: 'LAB' });
      expect(report.issued).toBeDefined();
      expect(report.performer?.length).toBeGreaterThan(0);
      expect(report.result?.length).toBeGreaterThan(0);
      for (const ref of report.result ?? []) {
        const result = byRef.get(ref.reference ?? '');
        expect(result?.meta?.profile).toEqual([PROFILE.lab]);
        expect(result?.encounter).toEqual(report.encounter);
      }
    }
  });

  it('writes a radiology read report for the chest X-ray of the emergency visit', () => {
    const notes = reports.filter((r) => r.meta?.profile?.[0] === PROFILE.noteReport);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.category?.[0]?.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: 'LP29684-5' });
    const text = Buffer.from(notes[0]?.presentedForm?.[0]?.data ?? '', 'base64').toString('utf8');
    expect(text).toContain('PLAIN CHEST X-RAY');
    expect(text).toContain('Indication: Pneumonia.');
  });
});
