/**
 * US Core 6.1 clinical data rendered from a member's care timeline: the same visits, diagnoses, results and
 * prescriptions the claims describe, as Encounter, Condition, Observation, DiagnosticReport, MedicationRequest,
 * MedicationDispense, Medication, AllergyIntolerance, Immunization, Procedure, DocumentReference, CarePlan,
 * CareTeam, Goal, Device and Provenance resources.
 */
import type { Resource } from 'fhir/r4';
import type { MemberTimeline } from '../model.ts';
import { renderAllergies } from './allergy.ts';
import { renderCarePlan, renderCareTeam } from './care.ts';
import { renderConditions } from './condition.ts';
import { type ClinicalContext, ClinicalScope, Rendered } from './context.ts';
import { renderDevices } from './device.ts';
import { renderDiagnosticReports } from './diagnostic-report.ts';
import { renderDocuments } from './document.ts';
import { renderEncounters } from './encounter.ts';
import { renderImmunizations } from './immunization.ts';
import { renderMedications } from './medication.ts';
import { renderObservations } from './observation.ts';
import { planIds } from './plan.ts';
import { renderProcedures } from './procedure.ts';
import { renderProvenance } from './provenance.ts';

export { ABBREV, type ClinicalContext } from './context.ts';
export { PROFILE as CLINICAL_PROFILES } from './profiles.ts';
export { noteText, noteType } from './note.ts';
export { observationProfile } from './observation-profile.ts';

/**
 * Renders a member's clinical record. Every resource claims its US Core profile; every reference points at
 * another rendered resource, the member's Patient (`Patient/${patientId}`) or a directory resource named in the
 * timeline. The same timeline and context always give the same resources, in the same order.
 */
export function renderClinical(timeline: MemberTimeline, ctx: ClinicalContext): Resource[] {
  const scope = new ClinicalScope(timeline, ctx);
  const plan = planIds(scope);
  const out = new Rendered();
  renderEncounters(scope, plan, out);
  renderConditions(scope, plan, out);
  renderObservations(scope, plan, out);
  renderDiagnosticReports(scope, plan, out);
  renderMedications(scope, plan, out);
  renderAllergies(scope, out);
  renderImmunizations(scope, plan, out);
  renderProcedures(scope, plan, out);
  renderDocuments(scope, plan, out);
  renderCareTeam(scope, plan, out);
  renderCarePlan(scope, plan, out);
  renderDevices(scope, out);
  renderProvenance(scope, out);
  return out.resources;
}
