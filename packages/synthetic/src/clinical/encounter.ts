import type { CodeableConcept, Coding, Encounter, Period, Reference } from 'fhir/r4';
import type { CareEvent, ConditionEntry, EventKind } from '../model.ts';
import { type ClinicalScope, type Rendered, dirRef } from './context.ts';
import { ENCOUNTER_CLASS, SYSTEM, coding, concept, fixed } from './codes.ts';
import { type IdPlan, conditionRefFor } from './plan.ts';
import { PROFILE } from './profiles.ts';

const INPATIENT: readonly EventKind[] = ['inpatient', 'delivery'];

/** The v3 ActCode class of an event: inpatient stays and deliveries are IMP, the ED is EMER, the rest AMB. */
export function encounterClass(kind: EventKind): Coding {
  if (INPATIENT.includes(kind)) return { ...ENCOUNTER_CLASS.inpatient };
  if (kind === 'emergency') return { ...ENCOUNTER_CLASS.emergency };
  return { ...ENCOUNTER_CLASS.ambulatory };
}

/** The period of an event. */
export function eventPeriod(event: CareEvent): Period {
  return { start: event.start, end: event.end };
}

/** The diagnosis codes of an event entry as one concept: SNOMED CT first, ICD-10-CM as the billing translation. */
export function diagnosisConcept(entry: ConditionEntry): CodeableConcept {
  return { coding: [coding(entry.snomed), coding(entry.icd10)], text: entry.snomed.display };
}

/** One US Core Encounter per non-pharmacy care event. */
export function renderEncounters(scope: ClinicalScope, plan: IdPlan, out: Rendered): void {
  for (const { event, index } of scope.encounterEvents) {
    const id = plan.encounter.get(index);
    if (id === undefined) continue;
    const period = eventPeriod(event);
    const inpatient = INPATIENT.includes(event.kind);
    const reasons: Reference[] = [];
    const seen = new Set<string>();
    event.diagnoses.forEach((dx, i) => {
      const ref = conditionRefFor(plan, index, i, dx.key);
      if (ref.reference !== undefined && !seen.has(ref.reference)) {
        seen.add(ref.reference);
        reasons.push({ ...ref, display: dx.snomed.display });
      }
    });
    const principal = event.diagnoses[0];
    const encounter: Encounter = {
      resourceType: 'Encounter',
      id,
      meta: scope.meta(PROFILE.encounter, event.end),
      identifier: [{ system: SYSTEM.uri, value: scope.urn(`encounter:${event.key}`) }],
      status: 'finished',
      class: encounterClass(event.kind),
      type: [concept(event.encounterType)],
      subject: scope.patient,
      participant: [
        {
          type: [
            inpatient
              ? fixed(SYSTEM.participationType, 'ATND', 'attender')
              : fixed(SYSTEM.participationType, 'PPRF', 'primary performer'),
          ],
          period,
          individual: dirRef(event.practitioner),
        },
      ],
      period,
      ...(principal ? { reasonCode: [diagnosisConcept(principal)] } : {}),
      ...(reasons.length > 0 ? { reasonReference: reasons } : {}),
      ...(event.diagnoses.length > 0
        ? {
            diagnosis: (plan.diagnoses.get(index) ?? []).map((dxId, i) => ({
              condition: { reference: `Condition/${dxId}` },
              use: fixed(SYSTEM.diagnosisRole, 'billing', 'Billing'),
              rank: i + 1,
            })),
          }
        : {}),
      ...(inpatient
        ? { hospitalization: { dischargeDisposition: fixed(SYSTEM.dischargeDisposition, 'home', 'Home') } }
        : {}),
      location: [{ location: dirRef(event.location), status: 'completed', period }],
      serviceProvider: dirRef(event.organization),
    };
    out.add(encounter, index);
  }
}
