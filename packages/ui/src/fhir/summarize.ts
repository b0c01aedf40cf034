import type { FhirResource, Resource } from 'fhir/r4';
import { conceptText, detailRows } from './datatypes.ts';
import { joinParts } from './format.ts';
import {
  summarizeCarePlan,
  summarizeCareTeam,
  summarizeDevice,
  summarizeGoal,
  summarizeProvenance,
} from './summaries/care.ts';
import {
  summarizeAllergyIntolerance,
  summarizeCondition,
  summarizeEncounter,
  summarizeImmunization,
  summarizeProcedure,
} from './summaries/clinical.ts';
import { summarizeDocumentReference } from './summaries/document.ts';
import { summarizeExplanationOfBenefit } from './summaries/eob.ts';
import {
  summarizeMedication,
  summarizeMedicationDispense,
  summarizeMedicationRequest,
} from './summaries/medications.ts';
import { summarizeDiagnosticReport, summarizeObservation } from './summaries/observation.ts';
import { summarizeCoverage, summarizePatient } from './summaries/patient.ts';
import type { ResourceSummary } from './types.ts';

/** A summary for resource types without their own: the type, a code or name if it has one, the status. */
function summarizeOther(resource: Resource): ResourceSummary {
  const r = resource as Resource & { code?: unknown; type?: unknown; name?: unknown; status?: unknown };
  const concept = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? conceptText(value) : undefined;
  const label = concept(r.code) ?? concept(r.type) ?? (typeof r.name === 'string' ? r.name : undefined);
  const status = typeof r.status === 'string' ? r.status : undefined;
  return {
    title: joinParts([resource.resourceType, label], ': '),
    subtitle: joinParts([status, resource.id && `id ${resource.id}`]),
    rows: detailRows([
      ['Type', resource.resourceType],
      ['Id', resource.id],
      ['Status', status],
    ]),
  };
}

/** A readable summary of any resource of a member's record (title, subtitle, detail rows, main date). */
export function summarize(resource: FhirResource): ResourceSummary {
  switch (resource.resourceType) {
    case 'Patient':
      return summarizePatient(resource);
    case 'Coverage':
      return summarizeCoverage(resource);
    case 'ExplanationOfBenefit':
      return summarizeExplanationOfBenefit(resource);
    case 'Encounter':
      return summarizeEncounter(resource);
    case 'Condition':
      return summarizeCondition(resource);
    case 'Observation':
      return summarizeObservation(resource);
    case 'MedicationRequest':
      return summarizeMedicationRequest(resource);
    case 'MedicationDispense':
      return summarizeMedicationDispense(resource);
    case 'Medication':
      return summarizeMedication(resource);
    case 'AllergyIntolerance':
      return summarizeAllergyIntolerance(resource);
    case 'Immunization':
      return summarizeImmunization(resource);
    case 'Procedure':
      return summarizeProcedure(resource);
    case 'DiagnosticReport':
      return summarizeDiagnosticReport(resource);
    case 'DocumentReference':
      return summarizeDocumentReference(resource);
    case 'CarePlan':
      return summarizeCarePlan(resource);
    case 'CareTeam':
      return summarizeCareTeam(resource);
    case 'Goal':
      return summarizeGoal(resource);
    case 'Device':
      return summarizeDevice(resource);
    case 'Provenance':
      return summarizeProvenance(resource);
    default:
      return summarizeOther(resource);
  }
}
