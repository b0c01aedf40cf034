import type { ExplanationOfBenefit } from 'fhir/r4';
import { sumAmounts } from './adjudicate.ts';
import { concept, SYS } from './codes.ts';
import { type ClaimsContext, eobClosing, eobHeader, type EventClaim } from './eob-header.ts';
import {
  amountAdjudications,
  claimType,
  isPractitioner,
  ref,
  ROLE,
  statusAdjudication,
  SupportingInfoList,
} from './eob-parts.ts';
import type { MedicationEntry } from '../model.ts';
import type { Rng } from '../rng.ts';

/** Fills one prescription covers before the prescriber writes a new one (about a year of supply). */
export function fillsPerPrescription(med: MedicationEntry): number {
  return Math.max(1, Math.min(12, Math.floor(365 / Math.max(1, med.daysSupply))));
}

/**
 * The pharmacy's usual-and-customary price of a fill, in cents: the NDC's unit price (a few cents a
 * generic tablet, dollars a brand tablet, hundreds of dollars an inhaler) times the quantity, plus a
 * dispensing fee.
 */
function fillPrice(med: MedicationEntry, rng: Rng): number {
  const [min, max] = med.unitPriceCents;
  return rng.int(min, max) * Math.max(1, med.quantity) + rng.int(150, 300);
}

/**
 * The plan's contracted share of the billed price: generics are paid at a maximum allowable cost well
 * under the pharmacy's cash price, brands at a discount off list.
 */
function allowedShare(med: MedicationEntry, rng: Rng): number {
  return med.brand ? 0.8 + rng.next() * 0.08 : 0.3 + rng.next() * 0.25;
}

const quantity = (value: number, unit: string, code: string) => ({ value, unit, system: SYS.ucum, code });

/**
 * Renders a retail pharmacy fill as a C4BB Pharmacy EOB: the NDC dispensed, the NCPDP details (days
 * supply, refill number, DAW, brand/generic, origin, compound) and the tier copay. `fill` is the number
 * of earlier fills of the same drug, so the refill number restarts with each new prescription.
 */
export function renderPharmacy(ctx: ClaimsContext, claim: EventClaim, fill: number): ExplanationOfBenefit {
  const { event, rng, dates } = claim;
  const med = event.medications[0];
  if (!med) throw new Error(`pharmacy event ${event.key} has no medication`);
  const brand = med.brand;
  const perRx = fillsPerPrescription(med);
  const provider = ref(event.organization);
  const header = eobHeader(ctx, claim, 'Pharmacy', claimType('pharmacy'), provider);

  const info = new SupportingInfoList();
  info.add('dayssupply', { valueQuantity: quantity(med.daysSupply, 'days', 'd') });
  info.add('dawcode', {
    code: concept(SYS.daw, '0', 'No Product Selection Indicated'),
  });
  info.add('refillnum', { valueQuantity: { value: fill % perRx } });
  info.add('refillsauthorized', { valueQuantity: { value: perRx - 1 } });
  info.add('brandgenericindicator', {
    code: brand ? concept(SYS.brandGeneric, '1', 'Brand') : concept(SYS.brandGeneric, '2', 'Generic'),
  });
  info.add('rxorigincode', {
    code: rng.chance(0.85) ? concept(SYS.rxOrigin, '3', 'Electronic') : concept(SYS.rxOrigin, '1', 'Written'),
  });
  info.add('clmrecvddate', { timingDate: dates.received });
  info.add('compoundcode', { code: concept(SYS.compound, '1', 'Not a Compound') });

  const { brandRx, genericRx } = ctx.design.copay;
  const charges = event.medications.map((m) => ({
    submitted: fillPrice(m, rng),
    allowedRatio: allowedShare(m, rng),
    rule: { kind: 'rx' as const, copay: m.brand ? brandRx : genericRx },
  }));
  const amounts = ctx.ledger.adjudicate(dates.start.slice(0, 4), charges);
  const closing = eobClosing(ctx, claim, sumAmounts(amounts));

  return {
    ...header,
    ...(isPractitioner(event.practitioner)
      ? { careTeam: [{ sequence: 1, provider: ref(event.practitioner), role: ROLE.prescribing() }] }
      : {}),
    supportingInfo: info.entries,
    insurance: closing.insurance,
    item: event.medications.map((m, i) => ({
      sequence: i + 1,
      ...(isPractitioner(event.practitioner) ? { careTeamSequence: [1] } : {}),
      productOrService: concept(m.ndc.system, m.ndc.code, m.ndc.display),
      servicedDate: dates.start,
      quantity: { value: m.quantity },
      adjudication: amountAdjudications(amounts[i] ?? sumAmounts([])),
    })),
    adjudication: [statusAdjudication('billingnetworkstatus'), statusAdjudication('benefitpaymentstatus')],
    total: closing.total,
    payment: closing.payment,
  };
}
