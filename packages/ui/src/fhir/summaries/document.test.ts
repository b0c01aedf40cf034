import type { DocumentReference } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { progressNote, rowValue } from '../../testing/fhir-fixtures.ts';
import { decodeBase64Text, notePreview, summarizeDocumentReference } from './document.ts';

/** Base64 of UTF-8 text, as FHIR attachments carry it. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

describe('summarizeDocumentReference', () => {
  it('shows the note type, date, author and status', () => {
    const s = summarizeDocumentReference(progressNote);
    expect(s.title).toBe('Progress note');
    expect(s.subtitle).toBe('Sep 17, 2021, 11:45 AM · Steve V. Hansen, MD · final');
    expect(rowValue(s, 'Type')).toEqual(['Progress note (LOINC 11506-3)']);
  });

  it('decodes the base64 note text and previews its start on one line', () => {
    const s = summarizeDocumentReference(progressNote);
    expect(s.note?.startsWith('PROGRESS NOTE\n\nPatient: Lavonne Grace Bahringer')).toBe(true);
    expect(s.note).toContain('Electronically signed by Steve V. Hansen, MD');
    const preview = rowValue(s, 'Note');
    expect(typeof preview).toBe('string');
    expect(preview).toMatch(/^PROGRESS NOTE Patient: Lavonne Grace Bahringer Date of birth: 1964-03-11/);
    expect(preview).toMatch(/…$/);
    expect((preview as string).length).toBeLessThanOrEqual(241);
  });

  it('describes an attachment it cannot show as text instead of decoding it', () => {
    const pdf: DocumentReference = {
      ...progressNote,
      content: [
        { attachment: { contentType: 'application/pdf', data: base64('%PDF-1.7'), title: 'Discharge summary' } },
      ],
    };
    const s = summarizeDocumentReference(pdf);
    expect(s.note).toBeUndefined();
    expect(rowValue(s, 'Note')).toBeUndefined();
    expect(rowValue(s, 'Attachments')).toEqual(['Discharge summary, application/pdf, 8 bytes']);
  });
});

describe('decodeBase64Text and notePreview', () => {
  it('decodes UTF-8 text, accents included, and rejects what is not base64', () => {
    expect(decodeBase64Text(base64('Café – 5 µg'))).toBe('Café – 5 µg');
    expect(decodeBase64Text('not base64!')).toBeUndefined();
  });

  it('keeps a short note whole and flattens its whitespace', () => {
    expect(notePreview('A\n\n  short   note ')).toBe('A short note');
    expect(notePreview('one two three', 7)).toBe('one two…');
  });
});
