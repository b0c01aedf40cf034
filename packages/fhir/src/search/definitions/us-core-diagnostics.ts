import type { SearchParamDef } from '../types.ts';
import { date, encounter, forType, patientOverSubject, r4, reference, subject, token, usCore } from './helpers.ts';

const CLINICAL_ENCOUNTER = r4('clinical-encounter');

/** US Core 6.1 parameters of DiagnosticReport, DocumentReference, Observation, ServiceRequest, Specimen, QuestionnaireResponse. */
export const US_CORE_DIAGNOSTICS_SEARCH_PARAMS: readonly SearchParamDef[] = [
  ...forType('DiagnosticReport', [
    patientOverSubject('diagnosticreport'),
    subject('DiagnosticReport', ['Patient', 'Group', 'Device', 'Location']),
    encounter('DiagnosticReport', CLINICAL_ENCOUNTER),
    token('category', ['category'], usCore('diagnosticreport-category'), 'Which diagnostic discipline/department'),
    token('code', ['code'], usCore('diagnosticreport-code'), 'The code for the report'),
    date(
      'date',
      ['effectiveDateTime', 'effectivePeriod'],
      usCore('diagnosticreport-date'),
      'The clinically relevant time of the report',
    ),
    token('status', ['status'], usCore('diagnosticreport-status'), 'The status of the report'),
  ]),
  ...forType('DocumentReference', [
    token('_id', ['id'], usCore('documentreference-id'), 'Logical id of this DocumentReference'),
    patientOverSubject('documentreference'),
    subject('DocumentReference', ['Patient', 'Practitioner', 'Group', 'Device']),
    reference(
      'encounter',
      ['context.encounter'],
      ['Encounter', 'EpisodeOfCare'],
      CLINICAL_ENCOUNTER,
      'Context of the document content',
    ),
    token('category', ['category'], usCore('documentreference-category'), 'Categorization of document'),
    token('type', ['type'], usCore('documentreference-type'), 'Kind of document (LOINC if possible)'),
    date('date', ['date'], usCore('documentreference-date'), 'When this document reference was created'),
    date('period', ['context.period'], usCore('documentreference-period'), 'Time of service that is being documented'),
    token('status', ['status'], usCore('documentreference-status'), 'current | superseded | entered-in-error'),
  ]),
  ...forType('Observation', [
    patientOverSubject('observation'),
    subject('Observation', ['Patient', 'Group', 'Device', 'Location']),
    encounter('Observation', CLINICAL_ENCOUNTER),
    token('category', ['category'], usCore('observation-category'), 'The classification of the type of observation'),
    token('code', ['code'], usCore('observation-code'), 'The code of the observation type'),
    date(
      'date',
      ['effectiveDateTime', 'effectivePeriod', 'effectiveInstant', 'effectiveTiming'],
      usCore('observation-date'),
      'Obtained date/time; a Period matches when the search range overlaps it',
    ),
    token('status', ['status'], usCore('observation-status'), 'The status of the observation'),
  ]),
  ...forType('ServiceRequest', [
    token('_id', ['id'], usCore('servicerequest-id'), 'Logical id of this ServiceRequest'),
    patientOverSubject('servicerequest'),
    subject('ServiceRequest', ['Patient', 'Group', 'Device', 'Location']),
    encounter('ServiceRequest', CLINICAL_ENCOUNTER),
    token('category', ['category'], usCore('servicerequest-category'), 'Classification of service'),
    token('code', ['code'], usCore('servicerequest-code'), 'What is being requested/ordered'),
    date('authored', ['authoredOn'], usCore('servicerequest-authored'), 'Date request signed'),
    token(
      'status',
      ['status'],
      usCore('servicerequest-status'),
      'draft | active | on-hold | revoked | completed | ...',
    ),
  ]),
  ...forType('Specimen', [
    token('_id', ['id'], usCore('specimen-id'), 'Logical id of this Specimen'),
    patientOverSubject('specimen'),
    subject('Specimen', ['Patient', 'Group', 'Device', 'Substance', 'Location']),
  ]),
  ...forType('QuestionnaireResponse', [
    token('_id', ['id'], usCore('questionnaireresponse-id'), 'Logical id of this QuestionnaireResponse'),
    patientOverSubject('questionnaireresponse'),
    subject('QuestionnaireResponse', ['Resource']),
    encounter('QuestionnaireResponse'),
    date('authored', ['authored'], usCore('questionnaireresponse-authored'), 'When the answers were gathered'),
    reference(
      'questionnaire',
      ['questionnaire'],
      ['Questionnaire'],
      usCore('questionnaireresponse-questionnaire'),
      'The questionnaire the answers are provided for',
    ),
    token('status', ['status'], usCore('questionnaireresponse-status'), 'in-progress | completed | amended | ...'),
  ]),
];
