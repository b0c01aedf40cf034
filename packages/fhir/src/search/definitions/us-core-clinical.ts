import type { SearchParamDef } from '../types.ts';
import { date, encounter, forType, patientOverSubject, r4, reference, subject, token, usCore } from './helpers.ts';

const ASSERTED_DATE = 'http://hl7.org/fhir/StructureDefinition/condition-assertedDate';

/** US Core 6.1 parameters of AllergyIntolerance, CarePlan, CareTeam, Condition, Device, Goal, Immunization, Procedure. */
export const US_CORE_CLINICAL_SEARCH_PARAMS: readonly SearchParamDef[] = [
  ...forType('AllergyIntolerance', [
    reference('patient', ['patient'], ['Patient'], usCore('allergyintolerance-patient'), 'Who the sensitivity is for'),
    token(
      'clinical-status',
      ['clinicalStatus'],
      usCore('allergyintolerance-clinical-status'),
      'active | inactive | resolved',
    ),
    token(
      'code',
      ['code', 'reaction.substance'],
      r4('clinical-code'),
      'Code that identifies the allergy or intolerance',
    ),
  ]),
  ...forType('CarePlan', [
    patientOverSubject('careplan'),
    subject('CarePlan'),
    encounter('CarePlan'),
    token('category', ['category'], usCore('careplan-category'), 'Type of plan'),
    date('date', ['period'], usCore('careplan-date'), 'Time period the plan covers'),
    token('status', ['status'], usCore('careplan-status'), 'draft | active | on-hold | revoked | completed | ...'),
  ]),
  ...forType('CareTeam', [
    patientOverSubject('careteam'),
    subject('CareTeam'),
    encounter('CareTeam'),
    token('status', ['status'], usCore('careteam-status'), 'proposed | active | suspended | inactive | ...'),
    token('role', ['participant.role'], usCore('careteam-role'), 'Type of involvement of a participant'),
  ]),
  ...forType('Condition', [
    patientOverSubject('condition'),
    subject('Condition'),
    encounter('Condition', usCore('condition-encounter')),
    token('category', ['category'], usCore('condition-category'), 'The category of the condition'),
    token('clinical-status', ['clinicalStatus'], usCore('condition-clinical-status'), 'The clinical status'),
    token('code', ['code'], usCore('condition-code'), 'Code for the condition'),
    date(
      'onset-date',
      ['onsetDateTime', 'onsetPeriod'],
      usCore('condition-onset-date'),
      'Date related onsets (dateTime and Period)',
    ),
    date(
      'abatement-date',
      ['abatementDateTime', 'abatementPeriod'],
      usCore('condition-abatement-date'),
      'Date-related abatements (dateTime and period)',
    ),
    date('recorded-date', ['recordedDate'], usCore('condition-recorded-date'), 'Date record was first recorded'),
    date(
      'asserted-date',
      [`extension(${ASSERTED_DATE}).valueDateTime`],
      usCore('condition-asserted-date'),
      'Date the condition was first asserted (assertedDate extension)',
    ),
  ]),
  ...forType('Device', [
    reference(
      'patient',
      ['patient'],
      ['Patient'],
      usCore('device-patient'),
      'Patient information, if the resource is affixed to a person',
    ),
    token('type', ['type'], usCore('device-type'), 'The type of the device'),
    token('status', ['status'], usCore('device-status'), 'active | inactive | entered-in-error | unknown'),
  ]),
  ...forType('Goal', [
    patientOverSubject('goal'),
    subject('Goal', ['Patient', 'Group', 'Organization']),
    token(
      'lifecycle-status',
      ['lifecycleStatus'],
      usCore('goal-lifecycle-status'),
      'proposed | planned | accepted | ...',
    ),
    token('description', ['description'], usCore('goal-description'), 'Code or text describing the goal'),
    date('target-date', ['target.dueDate'], usCore('goal-target-date'), 'Reach goal on or before'),
  ]),
  ...forType('Immunization', [
    reference(
      'patient',
      ['patient'],
      ['Patient'],
      usCore('immunization-patient'),
      'The patient for the vaccination record',
    ),
    token('status', ['status'], usCore('immunization-status'), 'completed | entered-in-error | not-done'),
    date('date', ['occurrenceDateTime'], usCore('immunization-date'), 'Vaccination (non)-administration date'),
    token('vaccine-code', ['vaccineCode'], r4('Immunization-vaccine-code'), 'Vaccine product administered'),
  ]),
  ...forType('Procedure', [
    patientOverSubject('procedure'),
    subject('Procedure'),
    encounter('Procedure', r4('clinical-encounter')),
    token('code', ['code'], usCore('procedure-code'), 'A code to identify a procedure'),
    date(
      'date',
      ['performedDateTime', 'performedPeriod'],
      usCore('procedure-date'),
      'When the procedure was performed',
    ),
    token('status', ['status'], usCore('procedure-status'), 'preparation | in-progress | not-done | on-hold | ...'),
  ]),
];
