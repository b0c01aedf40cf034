import type { CodeableConcept, Coding } from 'fhir/r4';

/**
 * Code systems and fixed codes of CARIN Blue Button 2.0 claims. The displays are the ones the IG and
 * terminology.hl7.org publish; the NUBC and NCPDP systems are licensed (content not-present), so their
 * displays follow the UB-04 and NCPDP manuals.
 */
export const SYS = {
  c4bbIdentifierType: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType',
  c4bbSupportingInfo: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBSupportingInfoType',
  c4bbAdjudication: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication',
  c4bbAdjudicationDiscriminator: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudicationDiscriminator',
  c4bbPayerAdjudicationStatus: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus',
  c4bbCareTeamRole: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole',
  c4bbDiagnosisType: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimDiagnosisType',
  c4bbInstitutionalSubType: 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBInstitutionalClaimSubType',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  adjudication: 'http://terminology.hl7.org/CodeSystem/adjudication',
  payeeType: 'http://terminology.hl7.org/CodeSystem/payeetype',
  careTeamRole: 'http://terminology.hl7.org/CodeSystem/claimcareteamrole',
  diagnosisType: 'http://terminology.hl7.org/CodeSystem/ex-diagnosistype',
  v20203: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  coverageClass: 'http://terminology.hl7.org/CodeSystem/coverage-class',
  copayType: 'http://terminology.hl7.org/CodeSystem/coverage-copay-type',
  sopt: 'https://nahdo.org/sopt',
  placeOfService: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  revenue: 'https://www.nubc.org/CodeSystem/RevenueCodes',
  typeOfBill: 'https://www.nubc.org/CodeSystem/TypeOfBill',
  pointOfOrigin: 'https://www.nubc.org/CodeSystem/PointOfOrigin',
  admissionType: 'https://www.nubc.org/CodeSystem/PriorityTypeOfAdmitOrVisit',
  dischargeStatus: 'https://www.nubc.org/CodeSystem/PatDischargeStatus',
  msDrg:
    'https://www.cms.gov/Medicare/Medicare-Fee-for-Service-Payment/AcuteInpatientPPS/MS-DRG-Classifications-and-Software',
  daw: 'http://terminology.hl7.org/CodeSystem/NCPDPDispensedAsWrittenOrProductSelectionCode',
  brandGeneric: 'http://terminology.hl7.org/CodeSystem/NCPDPBrandGenericIndicator',
  rxOrigin: 'http://terminology.hl7.org/CodeSystem/NCPDPPrescriptionOriginCode',
  compound: 'http://terminology.hl7.org/CodeSystem/NCPDPCompoundCode',
  ucum: 'http://unitsofmeasure.org',
  nucc: 'http://nucc.org/provider-taxonomy',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
} as const;

/** Plan-assigned identifier systems (the plan's own namespaces). */
export const PLAN_ID_SYSTEMS = {
  memberId: 'https://plan-api.example.org/member-id',
  claimId: 'https://plan-api.example.org/claim-id',
} as const;

/** A CodeableConcept with one coding. */
export function concept(system: string, code: string, display?: string, text?: string): CodeableConcept {
  const coding: Coding = display === undefined ? { system, code } : { system, code, display };
  return text === undefined ? { coding: [coding] } : { coding: [coding], text };
}

/** Supporting-info categories (C4BBSupportingInfoType). */
export const INFO_DISPLAY: Readonly<Record<string, string>> = {
  admissionperiod: 'Admission Period',
  clmrecvddate: 'Claim Received Date',
  typeofbill: 'Type of Bill',
  pointoforigin: 'Point Of Origin',
  admtype: 'Admission Type',
  'discharge-status': 'Discharge Status',
  drg: 'DRG',
  dayssupply: 'Days Supply',
  dawcode: 'DAW (Dispense As Written) Code',
  refillnum: 'Refill Number',
  refillsauthorized: 'Refills Authorized',
  brandgenericindicator: 'Brand Generic Indicator',
  rxorigincode: 'Rx Origin Code',
  compoundcode: 'Compound Code',
  servicefacility: 'Service Facility',
  patientaccountnumber: 'Patient Account Number',
};

/** Amount categories: from terminology.hl7.org `adjudication` or the C4BBAdjudication complement. */
export const AMOUNT_CATEGORIES = {
  submitted: [SYS.adjudication, 'Submitted Amount'],
  eligible: [SYS.adjudication, 'Eligible Amount'],
  deductible: [SYS.adjudication, 'Deductible'],
  copay: [SYS.adjudication, 'CoPay'],
  benefit: [SYS.adjudication, 'Benefit Amount'],
  coinsurance: [SYS.c4bbAdjudication, 'Co-insurance'],
  noncovered: [SYS.c4bbAdjudication, 'Noncovered'],
  discount: [SYS.c4bbAdjudication, 'Discount'],
  drugcost: [SYS.c4bbAdjudication, 'Drug cost'],
  paidtoprovider: [SYS.c4bbAdjudication, 'Paid to provider'],
  paidbypatient: [SYS.c4bbAdjudication, 'Paid by patient'],
  memberliability: [SYS.c4bbAdjudication, 'Member liability'],
} as const satisfies Record<string, readonly [string, string]>;

export type AmountCategory = keyof typeof AMOUNT_CATEGORIES;

/** C4BBAdjudicationDiscriminator slices that carry a status reason rather than an amount. */
export const DISCRIMINATOR_DISPLAY = {
  billingnetworkstatus: 'Billing Network Status',
  renderingnetworkstatus: 'Rendering Network Status',
  benefitpaymentstatus: 'Benefit Payment Status',
} as const;

export type Discriminator = keyof typeof DISCRIMINATOR_DISPLAY;

/** CMS place-of-service codes used by the claims. */
export const PLACE_OF_SERVICE = {
  office: ['11', 'Office'],
  inpatient: ['21', 'Inpatient Hospital'],
  outpatient: ['22', 'On Campus-Outpatient Hospital'],
  emergency: ['23', 'Emergency Room – Hospital'],
  lab: ['81', 'Independent Laboratory'],
} as const satisfies Record<string, readonly [string, string]>;

/** Place of service as a CodeableConcept. */
export function placeOfService(key: keyof typeof PLACE_OF_SERVICE): CodeableConcept {
  const [code, display] = PLACE_OF_SERVICE[key];
  return concept(SYS.placeOfService, code, display);
}

/** NUBC revenue codes (UB-04 FL 42) by the kind of charge. */
export const REVENUE = {
  roomBoard: ['0120', 'Room & Board - Semi-Private Two Beds - General Classification'],
  pharmacy: ['0250', 'Pharmacy - General Classification'],
  implants: ['0278', 'Medical/Surgical Supplies and Devices - Other Implants'],
  lab: ['0300', 'Laboratory - General Classification'],
  radiology: ['0320', 'Radiology - Diagnostic - General Classification'],
  operatingRoom: ['0360', 'Operating Room Services - General Classification'],
  emergency: ['0450', 'Emergency Room - General Classification'],
  echocardiology: ['0483', 'Cardiology - Echocardiology'],
  ambulatorySurgery: ['0490', 'Ambulatory Surgical Care - General Classification'],
  clinic: ['0510', 'Clinic - General Classification'],
  laborDelivery: ['0720', 'Labor Room/Delivery - General Classification'],
  ekg: ['0730', 'EKG/ECG (Electrocardiogram) - General Classification'],
  vaccine: ['0771', 'Preventive Care Services - Vaccine Administration'],
  professionalFees: ['0960', 'Professional Fees - General Classification'],
} as const satisfies Record<string, readonly [string, string]>;

export type RevenueKey = keyof typeof REVENUE;
