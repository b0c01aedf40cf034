import { describe, expect, it } from 'vitest';
import {
  addressText,
  codingLabel,
  conceptCodes,
  conceptText,
  detailRows,
  humanName,
  identifierOfType,
  referenceText,
} from './datatypes.ts';
import { condition, coverage, patient } from '../testing/fhir-fixtures.ts';

describe('codes with their displays', () => {
  it('labels a coding with its display, its system name and its code', () => {
    expect(codingLabel({ system: 'http://loinc.org', code: '8302-2', display: 'Body height' })).toBe(
      'Body height (LOINC 8302-2)',
    );
    expect(codingLabel({ system: 'https://example.org/local', code: 'X1', display: 'Local thing' })).toBe(
      'Local thing (X1)',
    );
    expect(codingLabel({ system: 'http://snomed.info/sct', code: '55822004' })).toBe('SNOMED CT 55822004');
  });

  it('lists every coding of a concept (SNOMED and ICD-10-CM for a condition)', () => {
    expect(conceptCodes(condition.code)).toEqual([
      'Hyperlipidemia (SNOMED CT 55822004)',
      'Hyperlipidemia, unspecified (ICD-10-CM E78.5)',
    ]);
    expect(conceptCodes({ text: 'free text only' })).toEqual(['free text only']);
    expect(conceptCodes(undefined)).toBeUndefined();
  });

  it('prefers a concept text, then a coding display, then a bare code', () => {
    expect(conceptText(condition.code)).toBe('Hyperlipidemia');
    expect(conceptText({ coding: [{ code: 'X' }, { code: 'Y', display: 'Why' }] })).toBe('Why');
    expect(conceptText({ coding: [{ code: 'X' }] })).toBe('X');
    expect(conceptText(undefined)).toBeUndefined();
  });
});

describe('names, addresses, references and identifiers', () => {
  it('writes the official name given names first', () => {
    expect(humanName(patient.name)).toBe('Lavonne Grace Bahringer');
    expect(
      humanName([
        { use: 'nickname', given: ['Vonnie'] },
        { use: 'official', family: 'B', given: ['L'] },
      ]),
    ).toBe('L B');
    expect(humanName([{ text: 'Dr. Who' }])).toBe('Dr. Who');
    expect(humanName([])).toBeUndefined();
  });

  it('writes an address on one line', () => {
    expect(addressText(patient.address?.[0])).toBe('992 Marlee Plain, Lansing, MI 48910');
  });

  it('shows a reference by its display, else by its target', () => {
    expect(referenceText(coverage.payor[0])).toBe('Redbud Health Plan');
    expect(referenceText({ reference: 'Practitioner/prac-69' })).toBe('Practitioner/prac-69');
    expect(referenceText(undefined)).toBeUndefined();
  });

  it('finds the member number among identifiers by its type code', () => {
    expect(identifierOfType(patient.identifier, 'MB')).toBe('M278763490');
    expect(identifierOfType(patient.identifier, 'MR')).toBeUndefined();
  });
});

describe('detailRows', () => {
  it('leaves out missing and empty facts and keeps the order', () => {
    expect(
      detailRows([
        ['A', 'one'],
        ['B', undefined],
        ['C', ''],
        ['D', []],
        ['E', ['x', 'y']],
      ]),
    ).toEqual([
      { label: 'A', value: 'one' },
      { label: 'E', value: ['x', 'y'] },
    ]);
  });
});
