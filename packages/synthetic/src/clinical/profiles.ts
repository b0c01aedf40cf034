/**
 * The US Core profile canonicals the clinical resources claim, looked up in @plan-api/fhir's tables so the
 * strings are exactly the ones the server advertises.
 */
import { PATIENT_ACCESS_PROFILES, US_CORE_OBSERVATION_PROFILES } from '@plan-api/fhir';

function find(list: readonly string[] | undefined, id: string): string {
  const url = list?.find((p) => p.endsWith(`/${id}`));
  if (url === undefined) throw new Error(`profile ${id} is not in @plan-api/fhir's tables`);
  return url;
}

const of = (type: string, id: string): string => find(PATIENT_ACCESS_PROFILES[type], id);
const obs = (id: string): string => find(US_CORE_OBSERVATION_PROFILES, id);

export const PROFILE = {
  encounter: of('Encounter', 'us-core-encounter'),
  problem: of('Condition', 'us-core-condition-problems-health-concerns'),
  diagnosis: of('Condition', 'us-core-condition-encounter-diagnosis'),
  labReport: of('DiagnosticReport', 'us-core-diagnosticreport-lab'),
  noteReport: of('DiagnosticReport', 'us-core-diagnosticreport-note'),
  medication: of('Medication', 'us-core-medication'),
  medicationRequest: of('MedicationRequest', 'us-core-medicationrequest'),
  medicationDispense: of('MedicationDispense', 'us-core-medicationdispense'),
  allergy: of('AllergyIntolerance', 'us-core-allergyintolerance'),
  immunization: of('Immunization', 'us-core-immunization'),
  procedure: of('Procedure', 'us-core-procedure'),
  document: of('DocumentReference', 'us-core-documentreference'),
  carePlan: of('CarePlan', 'us-core-careplan'),
  careTeam: of('CareTeam', 'us-core-careteam'),
  goal: of('Goal', 'us-core-goal'),
  device: of('Device', 'us-core-implantable-device'),
  provenance: of('Provenance', 'us-core-provenance'),
  lab: obs('us-core-observation-lab'),
  clinicalResult: obs('us-core-observation-clinical-result'),
  screening: obs('us-core-observation-screening-assessment'),
  simple: obs('us-core-simple-observation'),
  smoking: obs('us-core-smokingstatus'),
  pregnancyStatus: obs('us-core-observation-pregnancystatus'),
  pregnancyIntent: obs('us-core-observation-pregnancyintent'),
  sexualOrientation: obs('us-core-observation-sexual-orientation'),
  vitalSigns: obs('us-core-vital-signs'),
  bloodPressure: obs('us-core-blood-pressure'),
  bmi: obs('us-core-bmi'),
  bodyHeight: obs('us-core-body-height'),
  bodyTemperature: obs('us-core-body-temperature'),
  bodyWeight: obs('us-core-body-weight'),
  headCircumference: obs('us-core-head-circumference'),
  heartRate: obs('us-core-heart-rate'),
  pulseOximetry: obs('us-core-pulse-oximetry'),
  respiratoryRate: obs('us-core-respiratory-rate'),
  bmiForAge: obs('pediatric-bmi-for-age'),
  weightForHeight: obs('pediatric-weight-for-height'),
  headCircumferencePercentile: obs('head-occipital-frontal-circumference-percentile'),
} as const;
