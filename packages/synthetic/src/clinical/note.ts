/**
 * The clinical note of a visit in plain words: who was seen and why, the vital signs and results, the
 * assessment and the plan. It is made from the same timeline entries as the coded resources, so what the note
 * says and what the data says agree.
 */
import type { CareEvent, Coded, EventKind, MemberTimeline, ObservationEntry } from '../model.ts';
import { dayOf } from './context.ts';
import { NOTE_TYPES } from './codes.ts';
import { repeatsAllowed } from './prescriptions.ts';

/** The LOINC document type of the note written at a kind of visit. */
export function noteType(kind: EventKind): Coded {
  switch (kind) {
    case 'wellness':
      return NOTE_TYPES.historyPhysical;
    case 'emergency':
      return NOTE_TYPES.emergency;
    case 'inpatient':
    case 'delivery':
      return NOTE_TYPES.discharge;
    case 'outpatient-surgery':
      return NOTE_TYPES.procedure;
    default:
      return NOTE_TYPES.progress;
  }
}

const FOLLOW_UP: Record<EventKind, string> = {
  wellness: 'Return for the next annual wellness visit in one year.',
  office: 'Return if symptoms worsen or do not improve.',
  lab: 'Results will be reviewed with the patient at the next visit.',
  emergency: 'Discharged home in stable condition. Follow up with primary care within one week.',
  inpatient: 'Discharged home in stable condition. Follow up with primary care within 7 days of discharge.',
  'outpatient-surgery': 'Post-operative check in two weeks; call sooner for fever, bleeding or increasing pain.',
  prenatal: 'Next prenatal visit as scheduled; call for bleeding, leaking fluid or decreased fetal movement.',
  delivery: 'Discharged home. Postpartum visit in six weeks.',
  pharmacy: '',
  dental: 'Recall visit in six months.',
  immunization: 'Next doses as scheduled on the immunization calendar.',
};

const VISIT: Record<EventKind, string> = {
  wellness: 'an annual wellness visit',
  office: 'an office visit',
  lab: 'laboratory testing',
  emergency: 'evaluation in the emergency department',
  inpatient: 'an inpatient admission',
  'outpatient-surgery': 'an outpatient procedure',
  prenatal: 'a prenatal visit',
  delivery: 'labor and delivery',
  pharmacy: 'a pharmacy visit',
  dental: 'a dental visit',
  immunization: 'immunizations',
};

/** The closing line of the plan: chronic conditions bring a patient back sooner; young children follow a schedule. */
function followUp(kind: EventKind, chronic: boolean, age: number): string {
  if (kind === 'office' && chronic) return 'Return in three months to follow up on chronic conditions.';
  if (kind === 'wellness' && age < 3) return 'Next well-child visit as scheduled.';
  return FOLLOW_UP[kind];
}

/** Whole years between a birth date and a day. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}

/** Age as a clinician writes it: days for a newborn, months under two, then years ("58-year-old woman"). */
export function ageText(birthDate: string, day: string, sex: 'male' | 'female'): string {
  const years = ageOn(birthDate, day);
  const noun = years < 18 ? (sex === 'female' ? 'girl' : 'boy') : sex === 'female' ? 'woman' : 'man';
  if (years >= 2) return `${years}-year-old ${noun}`;
  const part = (date: string, from: number, to: number): number => Number(date.slice(from, to));
  const months =
    (part(day, 0, 4) - part(birthDate, 0, 4)) * 12 +
    (part(day, 5, 7) - part(birthDate, 5, 7)) -
    (part(day, 8, 10) < part(birthDate, 8, 10) ? 1 : 0);
  if (months >= 1) return `${months}-month-old ${noun}`;
  const days = Math.round((Date.parse(day) - Date.parse(birthDate)) / 86_400_000);
  return `${days}-day-old ${noun}`;
}

/** Names a clinician would write for common observations (the LOINC names are precise but long). */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  '85354-9': 'Blood pressure',
  '29463-7': 'Weight',
  '8302-2': 'Height',
  '39156-5': 'BMI',
  '8867-4': 'Heart rate',
  '9279-1': 'Respiratory rate',
  '8310-5': 'Temperature',
  '59408-5': 'SpO2 (pulse oximetry)',
  '2708-6': 'Oxygen saturation',
  '59576-9': 'BMI percentile for age',
  '77606-2': 'Weight-for-length percentile',
  '9843-4': 'Head circumference',
  '8289-1': 'Head circumference percentile',
  '4548-4': 'Hemoglobin A1c',
  '72166-2': 'Smoking status',
};

/** UCUM units as they are written in a note. */
const UNIT_TEXT: Readonly<Record<string, string>> = {
  'mm[Hg]': 'mmHg',
  Cel: '°C',
  '[degF]': '°F',
  '[lb_av]': 'lb',
  '[in_i]': 'in',
  '10*3/uL': 'K/uL',
  '10*6/uL': 'M/uL',
  'm[IU]/L': 'mIU/L',
  'm[IU]/mL': 'mIU/mL',
  'mL/min/{1.73_m2}': 'mL/min/1.73m2',
  '{INR}': '',
  '{score}': '',
};

/** A UCUM unit as written in a note (`mm[Hg]` -> `mmHg`). */
export const unitText = (unit: string): string => UNIT_TEXT[unit] ?? unit;

/** The name a clinician writes for an observation code. */
export const shortName = (code: Coded): string => SHORT_NAMES[code.code] ?? code.display;
const withUnit = (value: string, unit: string): string =>
  unitText(unit) === '' ? value : `${value} ${unitText(unit)}`;

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** One observation in words ("Blood pressure 132/84 mmHg", "Hemoglobin A1c 7.4 % (high; reference <5.7)"). */
export function describeObservation(entry: ObservationEntry): string {
  const v = entry.value;
  const name = shortName(entry.code);
  let text: string;
  if (v.kind === 'quantity') {
    text = `${name}: ${withUnit(formatNumber(v.value), v.unit)}`;
  } else if (v.kind === 'coded') {
    text = `${name}: ${v.value.display}`;
  } else {
    const systolic = v.components.find((c) => c.code.code === '8480-6');
    const diastolic = v.components.find((c) => c.code.code === '8462-4');
    const parts = v.components.map((c) => `${c.code.display} ${withUnit(formatNumber(c.value), c.unit)}`);
    text =
      systolic && diastolic
        ? `${name}: ${withUnit(`${formatNumber(systolic.value)}/${formatNumber(diastolic.value)}`, systolic.unit)}`
        : `${name}: ${parts.join(', ')}`;
  }
  const flags: string[] = [];
  if (entry.interpretation === 'H') flags.push('high');
  if (entry.interpretation === 'L') flags.push('low');
  if (entry.low !== undefined && entry.high !== undefined) {
    flags.push(`reference ${formatNumber(entry.low)}-${formatNumber(entry.high)}`);
  } else if (entry.high !== undefined) flags.push(`reference below ${formatNumber(entry.high)}`);
  else if (entry.low !== undefined) flags.push(`reference above ${formatNumber(entry.low)}`);
  return flags.length > 0 ? `${text} (${flags.join('; ')})` : text;
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ['', title.toUpperCase(), ...lines];
}

/** The full text of the note written at an event. */
export function noteText(timeline: MemberTimeline, event: CareEvent): string {
  const { person } = timeline;
  const day = dayOf(event.start);
  const name = [...person.given, person.family].join(' ');
  const age = ageOn(person.birthDate, day);
  // A visit's own reason code (Z00.00 "encounter for check up") restates the visit type; name a disease only.
  const principal = event.diagnoses.find((d) => !d.icd10.code.startsWith('Z'));
  const vitals = event.observations.filter((o) => o.category === 'vital-signs');
  const results = event.observations.filter((o) => o.category !== 'vital-signs');
  const chronic = event.diagnoses.some((d) => timeline.conditions.some((c) => c.key === d.key && !c.abatement));

  const plan = [
    ...event.medications.map((m) => {
      const refills = repeatsAllowed(m);
      const refillText = refills === 0 ? 'no refills' : refills === 1 ? '1 refill' : `${refills} refills`;
      return `- ${m.rxnorm.display}: ${m.dosage}. Dispense ${m.quantity}, ${m.daysSupply}-day supply, ${refillText}.`;
    }),
    ...event.immunizations.map((v) => `- Vaccine given: ${v.display} (CVX ${v.code}).`),
    `- ${followUp(event.kind, chronic, age)}`,
  ];

  return [
    noteType(event.kind).display.toUpperCase(),
    '',
    `Patient: ${name}    Date of birth: ${person.birthDate}    Sex: ${person.sex}    Member ID: ${person.memberId}`,
    `Date of service: ${day}    Facility: ${event.organization.display}`,
    `Clinician: ${event.practitioner.display}`,
    ...section('Reason for visit', [
      `${ageText(person.birthDate, day, person.sex)} seen for ${VISIT[event.kind]}` +
        (principal ? `: ${principal.snomed.display}.` : '.'),
      `Visit type: ${event.encounterType.display}.`,
    ]),
    ...section('History', event.note ? [event.note] : []),
    ...section('Vital signs', vitals.map(describeObservation)),
    ...section('Results', results.map(describeObservation)),
    ...section(
      'Assessment',
      event.diagnoses.map((d, i) => `${i + 1}. ${d.snomed.display} (ICD-10-CM ${d.icd10.code} ${d.icd10.display})`),
    ),
    ...section(
      'Procedures',
      event.procedures.filter((p) => p.clinical).map((p) => `- ${(p.snomed ?? p.billing).display} (${p.billing.code})`),
    ),
    ...section('Plan', plan),
    '',
    `Electronically signed by ${event.practitioner.display} on ${event.end.slice(0, 16).replace('T', ' ')}.`,
    '',
  ].join('\n');
}
