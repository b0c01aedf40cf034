import type { Observation, ObservationReferenceRange, Quantity, Reference } from 'fhir/r4';
import type { CareEvent, ObservationEntry } from '../model.ts';
import { type ClinicalScope, type Rendered, dirRef, toInstant } from './context.ts';
import { INTERPRETATION, SYSTEM, concept, fixed } from './codes.ts';
import { observationCodings, observationProfile } from './observation-profile.ts';
import type { IdPlan } from './plan.ts';

const CATEGORY_DISPLAY: Record<ObservationEntry['category'], string> = {
  laboratory: 'Laboratory',
  'vital-signs': 'Vital Signs',
  'social-history': 'Social History',
  survey: 'Survey',
  exam: 'Exam',
};

/** A UCUM quantity. */
export function ucum(value: number, unit: string, code: string): Quantity {
  return { value, unit, system: SYSTEM.ucum, code };
}

function valueOf(entry: ObservationEntry): Partial<Observation> {
  const v = entry.value;
  switch (v.kind) {
    case 'quantity':
      return { valueQuantity: ucum(v.value, v.unit, v.code) };
    case 'coded':
      return { valueCodeableConcept: concept(v.value) };
    case 'components':
      return {
        component: v.components.map((c) => ({
          code: concept(c.code),
          valueQuantity: ucum(c.value, c.unit, c.unitCode),
        })),
      };
  }
}

function referenceRange(entry: ObservationEntry): ObservationReferenceRange[] | undefined {
  if (entry.low === undefined && entry.high === undefined) return undefined;
  const unit = entry.value.kind === 'quantity' ? entry.value : undefined;
  const q = (value: number): Quantity => (unit ? ucum(value, unit.unit, unit.code) : { value });
  return [
    {
      ...(entry.low !== undefined ? { low: q(entry.low) } : {}),
      ...(entry.high !== undefined ? { high: q(entry.high) } : {}),
    },
  ];
}

/** Who made the observation: the performing laboratory for lab results, the clinician for the rest. */
function performers(entry: ObservationEntry, event: CareEvent): Reference[] {
  return [dirRef(entry.category === 'laboratory' ? event.organization : event.practitioner)];
}

/** One Observation of an event, claiming the US Core profile of its category and code. */
export function renderObservation(
  scope: ClinicalScope,
  event: CareEvent,
  entry: ObservationEntry,
  id: string,
  encounter: Reference | undefined,
): Observation {
  const profile = observationProfile(entry);
  const range = referenceRange(entry);
  const interpretation = entry.interpretation;
  return {
    resourceType: 'Observation',
    id,
    meta: scope.meta(profile, event.end),
    status: 'final',
    category: [fixed(SYSTEM.obsCategory, entry.category, CATEGORY_DISPLAY[entry.category])],
    code: { coding: observationCodings(entry, profile), text: entry.code.display },
    subject: scope.patient,
    ...(encounter ? { encounter } : {}),
    effectiveDateTime: event.start,
    issued: toInstant(event.end),
    performer: performers(entry, event),
    ...valueOf(entry),
    ...(interpretation ? { interpretation: [{ coding: [INTERPRETATION[interpretation]] }] } : {}),
    ...(range ? { referenceRange: range } : {}),
  };
}

/** Every observation of every visit. */
export function renderObservations(scope: ClinicalScope, plan: IdPlan, out: Rendered): void {
  for (const { event, index } of scope.encounterEvents) {
    const ids = plan.observations.get(index) ?? [];
    const encounterId = plan.encounter.get(index);
    const encounter = encounterId === undefined ? undefined : { reference: `Encounter/${encounterId}` };
    event.observations.forEach((entry, i) => {
      const id = ids[i];
      if (id !== undefined) out.add(renderObservation(scope, event, entry, id, encounter), index);
    });
  }
}
