/**
 * The IG knowledge of the two FHIR bases: which resource types each serves, the profiles they claim
 * (exact canonical strings, as certification suites compare them), the `_include`/`_revinclude`
 * values the IGs require, and the IG CapabilityStatements the server instantiates.
 */

/** The two FHIR bases of the server: Patient Access (`/fhir`) and Provider Directory (`/directory/fhir`). */
export type FhirBase = 'patientAccess' | 'directory';

const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';
const C4BB = 'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-';
const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-';

const usCore = (...ids: string[]): string[] => ids.map((id) => US_CORE + id);

/** Resource types of the Patient Access API: US Core 6.1 and CARIN BB 2.0. */
export const PATIENT_ACCESS_RESOURCE_TYPES: readonly string[] = [
  'AllergyIntolerance',
  'CarePlan',
  'CareTeam',
  'Condition',
  'Coverage',
  'Device',
  'DiagnosticReport',
  'DocumentReference',
  'Encounter',
  'ExplanationOfBenefit',
  'Goal',
  'Immunization',
  'Location',
  'Medication',
  'MedicationDispense',
  'MedicationRequest',
  'Observation',
  'Organization',
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'Procedure',
  'Provenance',
  'QuestionnaireResponse',
  'RelatedPerson',
  'ServiceRequest',
  'Specimen',
];

/** Resource types of the Provider Directory API (Plan-Net 1.1). */
export const DIRECTORY_RESOURCE_TYPES: readonly string[] = [
  'Organization',
  'Practitioner',
  'Location',
  'PractitionerRole',
  'HealthcareService',
  'OrganizationAffiliation',
  'InsurancePlan',
  'Endpoint',
];

/** US Core 6.1 Observation profiles (vital signs, labs, clinical results, SDOH, ...). */
export const US_CORE_OBSERVATION_PROFILES: readonly string[] = [
  ...usCore(
    'us-core-observation-lab',
    'us-core-observation-clinical-result',
    'us-core-observation-occupation',
    'us-core-observation-pregnancyintent',
    'us-core-observation-pregnancystatus',
    'us-core-observation-screening-assessment',
    'us-core-observation-sexual-orientation',
    'us-core-simple-observation',
    'us-core-smokingstatus',
    'us-core-vital-signs',
    'us-core-blood-pressure',
    'us-core-bmi',
    'us-core-body-height',
    'us-core-body-temperature',
    'us-core-body-weight',
    'us-core-head-circumference',
    'us-core-heart-rate',
    'us-core-pulse-oximetry',
    'us-core-respiratory-rate',
    'pediatric-bmi-for-age',
    'pediatric-weight-for-height',
    'head-occipital-frontal-circumference-percentile',
  ),
];

/** CARIN BB 2.0 ExplanationOfBenefit profiles. */
export const C4BB_EOB_PROFILES: readonly string[] = [
  `${C4BB}ExplanationOfBenefit-Inpatient-Institutional`,
  `${C4BB}ExplanationOfBenefit-Outpatient-Institutional`,
  `${C4BB}ExplanationOfBenefit-Professional-NonClinician`,
  `${C4BB}ExplanationOfBenefit-Pharmacy`,
  `${C4BB}ExplanationOfBenefit-Oral`,
];

/** Profiles of the Patient Access API by resource type (US Core 6.1 and CARIN BB 2.0). */
export const PATIENT_ACCESS_PROFILES: Readonly<Record<string, readonly string[]>> = {
  AllergyIntolerance: usCore('us-core-allergyintolerance'),
  CarePlan: usCore('us-core-careplan'),
  CareTeam: usCore('us-core-careteam'),
  Condition: usCore('us-core-condition-encounter-diagnosis', 'us-core-condition-problems-health-concerns'),
  Coverage: [...usCore('us-core-coverage'), `${C4BB}Coverage`],
  Device: usCore('us-core-implantable-device'),
  DiagnosticReport: usCore('us-core-diagnosticreport-lab', 'us-core-diagnosticreport-note'),
  DocumentReference: usCore('us-core-documentreference'),
  Encounter: usCore('us-core-encounter'),
  ExplanationOfBenefit: C4BB_EOB_PROFILES,
  Goal: usCore('us-core-goal'),
  Immunization: usCore('us-core-immunization'),
  Location: usCore('us-core-location'),
  Medication: usCore('us-core-medication'),
  MedicationDispense: usCore('us-core-medicationdispense'),
  MedicationRequest: usCore('us-core-medicationrequest'),
  Observation: US_CORE_OBSERVATION_PROFILES,
  Organization: [...usCore('us-core-organization'), `${C4BB}Organization`],
  Patient: [...usCore('us-core-patient'), `${C4BB}Patient`],
  Practitioner: [...usCore('us-core-practitioner'), `${C4BB}Practitioner`],
  PractitionerRole: usCore('us-core-practitionerrole'),
  Procedure: usCore('us-core-procedure'),
  Provenance: usCore('us-core-provenance'),
  QuestionnaireResponse: usCore('us-core-questionnaireresponse'),
  RelatedPerson: usCore('us-core-relatedperson'),
  ServiceRequest: usCore('us-core-servicerequest'),
  Specimen: usCore('us-core-specimen'),
};

/** Profiles of the Provider Directory by resource type (Plan-Net 1.1; Network is an Organization profile). */
export const DIRECTORY_PROFILES: Readonly<Record<string, readonly string[]>> = {
  Organization: [`${PLAN_NET}Organization`, `${PLAN_NET}Network`],
  Practitioner: [`${PLAN_NET}Practitioner`],
  Location: [`${PLAN_NET}Location`],
  PractitionerRole: [`${PLAN_NET}PractitionerRole`],
  HealthcareService: [`${PLAN_NET}HealthcareService`],
  OrganizationAffiliation: [`${PLAN_NET}OrganizationAffiliation`],
  InsurancePlan: [`${PLAN_NET}InsurancePlan`],
  Endpoint: [`${PLAN_NET}Endpoint`],
};

/** Profiles by base and resource type. */
export const PROFILES_BY_BASE: Readonly<Record<FhirBase, Readonly<Record<string, readonly string[]>>>> = {
  patientAccess: PATIENT_ACCESS_PROFILES,
  directory: DIRECTORY_PROFILES,
};

function mergeLists(...maps: Readonly<Record<string, readonly string[]>>[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const map of maps) {
    for (const [type, list] of Object.entries(map)) out[type] = [...new Set([...(out[type] ?? []), ...list])];
  }
  return out;
}

/** Every profile the server supports, by resource type (both bases together). */
export const SUPPORTED_PROFILES: Readonly<Record<string, string[]>> = mergeLists(
  PATIENT_ACCESS_PROFILES,
  DIRECTORY_PROFILES,
);

const PROVENANCE = ['Provenance:target'];
const EOB_INCLUDES = [
  'ExplanationOfBenefit:patient',
  'ExplanationOfBenefit:provider',
  'ExplanationOfBenefit:care-team',
  'ExplanationOfBenefit:coverage',
  'ExplanationOfBenefit:insurer',
  'ExplanationOfBenefit:payee',
  'ExplanationOfBenefit:*',
];
const ORG_REVINCLUDES = [
  'Endpoint:organization',
  'HealthcareService:organization',
  'InsurancePlan:administered-by',
  'InsurancePlan:owned-by',
  'OrganizationAffiliation:primary-organization',
  'OrganizationAffiliation:participating-organization',
  'OrganizationAffiliation:network',
  'PractitionerRole:organization',
  'PractitionerRole:network',
];

/** `_include` values by base and resource type (every SHALL/SHOULD of US Core, CARIN BB and Plan-Net). */
export const SEARCH_INCLUDES: Readonly<Record<FhirBase, Readonly<Record<string, readonly string[]>>>> = {
  patientAccess: {
    ExplanationOfBenefit: EOB_INCLUDES,
    Coverage: ['Coverage:payor'],
    MedicationRequest: ['MedicationRequest:medication'],
    MedicationDispense: ['MedicationDispense:medication'],
    PractitionerRole: ['PractitionerRole:endpoint', 'PractitionerRole:practitioner'],
  },
  directory: {
    Endpoint: ['Endpoint:organization'],
    HealthcareService: [
      'HealthcareService:location',
      'HealthcareService:coverage-area',
      'HealthcareService:organization',
      'HealthcareService:endpoint',
    ],
    InsurancePlan: ['InsurancePlan:administered-by', 'InsurancePlan:owned-by', 'InsurancePlan:coverage-area'],
    Location: ['Location:endpoint', 'Location:organization', 'Location:partof'],
    Organization: ['Organization:partof', 'Organization:endpoint', 'Organization:coverage-area'],
    OrganizationAffiliation: [
      'OrganizationAffiliation:primary-organization',
      'OrganizationAffiliation:participating-organization',
      'OrganizationAffiliation:location',
      'OrganizationAffiliation:service',
      'OrganizationAffiliation:endpoint',
      'OrganizationAffiliation:network',
    ],
    PractitionerRole: [
      'PractitionerRole:practitioner',
      'PractitionerRole:organization',
      'PractitionerRole:location',
      'PractitionerRole:service',
      'PractitionerRole:network',
      'PractitionerRole:endpoint',
    ],
  },
};

/** `_revinclude` values by base and resource type. */
export const SEARCH_REVINCLUDES: Readonly<Record<FhirBase, Readonly<Record<string, readonly string[]>>>> = {
  patientAccess: {
    AllergyIntolerance: PROVENANCE,
    CarePlan: PROVENANCE,
    CareTeam: PROVENANCE,
    Condition: PROVENANCE,
    Coverage: PROVENANCE,
    Device: PROVENANCE,
    DiagnosticReport: PROVENANCE,
    DocumentReference: PROVENANCE,
    Encounter: PROVENANCE,
    ExplanationOfBenefit: PROVENANCE,
    Goal: PROVENANCE,
    Immunization: PROVENANCE,
    MedicationDispense: PROVENANCE,
    MedicationRequest: PROVENANCE,
    Observation: PROVENANCE,
    Patient: PROVENANCE,
    Procedure: PROVENANCE,
    QuestionnaireResponse: PROVENANCE,
    RelatedPerson: PROVENANCE,
    ServiceRequest: PROVENANCE,
    Specimen: PROVENANCE,
  },
  directory: {
    HealthcareService: ['PractitionerRole:service', 'OrganizationAffiliation:service'],
    Location: [
      'HealthcareService:location',
      'InsurancePlan:coverage-area',
      'OrganizationAffiliation:location',
      'PractitionerRole:location',
    ],
    Organization: ORG_REVINCLUDES,
    Practitioner: ['PractitionerRole:practitioner'],
  },
};

/** The IG CapabilityStatements each base instantiates. */
export const CAPABILITY_INSTANTIATES: Readonly<Record<FhirBase, readonly string[]>> = {
  patientAccess: [
    'http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server',
    'http://hl7.org/fhir/us/carin-bb/CapabilityStatement/c4bb',
  ],
  directory: ['http://hl7.org/fhir/us/davinci-pdex-plan-net/CapabilityStatement/plan-net'],
};

/** The implementation guides each base follows (canonical|version). */
export const IMPLEMENTATION_GUIDES: Readonly<Record<FhirBase, readonly string[]>> = {
  patientAccess: [
    'http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core|6.1.0',
    'http://hl7.org/fhir/us/carin-bb/ImplementationGuide/hl7.fhir.us.carin-bb|2.0.0',
  ],
  directory: [
    'http://hl7.org/fhir/us/davinci-pdex-plan-net/ImplementationGuide/hl7.fhir.us.davinci-pdex-plan-net|1.1.0',
  ],
};

/** The resource types a base serves. */
export function resourceTypesOf(base: FhirBase): readonly string[] {
  return base === 'patientAccess' ? PATIENT_ACCESS_RESOURCE_TYPES : DIRECTORY_RESOURCE_TYPES;
}
