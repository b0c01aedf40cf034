import type { Dosage, Medication, MedicationDispense, MedicationRequest, Reference, CodeableConcept } from 'fhir/r4';
import { capitalize, conceptCodes, conceptText, detailRows, referenceText, systemName } from '../datatypes.ts';
import { formatDate, formatNumber, formatQuantity, formatRatio, joinParts } from '../format.ts';
import type { ResourceSummary } from '../types.ts';

/** The medication of a request or dispense, by concept or by reference. */
function medicationText(concept: CodeableConcept | undefined, reference: Reference | undefined): string {
  return conceptText(concept) ?? referenceText(reference) ?? 'Medication';
}

/** How to take it: the dosage text, else dose and timing code. */
function dosageText(dosage: Dosage[] | undefined): string[] {
  return (dosage ?? []).map(
    (d) =>
      d.text ??
      joinParts(
        [formatQuantity(d.doseAndRate?.[0]?.doseQuantity), conceptText(d.timing?.code), conceptText(d.route)],
        ' ',
      ),
  );
}

/** MedicationRequest (a prescription): the drug, how to take it, quantity, refills and prescriber. */
export function summarizeMedicationRequest(request: MedicationRequest): ResourceSummary {
  const prescriber = referenceText(request.requester);
  const refills = request.dispenseRequest?.numberOfRepeatsAllowed;
  return {
    title: medicationText(request.medicationCodeableConcept, request.medicationReference),
    subtitle: joinParts([formatDate(request.authoredOn), request.status, prescriber]),
    ...(request.authoredOn !== undefined ? { date: request.authoredOn } : {}),
    rows: detailRows([
      ['Medication', conceptCodes(request.medicationCodeableConcept) ?? referenceText(request.medicationReference)],
      ['Status', capitalize(request.status)],
      ['Intent', capitalize(request.intent)],
      ['Dosage', dosageText(request.dosageInstruction)],
      ['Quantity', formatQuantity(request.dispenseRequest?.quantity)],
      ['Refills', refills === undefined ? undefined : formatNumber(refills)],
      ['Supply', formatQuantity(request.dispenseRequest?.expectedSupplyDuration)],
      ['Prescriber', prescriber],
      ['Written', formatDate(request.authoredOn)],
      ['Reason', (request.reasonCode ?? []).map(conceptText).filter((r): r is string => r !== undefined)],
    ]),
  };
}

/** MedicationDispense (a fill at a pharmacy): the drug, quantity, days of supply, pharmacy and date. */
export function summarizeMedicationDispense(dispense: MedicationDispense): ResourceSummary {
  const when = dispense.whenHandedOver ?? dispense.whenPrepared;
  const quantity = formatQuantity(dispense.quantity);
  const supply = formatQuantity(dispense.daysSupply);
  const pharmacy = referenceText(dispense.performer?.[0]?.actor) ?? referenceText(dispense.location);
  return {
    title: medicationText(dispense.medicationCodeableConcept, dispense.medicationReference),
    subtitle: joinParts([formatDate(when), quantity, supply && `${supply} supply`, pharmacy]),
    ...(when !== undefined ? { date: when } : {}),
    rows: detailRows([
      ['Medication', conceptCodes(dispense.medicationCodeableConcept) ?? referenceText(dispense.medicationReference)],
      ['Status', capitalize(dispense.status)],
      ['Fill', conceptText(dispense.type)],
      ['Quantity', quantity],
      ['Days supply', supply],
      ['Dispensed', formatDate(when)],
      ['Pharmacy', pharmacy],
      ['Dosage', dosageText(dispense.dosageInstruction)],
    ]),
  };
}

/** Medication: the drug with its RxNorm / NDC codes, form and ingredients. */
export function summarizeMedication(medication: Medication): ResourceSummary {
  const codes = (medication.code?.coding ?? []).map((c) => joinParts([systemName(c.system), c.code], ' '));
  return {
    title: conceptText(medication.code) ?? 'Medication',
    subtitle: joinParts([...codes, medication.status]),
    rows: detailRows([
      ['Codes', conceptCodes(medication.code)],
      ['Status', capitalize(medication.status)],
      ['Form', conceptText(medication.form)],
      ['Manufacturer', referenceText(medication.manufacturer)],
      [
        'Ingredients',
        (medication.ingredient ?? []).map((i) =>
          joinParts(
            [conceptText(i.itemCodeableConcept) ?? referenceText(i.itemReference), formatRatio(i.strength)],
            ' ',
          ),
        ),
      ],
    ]),
  };
}
