import type { CodeableConcept, Condition, Reference } from 'fhir/r4';
import type { ConditionEntry } from '../model.ts';
import { type ClinicalScope, type Rendered, addDays, dayOf } from './context.ts';
import { SYSTEM, fixed } from './codes.ts';
import { diagnosisConcept } from './encounter.ts';
import type { IdPlan } from './plan.ts';
import { PROFILE } from './profiles.ts';

const ASSERTED_DATE = 'http://hl7.org/fhir/StructureDefinition/condition-assertedDate';
/** How long an acute diagnosis without a recorded abatement is taken to last. */
const ACUTE_DAYS = 14;

const CLINICAL = {
  active: fixed(SYSTEM.conditionClinical, 'active', 'Active'),
  resolved: fixed(SYSTEM.conditionClinical, 'resolved', 'Resolved'),
};
const CONFIRMED = fixed(SYSTEM.conditionVerification, 'confirmed', 'Confirmed');

function categoryOf(category: ConditionEntry['category']): CodeableConcept {
  if (category === 'health-concern') return fixed(SYSTEM.usCoreConditionCategory, 'health-concern', 'Health Concern');
  if (category === 'encounter-diagnosis')
    return fixed(SYSTEM.conditionCategory, 'encounter-diagnosis', 'Encounter Diagnosis');
  return fixed(SYSTEM.conditionCategory, 'problem-list-item', 'Problem List Item');
}

/** Status and abatement: resolved when the abatement falls within the record, active otherwise. */
function statusOf(
  abatement: string | undefined,
  asOf: string,
): Pick<Condition, 'clinicalStatus' | 'abatementDateTime'> {
  if (abatement !== undefined && dayOf(abatement) <= asOf) {
    return { clinicalStatus: CLINICAL.resolved, abatementDateTime: abatement };
  }
  return { clinicalStatus: CLINICAL.active };
}

/** The latest of some dates or dateTimes (ISO strings compare in time order at day precision). */
function latest(values: string[]): string {
  return values.reduce((a, b) => (b > a ? b : a));
}

interface ConditionParts {
  id: string;
  entry: ConditionEntry;
  category: ConditionEntry['category'];
  recorded: string;
  updated: string;
  abatement: string | undefined;
  encounter?: Reference;
}

function condition(scope: ClinicalScope, parts: ConditionParts): Condition {
  const { entry, category } = parts;
  const profile = category === 'encounter-diagnosis' ? PROFILE.diagnosis : PROFILE.problem;
  return {
    resourceType: 'Condition',
    id: parts.id,
    meta: scope.meta(profile, parts.updated),
    extension: [{ url: ASSERTED_DATE, valueDateTime: parts.recorded }],
    ...statusOf(parts.abatement, scope.asOf),
    verificationStatus: CONFIRMED,
    category: [categoryOf(category)],
    code: diagnosisConcept(entry),
    subject: scope.patient,
    ...(parts.encounter ? { encounter: parts.encounter } : {}),
    onsetDateTime: entry.onset,
    recordedDate: parts.recorded,
  };
}

/**
 * Problem-list items and health concerns (one per condition of the member), then one encounter diagnosis per
 * diagnosis of every visit, linked to its Encounter.
 */
export function renderConditions(scope: ClinicalScope, plan: IdPlan, out: Rendered): void {
  const visits = scope.encounterEvents;
  for (const { entry, id } of plan.problems) {
    const diagnosedAt = visits.filter(({ event }) => event.diagnoses.some((d) => d.key === entry.key));
    const first = diagnosedAt.find(({ event }) => dayOf(event.start) >= entry.onset) ?? diagnosedAt[0];
    const last = diagnosedAt[diagnosedAt.length - 1];
    const recorded = first ? dayOf(first.event.start) : entry.onset;
    const encounterId = first ? plan.encounter.get(first.index) : undefined;
    const updated = latest([last?.event.end ?? recorded, entry.abatement ?? '']);
    const parts: ConditionParts = {
      id,
      entry,
      category: entry.category,
      recorded,
      updated,
      abatement: entry.abatement,
      ...(encounterId !== undefined ? { encounter: { reference: `Encounter/${encounterId}` } } : {}),
    };
    out.add(condition(scope, parts));
  }

  for (const { event, index } of visits) {
    const ids = plan.diagnoses.get(index) ?? [];
    const encounterId = plan.encounter.get(index);
    event.diagnoses.forEach((entry, i) => {
      const id = ids[i];
      if (id === undefined) return;
      const day = dayOf(event.start);
      // An acute problem with no recorded end is over a couple of weeks after the visit; chronic ones go on.
      const chronic = plan.problem.has(entry.key) && entry.category !== 'encounter-diagnosis';
      const acuteEnd = addDays(day, ACUTE_DAYS);
      const abatement = entry.abatement ?? (chronic || acuteEnd > scope.asOf ? undefined : acuteEnd);
      const parts: ConditionParts = {
        id,
        entry,
        category: 'encounter-diagnosis',
        recorded: day,
        updated: event.end,
        abatement,
        ...(encounterId !== undefined ? { encounter: { reference: `Encounter/${encounterId}` } } : {}),
      };
      out.add(condition(scope, parts), index);
    });
  }

  for (const { entry, id } of plan.orphanDiagnoses) {
    const parts = { id, entry, category: entry.category, recorded: entry.onset, abatement: entry.abatement };
    out.add(condition(scope, { ...parts, updated: latest([entry.onset, entry.abatement ?? '']) }));
  }
}
