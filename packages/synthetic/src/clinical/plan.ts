/**
 * The ids of the resources that refer to one another across families (an Encounter names its diagnoses, a
 * Condition its encounter, a report its results), assigned up front so each family renders independently.
 */
import type { Reference } from 'fhir/r4';
import type { ConditionEntry } from '../model.ts';
import type { ClinicalScope } from './context.ts';
import { type PlannedRx, planPrescriptions } from './prescriptions.ts';

export interface IdPlan {
  /** Encounter id by event index (non-pharmacy events only). */
  encounter: Map<number, string>;
  /** Problem-list / health-concern Condition id by condition key. */
  problem: Map<string, string>;
  /** Problem Conditions in the order they render, with their ids. */
  problems: { entry: ConditionEntry; id: string }[];
  /** Encounter-diagnosis Condition ids by event index, in diagnosis order. */
  diagnoses: Map<number, string[]>;
  /** Encounter diagnoses of the condition list that no event names (rendered without an encounter). */
  orphanDiagnoses: { entry: ConditionEntry; id: string }[];
  /** Observation ids by event index, in observation order. */
  observations: Map<number, string[]>;
  /** MedicationRequests in timeline order. */
  prescriptions: PlannedRx[];
  /** Goal ids in care-plan order. */
  goals: string[];
  carePlan?: string;
  careTeam: string;
}

/** Assigns every cross-referenced id of a member's clinical record. */
export function planIds(scope: ClinicalScope): IdPlan {
  const { timeline } = scope;
  const plan: IdPlan = {
    encounter: new Map(),
    problem: new Map(),
    problems: [],
    diagnoses: new Map(),
    orphanDiagnoses: [],
    observations: new Map(),
    prescriptions: [],
    goals: (timeline.carePlan?.goals ?? []).map((_, i) => scope.id('goal', i)),
    careTeam: scope.id('careTeam', 0),
  };
  if (timeline.carePlan) plan.carePlan = scope.id('carePlan', 0);

  timeline.conditions
    .filter((c) => c.category !== 'encounter-diagnosis')
    .forEach((entry, i) => {
      const id = scope.id('problem', i);
      plan.problems.push({ entry, id });
      if (!plan.problem.has(entry.key)) plan.problem.set(entry.key, id);
    });

  let dx = 0;
  let obs = 0;
  scope.encounterEvents.forEach(({ event, index }, n) => {
    plan.encounter.set(index, scope.id('encounter', n));
    plan.diagnoses.set(
      index,
      event.diagnoses.map(() => scope.id('diagnosis', dx++)),
    );
    plan.observations.set(
      index,
      event.observations.map(() => scope.id('observation', obs++)),
    );
  });
  plan.prescriptions = planPrescriptions(scope);
  const diagnosed = new Set(scope.encounterEvents.flatMap(({ event }) => event.diagnoses.map((d) => d.key)));
  for (const entry of timeline.conditions) {
    if (entry.category === 'encounter-diagnosis' && !diagnosed.has(entry.key)) {
      plan.orphanDiagnoses.push({ entry, id: scope.id('diagnosis', dx++) });
    }
  }
  return plan;
}

/**
 * The Condition a diagnosis at an event stands for: the member's problem-list entry when the diagnosis is one
 * (a diabetic's follow-up is about the diabetes on the problem list), else the encounter diagnosis itself.
 */
export function conditionRefFor(plan: IdPlan, eventIndex: number, dxIndex: number, key: string): Reference {
  const problem = plan.problem.get(key);
  if (problem !== undefined) return { reference: `Condition/${problem}` };
  const id = plan.diagnoses.get(eventIndex)?.[dxIndex];
  if (id === undefined) throw new Error(`no diagnosis ${dxIndex} planned for event ${eventIndex}`);
  return { reference: `Condition/${id}` };
}
