// Resources of one synthetic member as @plan-api/synthetic writes them (`pnpm synthetic members`), without
// meta and narrative; the JSON is typed once here so that tests read like the API's output.
import type {
  AllergyIntolerance,
  CarePlan,
  CareTeam,
  Condition,
  Coverage,
  Device,
  DiagnosticReport,
  DocumentReference,
  Encounter,
  ExplanationOfBenefit,
  Goal,
  Immunization,
  Medication,
  MedicationDispense,
  MedicationRequest,
  Observation,
  Patient,
  Procedure,
  Provenance,
} from 'fhir/r4';
import type { ResourceSummary } from '../fhir/types.ts';
import member from './member.json' with { type: 'json' };

export const patient = member.patient as Patient;
export const coverage = member.coverage as Coverage;
export const professionalClaim = member.professionalClaim as ExplanationOfBenefit;
export const pharmacyClaim = member.pharmacyClaim as ExplanationOfBenefit;
export const institutionalClaim = member.institutionalClaim as ExplanationOfBenefit;
export const encounter = member.encounter as Encounter;
export const condition = member.condition as Condition;
export const bodyHeight = member.bodyHeight as Observation;
export const bloodPressure = member.bloodPressure as Observation;
export const hba1c = member.hba1c as Observation;
export const smokingStatus = member.smokingStatus as Observation;
export const medicationRequest = member.medicationRequest as MedicationRequest;
export const medicationDispense = member.medicationDispense as MedicationDispense;
export const medication = member.medication as Medication;
export const allergy = member.allergy as AllergyIntolerance;
export const immunization = member.immunization as Immunization;
export const procedure = member.procedure as Procedure;
export const diagnosticReport = member.diagnosticReport as DiagnosticReport;
export const progressNote = member.progressNote as DocumentReference;
export const carePlan = member.carePlan as CarePlan;
export const careTeam = member.careTeam as CareTeam;
export const goal = member.goal as Goal;
export const device = member.device as Device;
export const provenance = member.provenance as Provenance;

/** The value of a summary's detail row by label (undefined when the summary has no such row). */
export function rowValue(summary: ResourceSummary, label: string): string | string[] | undefined {
  return summary.rows.find((r) => r.label === label)?.value;
}
