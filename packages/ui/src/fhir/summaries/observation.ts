import type { DiagnosticReport, Observation, ObservationComponent } from 'fhir/r4';
import { capitalize, conceptCodes, conceptText, conceptsText, detailRows, referenceText } from '../datatypes.ts';
import { formatDate, formatPeriod, formatQuantity, formatRange, formatRatio, joinParts, plural } from '../format.ts';
import type { ResourceSummary } from '../types.ts';

type Valued = Pick<
  Observation,
  | 'valueQuantity'
  | 'valueCodeableConcept'
  | 'valueString'
  | 'valueBoolean'
  | 'valueInteger'
  | 'valueRange'
  | 'valueRatio'
  | 'valuePeriod'
  | 'valueDateTime'
  | 'valueTime'
  | 'dataAbsentReason'
>;

/** The value of an observation or component for people, whatever its type. */
export function observationValue(o: Valued): string | undefined {
  if (o.valueQuantity !== undefined) return formatQuantity(o.valueQuantity);
  if (o.valueCodeableConcept !== undefined) return conceptText(o.valueCodeableConcept);
  if (o.valueString !== undefined) return o.valueString;
  if (o.valueBoolean !== undefined) return o.valueBoolean ? 'Yes' : 'No';
  if (o.valueInteger !== undefined) return String(o.valueInteger);
  if (o.valueRange !== undefined) return formatRange(o.valueRange);
  if (o.valueRatio !== undefined) return formatRatio(o.valueRatio);
  if (o.valuePeriod !== undefined) return formatPeriod(o.valuePeriod);
  if (o.valueDateTime !== undefined) return formatDate(o.valueDateTime);
  if (o.valueTime !== undefined) return o.valueTime;
  const absent = conceptText(o.dataAbsentReason);
  return absent === undefined ? undefined : `no value (${absent.toLowerCase()})`;
}

const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';

function componentWithCode(components: ObservationComponent[], code: string) {
  return components.find((c) => c.code.coding?.some((k) => k.code === code));
}

/** Component values on one line; blood pressure reads the usual way ("132/97 mmHg"). */
function componentsValue(components: ObservationComponent[]): string | undefined {
  const systolic = componentWithCode(components, SYSTOLIC)?.valueQuantity;
  const diastolic = componentWithCode(components, DIASTOLIC)?.valueQuantity;
  if (systolic?.value !== undefined && diastolic?.value !== undefined) {
    return `${systolic.value}/${diastolic.value} ${systolic.unit ?? systolic.code ?? ''}`.trim();
  }
  const parts = components.map((c) => joinParts([conceptText(c.code), observationValue(c)], ' '));
  return parts.length === 0 ? undefined : parts.join(', ');
}

/** Observation: what was measured, the value with its unit, when, and how it compares to normal. */
export function summarizeObservation(observation: Observation): ResourceSummary {
  const name = conceptText(observation.code) ?? 'Observation';
  const value = observationValue(observation) ?? componentsValue(observation.component ?? []);
  const interpretation = conceptsText(observation.interpretation);
  const when = formatDate(observation.effectiveDateTime) ?? formatPeriod(observation.effectivePeriod);
  const date = observation.effectiveDateTime ?? observation.effectivePeriod?.start ?? observation.issued;
  const ranges = (observation.referenceRange ?? [])
    .map((r) => r.text ?? formatRange({ ...(r.low ? { low: r.low } : {}), ...(r.high ? { high: r.high } : {}) }))
    .filter((r): r is string => r !== undefined);
  return {
    title: joinParts([value === undefined ? name : `${name}: ${value}`, interpretation && `(${interpretation})`], ' '),
    subtitle: joinParts([when, conceptsText(observation.category), observation.status]),
    ...(date !== undefined ? { date } : {}),
    rows: detailRows([
      ['Code', conceptCodes(observation.code)],
      ['Value', observationValue(observation)],
      [
        'Components',
        (observation.component ?? []).map((c) => joinParts([conceptText(c.code), observationValue(c)], ': ')),
      ],
      ['Interpretation', interpretation],
      ['Reference range', ranges],
      ['Date', when],
      ['Issued', formatDate(observation.issued)],
      ['Category', conceptsText(observation.category)],
      ['Status', capitalize(observation.status)],
      ['Performer', (observation.performer ?? []).map(referenceText).filter((p): p is string => p !== undefined)],
      ['Note', observation.note?.map((n) => n.text)],
    ]),
  };
}

/** DiagnosticReport: the report, its category, date, results and conclusion. */
export function summarizeDiagnosticReport(report: DiagnosticReport): ResourceSummary {
  const when = formatDate(report.effectiveDateTime) ?? formatPeriod(report.effectivePeriod);
  const results = report.result ?? [];
  const date = report.effectiveDateTime ?? report.effectivePeriod?.start ?? report.issued;
  return {
    title: conceptText(report.code) ?? 'Diagnostic report',
    subtitle: joinParts([
      when,
      conceptsText(report.category),
      report.status,
      results.length > 0 && plural(results.length, 'result'),
    ]),
    ...(date !== undefined ? { date } : {}),
    rows: detailRows([
      ['Code', conceptCodes(report.code)],
      ['Category', conceptsText(report.category)],
      ['Status', capitalize(report.status)],
      ['Effective', when],
      ['Issued', formatDate(report.issued)],
      ['Performer', (report.performer ?? []).map(referenceText).filter((p): p is string => p !== undefined)],
      ['Results', results.map(referenceText).filter((r): r is string => r !== undefined)],
      ['Conclusion', report.conclusion ?? conceptsText(report.conclusionCode)],
    ]),
  };
}
