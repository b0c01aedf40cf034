/**
 * Code systems and the few fixed codes the clinical renderer needs beyond the timeline's own codes: FHIR and
 * HL7 structural vocabularies (categories, statuses, roles) and the LOINC codes of document and panel types.
 * Displays are the code systems' own.
 */
import type { CodeableConcept, Coding } from 'fhir/r4';
import type { Coded } from '../model.ts';

export const SYSTEM = {
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  ucum: 'http://unitsofmeasure.org',
  nucc: 'http://nucc.org/provider-taxonomy',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  obsCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  usCoreConditionCategory: 'http://hl7.org/fhir/us/core/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  v2Table0074: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  v2Table0443: 'http://terminology.hl7.org/CodeSystem/v2-0443',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  diagnosisRole: 'http://terminology.hl7.org/CodeSystem/diagnosis-role',
  dischargeDisposition: 'http://terminology.hl7.org/CodeSystem/discharge-disposition',
  medicationRequestCategory: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
  docCategory: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
  carePlanCategory: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category',
  provenanceParticipant: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  formatCode: 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode',
  goalAchievement: 'http://terminology.hl7.org/CodeSystem/goal-achievement',
  /** Identifier system for identifiers that are URIs themselves (`urn:uuid:...`). */
  uri: 'urn:ietf:rfc:3986',
} as const;

/** A FHIR Coding from a timeline code. */
export function coding(code: Coded): Coding {
  return { system: code.system, code: code.code, display: code.display };
}

/** A CodeableConcept with one coding and the display as text. */
export function concept(code: Coded, text = code.display): CodeableConcept {
  return { coding: [coding(code)], text };
}

/** A CodeableConcept of a fixed structural code. */
export function fixed(system: string, code: string, display: string): CodeableConcept {
  return { coding: [{ system, code, display }] };
}

/** Encounter classes (v3 ActCode). */
export const ENCOUNTER_CLASS = {
  ambulatory: { system: SYSTEM.actCode, code: 'AMB', display: 'ambulatory' },
  inpatient: { system: SYSTEM.actCode, code: 'IMP', display: 'inpatient encounter' },
  emergency: { system: SYSTEM.actCode, code: 'EMER', display: 'emergency' },
} as const satisfies Record<string, Coding>;

export const INTERPRETATION: Record<'N' | 'H' | 'L', Coding> = {
  N: { system: SYSTEM.interpretation, code: 'N', display: 'Normal' },
  H: { system: SYSTEM.interpretation, code: 'H', display: 'High' },
  L: { system: SYSTEM.interpretation, code: 'L', display: 'Low' },
};

/** LOINC document types (Document Ontology) for the note written at each kind of visit. */
export const NOTE_TYPES = {
  progress: { system: SYSTEM.loinc, code: '11506-3', display: 'Progress note' },
  historyPhysical: { system: SYSTEM.loinc, code: '34117-2', display: 'History and physical note' },
  discharge: { system: SYSTEM.loinc, code: '18842-5', display: 'Discharge summary' },
  emergency: { system: SYSTEM.loinc, code: '34111-5', display: 'Emergency department Note' },
  procedure: { system: SYSTEM.loinc, code: '28570-0', display: 'Procedure note' },
} as const satisfies Record<string, Coded>;

/** Lab panels (LOINC) and the analytes that make a result part of one, so a report groups what was ordered together. */
export const LAB_PANELS = {
  cmp: {
    panel: { system: SYSTEM.loinc, code: '24323-8', display: 'Comprehensive metabolic 2000 panel - Serum or Plasma' },
    members: ['1751-7', '1975-2', '6768-6', '1742-6', '1920-8', '2885-2'],
  },
  bmp: {
    panel: { system: SYSTEM.loinc, code: '24321-2', display: 'Basic metabolic 2000 panel - Serum or Plasma' },
    members: [
      ...['2345-7', '2339-0', '3094-0', '6299-2', '2160-0', '38483-4', '2951-2', '2947-0', '2823-3', '6298-4'],
      ...['2075-0', '2069-3', '2028-9', '20565-8', '17861-6', '49765-1', '33914-3', '62238-1', '98979-8'],
    ],
  },
  lipid: {
    panel: { system: SYSTEM.loinc, code: '24331-1', display: 'Lipid 1996 panel - Serum or Plasma' },
    members: ['2093-3', '2571-8', '2085-9', '18262-6', '13457-7', '2089-1', '43396-1'],
  },
  cbc: {
    panel: { system: SYSTEM.loinc, code: '58410-2', display: 'CBC panel - Blood by Automated count' },
    members: ['6690-2', '789-8', '718-7', '4544-3', '787-2', '785-6', '786-4', '21000-5', '777-3', '32623-1'],
  },
  urinalysis: {
    panel: { system: SYSTEM.loinc, code: '24356-8', display: 'Urinalysis complete panel - Urine' },
    members: ['5811-5', '5803-2', '5792-7', '5804-0', '5797-6', '5794-3', '5802-4', '5799-2', '5770-3', '5818-0'],
  },
} as const satisfies Record<string, { panel: Coded; members: readonly string[] }>;

/** DiagnosticReport note categories (LOINC parts) and report codes for procedures that produce a read report. */
export const REPORT_KINDS = {
  radiology: {
    category: { system: SYSTEM.loinc, code: 'LP29684-5', display: 'Radiology' },
    code: { system: SYSTEM.loinc, code: '18748-4', display: 'Diagnostic imaging study' },
  },
  cardiology: {
    category: { system: SYSTEM.loinc, code: 'LP29708-2', display: 'Cardiology' },
    code: { system: SYSTEM.loinc, code: '11524-6', display: 'EKG study' },
  },
  pathology: {
    category: { system: SYSTEM.loinc, code: 'LP7839-6', display: 'Pathology' },
    code: { system: SYSTEM.loinc, code: '11526-1', display: 'Pathology study' },
  },
} as const satisfies Record<string, { category: Coded; code: Coded }>;

/** Care team roles (SNOMED CT, Care Team Member Function). */
export const CARE_TEAM_ROLE = {
  patient: { system: SYSTEM.snomed, code: '116154003', display: 'Patient' },
  primaryCare: { system: SYSTEM.snomed, code: '446050000', display: 'Primary care physician' },
  physician: { system: SYSTEM.snomed, code: '309343006', display: 'Physician' },
} as const satisfies Record<string, Coded>;

/** The SNOMED CT "no known allergy" situation, recorded when a member has no allergies. */
export const NO_KNOWN_ALLERGY: Coded = { system: SYSTEM.snomed, code: '716186003', display: 'No known allergy' };

export const ORAL_ROUTE: Coded = { system: SYSTEM.snomed, code: '26643006', display: 'Oral route' };
