import type { Medication, MedicationDispense, MedicationRequest, Quantity, Reference } from 'fhir/r4';
import type { CareEvent, MedicationEntry } from '../model.ts';
import { type ClinicalScope, type Rendered, addDays, dayOf, dirRef } from './context.ts';
import { SYSTEM, coding, fixed } from './codes.ts';
import type { IdPlan } from './plan.ts';
import { type PlannedRx, authorizingRx, repeatsAllowed } from './prescriptions.ts';
import { PROFILE } from './profiles.ts';
import { sigDosage, sigDose } from './sig.ts';

/** Share of drugs coded through a Medication resource rather than inline (US Core allows both). */
const REFERENCED_SHARE = 0.35;

/** How each drug is coded: inline, or by reference to one Medication resource per drug. */
class MedicationCoder {
  readonly #scope: ClinicalScope;
  readonly #ids = new Map<string, string>();
  readonly resources: Medication[] = [];

  constructor(scope: ClinicalScope) {
    this.#scope = scope;
  }

  /** `medicationCodeableConcept` or `medicationReference` for a drug, the same choice every time. */
  code(
    med: MedicationEntry,
    updated: string,
  ): Pick<MedicationRequest, 'medicationCodeableConcept' | 'medicationReference'> {
    const concept = { coding: [coding(med.rxnorm), coding(med.ndc)], text: med.rxnorm.display };
    if (!this.#scope.rng(`medication-coding:${med.rxnorm.code}`).chance(REFERENCED_SHARE)) {
      return { medicationCodeableConcept: concept };
    }
    let id = this.#ids.get(med.rxnorm.code);
    if (id === undefined) {
      id = this.#scope.id('medication', this.#ids.size);
      this.#ids.set(med.rxnorm.code, id);
      this.resources.push({
        resourceType: 'Medication',
        id,
        meta: this.#scope.meta(PROFILE.medication, updated),
        code: concept,
        status: 'active',
      });
    }
    return { medicationReference: { reference: `Medication/${id}`, display: med.rxnorm.display } };
  }
}

function daysQuantity(days: number): Quantity {
  return { value: days, unit: 'days', system: SYSTEM.ucum, code: 'd' };
}

/** UCUM for the package units drugs are dispensed in (annotations for countable forms). */
const PACKAGE_UNITS: Readonly<Record<string, string>> = {
  tablet: '{tbl}',
  capsule: '{cap}',
  inhaler: '{inhaler}',
  mL: 'mL',
};

/**
 * The dispensed amount in the package's unit (60 tablets, 1 inhaler, 15 mL of insulin), which is not
 * always the unit of a dose (puffs, units); the dose's unit when the package unit is unknown.
 */
function amount(med: MedicationEntry): Quantity {
  const code = PACKAGE_UNITS[med.unit];
  if (code) return { value: med.quantity, unit: med.unit, system: SYSTEM.ucum, code };
  const dose = sigDose(med.dosage);
  return dose ? { ...dose, value: med.quantity } : { value: med.quantity };
}

/** Active while the supply it authorizes lasts past the record's end and no later order replaced it. */
function statusOf(rx: PlannedRx, med: MedicationEntry, plan: IdPlan, asOf: string): MedicationRequest['status'] {
  const supplyEnd = addDays(rx.authoredOn, med.daysSupply * (repeatsAllowed(med) + 1));
  const replaced = plan.prescriptions.some((o) => o !== rx && o.rxnorm === rx.rxnorm && o.authoredOn > rx.authoredOn);
  return !replaced && supplyEnd >= asOf ? 'active' : 'completed';
}

function categoryOf(event: CareEvent): MedicationRequest['category'] {
  if (event.kind === 'inpatient' || event.kind === 'delivery') {
    return [fixed(SYSTEM.medicationRequestCategory, 'discharge', 'Discharge')];
  }
  return [fixed(SYSTEM.medicationRequestCategory, 'community', 'Community')];
}

function request(
  scope: ClinicalScope,
  plan: IdPlan,
  coder: MedicationCoder,
  rx: PlannedRx,
  event: CareEvent,
  med: MedicationEntry,
): MedicationRequest {
  const encounterId = rx.implied ? undefined : plan.encounter.get(rx.eventIndex);
  return {
    resourceType: 'MedicationRequest',
    id: rx.id,
    meta: scope.meta(PROFILE.medicationRequest, event.end),
    status: statusOf(rx, med, plan, scope.asOf),
    intent: 'order',
    category: categoryOf(event),
    reportedBoolean: false,
    ...coder.code(med, event.end),
    subject: scope.patient,
    ...(encounterId !== undefined ? { encounter: { reference: `Encounter/${encounterId}` } } : {}),
    authoredOn: rx.implied ? rx.authoredOn : event.start,
    requester: dirRef(rx.prescriber),
    dosageInstruction: [sigDosage(med.dosage)],
    dispenseRequest: {
      validityPeriod: { start: rx.authoredOn, end: rx.validUntil },
      numberOfRepeatsAllowed: repeatsAllowed(med),
      quantity: amount(med),
      expectedSupplyDuration: daysQuantity(med.daysSupply),
    },
  };
}

/** MedicationRequests (with Medication resources for the drugs coded by reference) and a dispense per fill. */
export function renderMedications(scope: ClinicalScope, plan: IdPlan, out: Rendered): void {
  const coder = new MedicationCoder(scope);
  const { events } = scope.timeline;
  for (const rx of plan.prescriptions) {
    const event = events[rx.eventIndex];
    const med = event?.medications[rx.medIndex];
    if (!event || !med) continue;
    out.add(request(scope, plan, coder, rx, event, med), rx.implied ? undefined : rx.eventIndex);
  }

  const filled = new Set<string>();
  let n = 0;
  events.forEach((event, index) => {
    if (event.kind !== 'pharmacy') return;
    const day = dayOf(event.start);
    for (const med of event.medications) {
      const rx = authorizingRx(plan.prescriptions, med.rxnorm.code, day);
      const first = !filled.has(med.rxnorm.code);
      filled.add(med.rxnorm.code);
      const authorizing: Reference[] = rx ? [{ reference: `MedicationRequest/${rx.id}` }] : [];
      const dispense: MedicationDispense = {
        resourceType: 'MedicationDispense',
        id: scope.id('medicationDispense', n++),
        meta: scope.meta(PROFILE.medicationDispense, event.end),
        status: 'completed',
        ...coder.code(med, event.end),
        subject: scope.patient,
        performer: [{ actor: dirRef(event.organization) }],
        location: dirRef(event.location),
        ...(authorizing.length > 0 ? { authorizingPrescription: authorizing } : {}),
        type: first ? fixed(SYSTEM.actCode, 'FF', 'First Fill') : fixed(SYSTEM.actCode, 'RF', 'Refill'),
        quantity: amount(med),
        daysSupply: daysQuantity(med.daysSupply),
        whenPrepared: event.start,
        whenHandedOver: event.end,
        dosageInstruction: [sigDosage(med.dosage)],
      };
      out.add(dispense, index);
    }
  });
  for (const medication of coder.resources) out.add(medication);
}
