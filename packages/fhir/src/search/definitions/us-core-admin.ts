import type { SearchParamDef } from '../types.ts';
import { date, forType, patientOverSubject, r4, reference, string, subject, token, usCore } from './helpers.ts';

const AGENTS = ['Practitioner', 'PractitionerRole', 'RelatedPerson', 'Patient', 'Device', 'Organization'];

/** US Core 6.1 parameters of Patient, RelatedPerson, Encounter, the medication types and Provenance. */
export const US_CORE_ADMIN_SEARCH_PARAMS: readonly SearchParamDef[] = [
  ...forType('Patient', [
    token('_id', ['id'], usCore('patient-id'), 'Logical id of this Patient'),
    token('identifier', ['identifier'], usCore('patient-identifier'), 'A patient identifier'),
    string(
      'name',
      ['name'],
      usCore('patient-name'),
      'A portion of either family or given name, prefix, suffix or text of the patient',
    ),
    string('family', ['name.family'], usCore('patient-family'), 'A portion of the family name of the patient'),
    string('given', ['name.given'], usCore('patient-given'), 'A portion of the given name of the patient'),
    date('birthdate', ['birthDate'], usCore('patient-birthdate'), "The patient's date of birth"),
    date('death-date', ['deceasedDateTime'], usCore('patient-death-date'), 'The date of death'),
    token('gender', ['gender'], usCore('patient-gender'), 'Gender of the patient'),
  ]),
  ...forType('RelatedPerson', [
    token('_id', ['id'], usCore('relatedperson-id'), 'Logical id of this RelatedPerson'),
    string('name', ['name'], usCore('relatedperson-name'), 'A portion of the name of the related person'),
    reference(
      'patient',
      ['patient'],
      ['Patient'],
      usCore('relatedperson-patient'),
      'The patient this person is related to',
    ),
  ]),
  ...forType('Encounter', [
    token('_id', ['id'], usCore('encounter-id'), 'Logical id of this Encounter'),
    patientOverSubject('encounter'),
    subject('Encounter'),
    token(
      'identifier',
      ['identifier'],
      usCore('encounter-identifier'),
      'Identifier(s) by which this encounter is known',
    ),
    token('class', ['class'], usCore('encounter-class'), 'Classification of patient encounter'),
    date('date', ['period'], usCore('encounter-date'), 'A date within the period the Encounter lasted'),
    token('type', ['type'], usCore('encounter-type'), 'Specific type of encounter'),
    token('status', ['status'], usCore('encounter-status'), 'planned | arrived | triaged | in-progress | ...'),
    token(
      'discharge-disposition',
      ['hospitalization.dischargeDisposition'],
      usCore('encounter-discharge-disposition'),
      'Category or kind of location after discharge',
    ),
    reference(
      'location',
      ['location.location'],
      ['Location'],
      usCore('encounter-location'),
      'Location the encounter takes place',
    ),
  ]),
  ...forType('Medication', [token('code', ['code'], r4('clinical-code'), 'Returns medications for a specific code')]),
  ...forType('MedicationDispense', [
    patientOverSubject('medicationdispense'),
    subject('MedicationDispense'),
    token('status', ['status'], usCore('medicationdispense-status'), 'Returns dispenses with a specified status'),
    token('type', ['type'], usCore('medicationdispense-type'), 'Returns dispenses of a specific type'),
    reference(
      'medication',
      ['medicationReference'],
      ['Medication'],
      r4('medications-medication'),
      'Return dispenses of this medicine resource',
    ),
  ]),
  ...forType('MedicationRequest', [
    patientOverSubject('medicationrequest'),
    subject('MedicationRequest'),
    reference(
      'encounter',
      ['encounter'],
      ['Encounter'],
      usCore('medicationrequest-encounter'),
      'Return prescriptions with this encounter identifier',
    ),
    token('intent', ['intent'], usCore('medicationrequest-intent'), 'Returns prescriptions with different intents'),
    token('status', ['status'], usCore('medicationrequest-status'), 'Status of the prescription'),
    date(
      'authoredon',
      ['authoredOn'],
      usCore('medicationrequest-authoredon'),
      'Return prescriptions written on this date',
    ),
    reference(
      'medication',
      ['medicationReference'],
      ['Medication'],
      r4('medications-medication'),
      'Return prescriptions for this medication reference',
    ),
  ]),
  ...forType('Provenance', [
    reference(
      'target',
      ['target'],
      ['Resource'],
      r4('Provenance-target'),
      'Target Reference(s) (usually version specific)',
    ),
    reference('patient', ['target'], ['Patient'], r4('Provenance-patient'), 'Target Reference(s) that are patients'),
    reference('agent', ['agent.who'], AGENTS, r4('Provenance-agent'), 'Who participated'),
    date('recorded', ['recorded'], r4('Provenance-recorded'), 'When the activity was recorded / updated'),
  ]),
];
