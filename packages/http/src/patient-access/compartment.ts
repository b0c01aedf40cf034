import type { SearchParamDef, SearchRegistry } from '@plan-api/fhir';

/**
 * The FHIR R4 Patient compartment (https://hl7.org/fhir/R4/compartmentdefinition-patient.html): the
 * parameters that make a resource of each type belong to a patient. Device is not in the R4
 * compartment, but US Core's implantable Device names its patient, so it is a member's data here.
 * `patient` comes first wherever the type has it: it is the narrowest (a Patient reference only).
 */
export const PATIENT_COMPARTMENT: Readonly<Record<string, readonly string[]>> = {
  Account: ['subject'],
  AdverseEvent: ['subject'],
  AllergyIntolerance: ['patient', 'recorder', 'asserter'],
  Appointment: ['actor'],
  AppointmentResponse: ['actor'],
  AuditEvent: ['patient'],
  Basic: ['patient', 'author'],
  BodyStructure: ['patient'],
  CarePlan: ['patient', 'subject', 'performer'],
  CareTeam: ['patient', 'subject', 'participant'],
  ChargeItem: ['subject'],
  Claim: ['patient', 'payee'],
  ClaimResponse: ['patient'],
  ClinicalImpression: ['subject'],
  Communication: ['subject', 'sender', 'recipient'],
  CommunicationRequest: ['subject', 'sender', 'recipient', 'requester'],
  Composition: ['subject', 'author', 'attester'],
  Condition: ['patient', 'subject', 'asserter'],
  Consent: ['patient'],
  Coverage: ['beneficiary', 'patient', 'policy-holder', 'subscriber', 'payor'],
  CoverageEligibilityRequest: ['patient'],
  CoverageEligibilityResponse: ['patient'],
  DetectedIssue: ['patient'],
  Device: ['patient'],
  DeviceRequest: ['subject', 'performer'],
  DeviceUseStatement: ['subject'],
  DiagnosticReport: ['patient', 'subject'],
  DocumentManifest: ['subject', 'author', 'recipient'],
  DocumentReference: ['patient', 'subject', 'author'],
  Encounter: ['patient'],
  EnrollmentRequest: ['subject'],
  EpisodeOfCare: ['patient'],
  ExplanationOfBenefit: ['patient', 'payee'],
  FamilyMemberHistory: ['patient'],
  Flag: ['patient'],
  Goal: ['patient'],
  ImagingStudy: ['patient'],
  Immunization: ['patient'],
  ImmunizationEvaluation: ['patient'],
  ImmunizationRecommendation: ['patient'],
  Invoice: ['subject', 'patient', 'recipient'],
  List: ['subject', 'source'],
  MeasureReport: ['patient'],
  Media: ['subject'],
  MedicationAdministration: ['patient', 'performer', 'subject'],
  MedicationDispense: ['patient', 'subject', 'receiver'],
  MedicationRequest: ['patient', 'subject'],
  MedicationStatement: ['subject'],
  MolecularSequence: ['patient'],
  NutritionOrder: ['patient'],
  Observation: ['patient', 'subject', 'performer'],
  Procedure: ['patient', 'performer'],
  Provenance: ['patient'],
  QuestionnaireResponse: ['patient', 'subject', 'author'],
  RelatedPerson: ['patient'],
  RequestGroup: ['subject', 'participant'],
  ResearchSubject: ['individual'],
  RiskAssessment: ['subject'],
  Schedule: ['actor'],
  ServiceRequest: ['patient', 'subject', 'performer', 'requester'],
  Specimen: ['patient', 'subject'],
  SupplyDelivery: ['patient'],
  SupplyRequest: ['subject'],
  VisionPrescription: ['patient'],
};

/**
 * Types that hold no member's data of their own: the directory-like resources a member's record
 * points at. Readable with the scope alone, never narrowed to a patient.
 */
export const SHARED_TYPES: ReadonlySet<string> = new Set([
  'Endpoint',
  'HealthcareService',
  'InsurancePlan',
  'Location',
  'Medication',
  'Organization',
  'OrganizationAffiliation',
  'Practitioner',
  'PractitionerRole',
  'Substance',
]);

/** How the Patient Access API narrows one resource type to the token's patient. */
export type CompartmentRule =
  /** The Patient itself: `_id` is the patient. */
  | { kind: 'patient' }
  /** A compartment type: this reference parameter must name the patient. */
  | { kind: 'member'; param: SearchParamDef }
  /**
   * Provenance points at the records it is about (`target`), seldom at the Patient: it is the member's
   * when one of its targets is.
   */
  | { kind: 'provenance'; target: SearchParamDef }
  /** Not patient data (SHARED_TYPES): only the scope decides. */
  | { kind: 'shared' }
  /** Patient data the registry cannot narrow to a patient: never served (fail closed). */
  | { kind: 'unsupported' };

function patientParam(registry: SearchRegistry, type: string, code: string): SearchParamDef | undefined {
  const def = registry.get(type, code);
  if (!def || def.type !== 'reference') return undefined;
  return def.targets === undefined || def.targets.includes('Patient') ? def : undefined;
}

/**
 * The rule of each served type, from the registry's reference parameters and the R4 compartment
 * table. One parameter per type, used the same way by searches, reads and includes, so a resource is
 * either visible everywhere or nowhere.
 */
export function compartmentRules(registry: SearchRegistry, types: Iterable<string>): Map<string, CompartmentRule> {
  const rules = new Map<string, CompartmentRule>();
  for (const type of types) {
    if (type === 'Patient') {
      rules.set(type, { kind: 'patient' });
    } else if (type === 'Provenance') {
      const target = registry.get(type, 'target');
      rules.set(type, target?.type === 'reference' ? { kind: 'provenance', target } : { kind: 'unsupported' });
    } else if (PATIENT_COMPARTMENT[type]) {
      const param = PATIENT_COMPARTMENT[type]
        .map((code) => patientParam(registry, type, code))
        .find((def) => def !== undefined);
      rules.set(type, param ? { kind: 'member', param } : { kind: 'unsupported' });
    } else {
      rules.set(type, SHARED_TYPES.has(type) ? { kind: 'shared' } : { kind: 'unsupported' });
    }
  }
  return rules;
}
