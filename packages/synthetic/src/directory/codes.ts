import type { CodeableConcept, Coding } from 'fhir/r4';

/**
 * The code systems and codes the directory uses, with their published displays: Plan-Net 1.1.0 code
 * systems, HL7 terminology (THO) and NUCC provider taxonomy.
 */

const PLAN_NET_CS = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/';
const PLAN_NET_SD = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/';

export const SYSTEMS = {
  npi: 'http://hl7.org/fhir/sid/us-npi',
  nucc: 'http://nucc.org/provider-taxonomy',
  orgType: `${PLAN_NET_CS}OrgTypeCS`,
  providerRole: `${PLAN_NET_CS}ProviderRoleCS`,
  affiliationRole: `${PLAN_NET_CS}OrganizationAffiliationRoleCS`,
  serviceCategory: `${PLAN_NET_CS}HealthcareServiceCategoryCS`,
  productType: `${PLAN_NET_CS}InsuranceProductTypeCS`,
  planType: `${PLAN_NET_CS}InsurancePlanTypeCS`,
  acceptingPatients: `${PLAN_NET_CS}AcceptingPatientsCS`,
  accessibility: `${PLAN_NET_CS}AccessibilityCS`,
  deliveryMethod: `${PLAN_NET_CS}DeliveryMethodCS`,
  endpointPayload: `${PLAN_NET_CS}EndpointPayloadTypeCS`,
  endpointConnection: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type',
  serviceType: 'http://terminology.hl7.org/CodeSystem/service-type',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  physicalType: 'http://terminology.hl7.org/CodeSystem/location-physical-type',
  degree: 'http://terminology.hl7.org/CodeSystem/v2-0360',
  insurancePlanType: 'http://terminology.hl7.org/CodeSystem/insurance-plan-type',
  benefitCategory: 'http://terminology.hl7.org/CodeSystem/ex-benefitcategory',
  benefitType: 'http://terminology.hl7.org/CodeSystem/benefit-type',
  applicability: 'http://terminology.hl7.org/CodeSystem/applicability',
  language: 'urn:ietf:bcp:47',
  usps: 'https://www.usps.com/',
} as const;

export const EXTENSIONS = {
  networkReference: `${PLAN_NET_SD}network-reference`,
  locationReference: `${PLAN_NET_SD}location-reference`,
  newPatients: `${PLAN_NET_SD}newpatients`,
  accessibility: `${PLAN_NET_SD}accessibility`,
  deliveryMethod: `${PLAN_NET_SD}delivery-method`,
  practitionerQualification: `${PLAN_NET_SD}practitioner-qualification`,
  contactPointAvailableTime: `${PLAN_NET_SD}contactpoint-availabletime`,
  orgDescription: `${PLAN_NET_SD}org-description`,
  viaIntermediary: `${PLAN_NET_SD}via-intermediary`,
  qualification: `${PLAN_NET_SD}qualification`,
  region: 'http://hl7.org/fhir/StructureDefinition/location-boundary-geojson',
} as const;

/** A coding as a plain tuple: [system, code, display]. */
export type Code = readonly [system: string, code: string, display: string];

/** A CodeableConcept with one coding (and the display as text). */
export function concept([system, code, display]: Code): CodeableConcept {
  return { coding: [{ system, code, display }], text: display };
}

/** One coding. */
export function coding([system, code, display]: Code): Coding {
  return { system, code, display };
}

/** The kinds of provider organization in the directory (DirectoryHandle.facility kinds). */
export type OrgKind = 'hospital' | 'clinic' | 'pharmacy' | 'lab' | 'dental';

export const ORG_KINDS: readonly OrgKind[] = ['hospital', 'clinic', 'pharmacy', 'lab', 'dental'];

/** What each organization kind is, in Plan-Net and NUCC terms. */
export interface OrgKindCodes {
  orgType: Code;
  /** NUCC non-individual taxonomy code (organization, service and affiliation specialty). */
  taxonomy: string;
  /**
   * NUCC individual specialties the organization's healthcare service offers besides its own taxonomy (the
   * clinicians practising there), so `HealthcareService?specialty=` finds it by the care a member looks for.
   */
  serviceSpecialties: readonly string[];
  serviceCategory: Code;
  serviceType: Code;
  locationType: Code;
  affiliationRole: Code;
}

const orgType = (code: string, display: string): Code => [SYSTEMS.orgType, code, display];
const category = (code: string, display: string): Code => [SYSTEMS.serviceCategory, code, display];
const serviceType = (code: string, display: string): Code => [SYSTEMS.serviceType, code, display];
const roleCode = (code: string, display: string): Code => [SYSTEMS.roleCode, code, display];
const affiliation = (code: string, display: string): Code => [SYSTEMS.affiliationRole, code, display];

export const ORG_KIND_CODES: Readonly<Record<OrgKind, OrgKindCodes>> = {
  hospital: {
    orgType: orgType('fac', 'Facility'),
    taxonomy: '282N00000X',
    serviceSpecialties: ['207P00000X', '208M00000X', '208600000X', '2085R0202X', '207L00000X'],
    serviceCategory: category('hosp', 'Hospital'),
    serviceType: serviceType('361', 'Hospital Services'),
    locationType: roleCode('HOSP', 'Hospital'),
    affiliationRole: affiliation('provider', 'Provider'),
  },
  clinic: {
    orgType: orgType('prvgrp', 'Provider Group'),
    taxonomy: '261QP2300X',
    serviceSpecialties: ['207Q00000X', '207R00000X', '208000000X', '208D00000X', '363LF0000X', '363A00000X'],
    serviceCategory: category('outpat', 'Clinic or Outpatient Facility'),
    serviceType: serviceType('124', 'General Practice'),
    locationType: roleCode('OF', 'Outpatient facility'),
    affiliationRole: affiliation('provider', 'Provider'),
  },
  pharmacy: {
    orgType: orgType('fac', 'Facility'),
    taxonomy: '3336C0003X',
    serviceSpecialties: ['183500000X'],
    serviceCategory: category('pharm', 'Pharmacy'),
    serviceType: serviceType('64', 'Pharmacy'),
    locationType: roleCode('OUTPHARM', 'outpatient pharmacy'),
    affiliationRole: affiliation('pharmacy', 'Pharmacy'),
  },
  lab: {
    orgType: orgType('fac', 'Facility'),
    taxonomy: '291U00000X',
    serviceSpecialties: ['207ZP0102X'],
    serviceCategory: category('lab', 'Laboratory'),
    serviceType: serviceType('159', 'Pathology - General'),
    locationType: roleCode('MBL', 'medical laboratory'),
    affiliationRole: affiliation('provider', 'Provider'),
  },
  dental: {
    orgType: orgType('prvgrp', 'Provider Group'),
    taxonomy: '261QD0000X',
    serviceSpecialties: ['1223G0001X', '1223P0221X'],
    serviceCategory: category('dent', 'Dental'),
    serviceType: serviceType('88', 'General Dental'),
    locationType: roleCode('OF', 'Outpatient facility'),
    affiliationRole: affiliation('provider', 'Provider'),
  },
};

export const PAYER_TYPE: Code = orgType('payer', 'Payer');
export const NETWORK_TYPE: Code = orgType('ntwk', 'Network');

/** The Plan-Net AcceptingPatientsCS codes with how often providers report each. */
export const ACCEPTING_PATIENTS: readonly (readonly [Code, number])[] = [
  [[SYSTEMS.acceptingPatients, 'newpt', 'Accepting'], 70],
  [[SYSTEMS.acceptingPatients, 'existptonly', 'Accepting existing patients'], 15],
  [[SYSTEMS.acceptingPatients, 'existptfam', 'Accepting existing patients and their families'], 5],
  [[SYSTEMS.acceptingPatients, 'nopt', 'Not Accepting'], 10],
];

export const ACCESSIBILITY: readonly Code[] = [
  [SYSTEMS.accessibility, 'adacomp', 'ADA compliant'],
  [SYSTEMS.accessibility, 'handiaccess', 'handicap accessible'],
  [SYSTEMS.accessibility, 'pubtrans', 'public transit options'],
];

export const DELIVERY_PHYSICAL: Code = [SYSTEMS.deliveryMethod, 'physical', 'Physical'];
export const PAYLOAD_NA: Code = [SYSTEMS.endpointPayload, 'NA', 'Not Applicable'];
export const CONNECTION_FHIR: Code = [SYSTEMS.endpointConnection, 'hl7-fhir-rest', 'HL7 FHIR'];
export const CONNECTION_DIRECT: Code = [SYSTEMS.endpointConnection, 'direct-project', 'Direct Project'];
export const PHYSICAL_AREA: Code = [SYSTEMS.physicalType, 'area', 'Area'];

/** Spoken languages besides English and how often a practitioner offers each. */
export const LANGUAGES: readonly (readonly [Code, number])[] = [
  [[SYSTEMS.language, 'es', 'Spanish'], 14],
  [[SYSTEMS.language, 'zh', 'Chinese'], 3],
  [[SYSTEMS.language, 'vi', 'Vietnamese'], 2],
  [[SYSTEMS.language, 'ar', 'Arabic'], 2],
  [[SYSTEMS.language, 'ru', 'Russian'], 2],
  [[SYSTEMS.language, 'fr', 'French'], 2],
  [[SYSTEMS.language, 'hi', 'Hindi'], 2],
  [[SYSTEMS.language, 'ko', 'Korean'], 1],
];
export const ENGLISH: Code = [SYSTEMS.language, 'en', 'English'];
