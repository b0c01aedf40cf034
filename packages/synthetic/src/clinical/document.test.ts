import { describe, expect, it } from 'vitest';
import type { DocumentReference, Encounter } from 'fhir/r4';
import { renderClinical } from './index.ts';
import { ageText, describeObservation, noteText } from './note.ts';
import { PROFILE } from './profiles.ts';
import { CTX, ofType } from '../testing/clinical-helpers.ts';
import { diabeticTimeline, hba1c } from '../testing/clinical-timeline.ts';

const timeline = diabeticTimeline();
const resources = renderClinical(timeline, CTX);
const documents = ofType<DocumentReference>(resources, 'DocumentReference');
const decode = (d: DocumentReference | undefined): string =>
  Buffer.from(d?.content[0]?.attachment.data ?? '', 'base64').toString('utf8');

describe('clinical notes', () => {
  it('writes one DocumentReference per event with a note, with the US Core elements', () => {
    expect(documents).toHaveLength(timeline.events.filter((e) => e.note !== undefined).length);
    const encounters = new Set(ofType<Encounter>(resources, 'Encounter').map((e) => `Encounter/${e.id}`));
    for (const d of documents) {
      expect(d.meta?.profile).toEqual([PROFILE.document]);
      expect(d.status).toBe('current');
      expect(d.category?.[0]?.coding?.[0]).toMatchObject({ code: 'clinical-note' });
      expect(d.type?.coding?.[0]?.system).toBe('http://loinc.org');
      expect(d.author?.[0]?.reference).toMatch(/^Practitioner\//);
      expect(d.custodian?.reference).toMatch(/^Organization\//);
      expect(d.content[0]?.attachment.contentType).toBe('text/plain');
      expect(d.content[0]?.format?.code).toBe('urn:ihe:iti:xds:2017:mimeTypeSufficient');
      expect(encounters.has(d.context?.encounter?.[0]?.reference ?? '')).toBe(true);
      expect(d.context?.period?.start).toBeDefined();
    }
  });

  it('types each note by the visit: progress note, emergency department note, history and physical', () => {
    expect(documents.map((d) => d.type?.coding?.[0]?.code)).toEqual(['11506-3', '11506-3', '34111-5', '34117-2']);
  });

  it('decodes to a readable note telling the reason, vitals, results, assessment and plan of the visit', () => {
    const text = decode(documents[0]);
    expect(text).toContain('PROGRESS NOTE');
    expect(text).toContain('Patient: Linda Marie Hollis');
    expect(text).toContain('53-year-old woman seen for an office visit: Diabetes mellitus type 2.');
    expect(text).toContain('Blood pressure: 142/88 mmHg');
    expect(text).toContain('Hemoglobin A1c: 8.1 % (high; reference 4-5.6)');
    expect(text).toContain('1. Diabetes mellitus type 2 (ICD-10-CM E11.9');
    expect(text).toContain(
      'metFORMIN hydrochloride 500 MG Oral Tablet: Take 1 tablet by mouth twice daily with meals.',
    );
    expect(text).toContain('11 refills');
    expect(text).toContain('Return in three months');
    expect(text).toContain('New diagnosis of type 2 diabetes');
    expect(text).not.toMatch(/undefined|\[object/);
  });

  it('leaves the E/M visit code out of the procedures and keeps a check-up reason out of the diagnosis line', () => {
    const first = noteText(timeline, timeline.events[0]!);
    expect(first).not.toContain('PROCEDURES');
    const wellness = decode(documents[3]);
    expect(wellness).toContain('seen for an annual wellness visit: Diabetes mellitus type 2.');
    expect(wellness).toContain('Vaccine given: COVID-19');
  });

  it("gives a newborn's age in days and a toddler's in months", () => {
    expect(ageText('2026-05-04', '2026-05-07', 'male')).toBe('3-day-old boy');
    expect(ageText('2025-01-15', '2026-01-14', 'female')).toBe('11-month-old girl');
    expect(ageText('2024-03-01', '2026-03-01', 'female')).toBe('2-year-old girl');
    expect(ageText('1968-04-12', '2022-02-10', 'female')).toBe('53-year-old woman');
  });

  it('describes values in a clinician\u2019s words, with flags and ranges', () => {
    expect(describeObservation(hba1c(5.2))).toBe('Hemoglobin A1c: 5.2 % (reference 4-5.6)');
    expect(describeObservation({ ...hba1c(3.2), interpretation: 'L' })).toBe(
      'Hemoglobin A1c: 3.2 % (low; reference 4-5.6)',
    );
  });
});
