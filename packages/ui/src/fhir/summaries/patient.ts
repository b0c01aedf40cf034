import type { Coverage, Extension, Patient } from 'fhir/r4';
import {
  addressText,
  capitalize,
  conceptText,
  contact,
  detailRows,
  humanName,
  identifierOfType,
  referenceText,
} from '../datatypes.ts';
import { formatDate, formatMoney, formatPeriod, formatQuantity, joinParts } from '../format.ts';
import type { ResourceSummary } from '../types.ts';

const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';

/** The text of a US Core race or ethnicity extension (its "text" sub-extension, else the first category). */
function usCoreCategory(extensions: Extension[] | undefined, name: 'us-core-race' | 'us-core-ethnicity') {
  const ext = extensions?.find((e) => e.url === `${US_CORE}${name}`);
  const text = ext?.extension?.find((e) => e.url === 'text')?.valueString;
  return text ?? ext?.extension?.find((e) => e.url === 'ombCategory')?.valueCoding?.display;
}

/** Patient: name, gender, birth date, member ID and contact details. */
export function summarizePatient(patient: Patient): ResourceSummary {
  const name = humanName(patient.name) ?? `Patient ${patient.id ?? ''}`.trim();
  const memberId = identifierOfType(patient.identifier, 'MB');
  const born = formatDate(patient.birthDate);
  const deceased =
    patient.deceasedDateTime !== undefined
      ? `Deceased ${formatDate(patient.deceasedDateTime) ?? ''}`.trim()
      : patient.deceasedBoolean === true
        ? 'Deceased'
        : undefined;
  return {
    title: name,
    subtitle: joinParts([
      capitalize(patient.gender),
      born && `born ${born}`,
      memberId && `Member ID ${memberId}`,
      deceased,
    ]),
    ...(patient.birthDate !== undefined ? { date: patient.birthDate } : {}),
    rows: detailRows([
      ['Name', name],
      ['Gender', capitalize(patient.gender)],
      ['Birth date', born],
      ['Member ID', memberId],
      ['Phone', contact(patient.telecom, 'phone')],
      ['Email', contact(patient.telecom, 'email')],
      ['Address', addressText(patient.address?.[0])],
      ['Marital status', conceptText(patient.maritalStatus)],
      [
        'Language',
        conceptText(patient.communication?.find((c) => c.preferred)?.language ?? patient.communication?.[0]?.language),
      ],
      ['Race', usCoreCategory(patient.extension, 'us-core-race')],
      ['Ethnicity', usCoreCategory(patient.extension, 'us-core-ethnicity')],
      ['Status', deceased],
    ]),
  };
}

/** Coverage: plan, type, payer, period, member cost shares. */
export function summarizeCoverage(coverage: Coverage): ResourceSummary {
  const planClass = (code: string) => coverage.class?.find((c) => c.type.coding?.some((t) => t.code === code));
  const plan = planClass('plan');
  const group = planClass('group');
  const type = conceptText(coverage.type);
  const payer = referenceText(coverage.payor[0]);
  const planName = plan?.name ?? plan?.value;
  const costs = (coverage.costToBeneficiary ?? []).map((cost) => {
    const amount = formatMoney(cost.valueMoney) ?? formatQuantity(cost.valueQuantity);
    return joinParts([conceptText(cost.type) ?? 'Cost', amount], ': ');
  });
  return {
    title: planName !== undefined && type !== undefined ? `${planName} (${type})` : (planName ?? type ?? 'Coverage'),
    subtitle: joinParts([capitalize(coverage.status), formatPeriod(coverage.period), payer]),
    ...(coverage.period?.start !== undefined ? { date: coverage.period.start } : {}),
    rows: detailRows([
      ['Status', capitalize(coverage.status)],
      ['Type', type],
      ['Payer', payer],
      ['Plan', planName],
      ['Group', group === undefined ? undefined : joinParts([group.name, group.value && `#${group.value}`], ' ')],
      ['Network', coverage.network],
      ['Subscriber ID', coverage.subscriberId],
      ['Relationship', conceptText(coverage.relationship)],
      ['Period', formatPeriod(coverage.period)],
      ['Member costs', costs],
    ]),
  };
}
