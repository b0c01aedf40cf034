import type { ExplanationOfBenefit, Resource } from 'fhir/r4';
import { CostShareLedger } from './adjudicate.ts';
import { designBenefits } from './benefits.ts';
import { coverageId, renderCoverage } from './coverage.ts';
import { claimDates, type ClaimsContext, type EventClaim } from './eob-header.ts';
import { renderInstitutional } from './eob-institutional.ts';
import { renderPharmacy } from './eob-pharmacy.ts';
import { renderProfessional } from './eob-professional.ts';
import { renderPatient } from './patient.ts';
import type { DirectoryRef, MemberTimeline } from '../model.ts';
import { Rng } from '../rng.ts';

export { coverageId } from './coverage.ts';
export { designBenefits, type BenefitDesign } from './benefits.ts';

/** What the claims renderer needs besides the timeline. */
export interface ClaimsRenderContext {
  /** The member's Patient id (`memberPatientId(seed)`). */
  patientId: string;
  /** The day the record ends (YYYY-MM-DD); no claim is received, adjudicated or paid after it. */
  asOf: string;
  /** The health plan Organization: Coverage.payor and every EOB's insurer. */
  plan: DirectoryRef;
}

/**
 * Renders the payer side of a member's record: the Patient, the Coverage, then one CARIN BB 2.0
 * ExplanationOfBenefit per care event (by its claim type), adjudicated in timeline order so deductibles
 * and out-of-pocket maximums accumulate as a real plan year would. The same timeline and context give
 * the same resources.
 */
export function renderClaims(timeline: MemberTimeline, ctx: ClaimsRenderContext): Resource[] {
  const design = designBenefits(ctx.patientId, timeline.insurancePlan);
  const claims: ClaimsContext = {
    patientId: ctx.patientId,
    asOf: ctx.asOf,
    plan: ctx.plan,
    timeline,
    coverage: { reference: `Coverage/${coverageId(ctx.patientId)}` },
    design,
    ledger: new CostShareLedger(design),
  };
  const rng = new Rng(ctx.patientId).fork('claims');
  const fills = new Map<string, number>();
  const eobs: ExplanationOfBenefit[] = [];
  timeline.events.forEach((event, index) => {
    const eventRng = rng.fork(event.key);
    const claim: EventClaim = { event, index, rng: eventRng, dates: claimDates(event, ctx.asOf, eventRng) };
    switch (event.claim) {
      case 'inpatient-institutional':
      case 'outpatient-institutional':
        eobs.push(renderInstitutional(claims, claim));
        break;
      case 'professional':
      case 'oral':
        eobs.push(renderProfessional(claims, claim));
        break;
      case 'pharmacy': {
        // Medication keys are per event; the drug itself links a fill to the earlier fills.
        const drug = event.medications[0]?.rxnorm.code ?? event.key;
        const fill = fills.get(drug) ?? 0;
        fills.set(drug, fill + 1);
        eobs.push(renderPharmacy(claims, claim, fill));
        break;
      }
    }
  });
  return [renderPatient(timeline, ctx.patientId), renderCoverage(timeline, ctx.patientId, ctx.plan, design), ...eobs];
}
