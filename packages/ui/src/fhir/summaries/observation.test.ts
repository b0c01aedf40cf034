import type { Observation } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import {
  bloodPressure,
  bodyHeight,
  diagnosticReport,
  hba1c,
  rowValue,
  smokingStatus,
} from '../../testing/fhir-fixtures.ts';
import { observationValue, summarizeDiagnosticReport, summarizeObservation } from './observation.ts';

describe('summarizeObservation', () => {
  it('shows the code display and the value with its unit, the date and category', () => {
    const s = summarizeObservation(bodyHeight);
    expect(s.title).toBe('Body height: 154.8 cm');
    expect(s.subtitle).toBe('Nov 23, 2021, 12:30 PM · Vital Signs · final');
    expect(s.date).toBe('2021-11-23T12:30:00-05:00');
    expect(rowValue(s, 'Code')).toEqual(['Body height (LOINC 8302-2)']);
  });

  it('adds the interpretation and reference range of a lab result', () => {
    const s = summarizeObservation(hba1c);
    expect(s.title).toBe('Hemoglobin A1c/Hemoglobin.total in Blood: 7.6% (High)');
    expect(rowValue(s, 'Interpretation')).toBe('High');
    expect(rowValue(s, 'Reference range')).toEqual(['4–5.6%']);
  });

  it('reads a blood pressure panel as systolic/diastolic', () => {
    const s = summarizeObservation(bloodPressure);
    expect(s.title).toBe('Blood pressure panel with all children optional: 132/97 mmHg');
    expect(rowValue(s, 'Components')).toEqual([
      'Systolic blood pressure: 132 mmHg',
      'Diastolic blood pressure: 97 mmHg',
    ]);
  });

  it('shows a coded value by its display', () => {
    expect(summarizeObservation(smokingStatus).title).toBe('Tobacco smoking status: Never smoked tobacco');
  });

  it('lists other components by name and value', () => {
    const panel: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'Pulse oximetry' },
      component: [
        { code: { text: 'SpO2' }, valueQuantity: { value: 97, unit: '%' } },
        { code: { text: 'Flow' }, valueQuantity: { value: 2, unit: 'L/min' } },
      ],
    };
    expect(summarizeObservation(panel).title).toBe('Pulse oximetry: SpO2 97%, Flow 2 L/min');
  });
});

describe('observationValue', () => {
  it('reads every value type people meet', () => {
    expect(observationValue({ valueString: 'positive' })).toBe('positive');
    expect(observationValue({ valueBoolean: false })).toBe('No');
    expect(observationValue({ valueInteger: 3 })).toBe('3');
    expect(observationValue({ valueRange: { low: { value: 1, unit: 'g' }, high: { value: 2, unit: 'g' } } })).toBe(
      '1–2 g',
    );
    expect(observationValue({ valueDateTime: '2022-02-02' })).toBe('Feb 2, 2022');
    expect(observationValue({ dataAbsentReason: { text: 'Patient refused' } })).toBe('no value (patient refused)');
    expect(observationValue({})).toBeUndefined();
  });
});

describe('summarizeDiagnosticReport', () => {
  it('shows the report name, date, category, status and number of results', () => {
    const s = summarizeDiagnosticReport(diagnosticReport);
    expect(s.title).toBe('Hemoglobin A1c/Hemoglobin.total in Blood');
    expect(s.subtitle).toBe('Nov 23, 2021, 12:30 PM · Laboratory · final · 1 result');
    expect(rowValue(s, 'Results')).toEqual(['Observation/p-ec60dc41-obs-5']);
    expect(rowValue(s, 'Performer')).toEqual(['Columbus Primary Care Associates']);
  });
});
