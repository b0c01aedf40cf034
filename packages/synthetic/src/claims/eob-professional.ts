import type { ExplanationOfBenefit, ExplanationOfBenefitCareTeam, ExplanationOfBenefitItem } from 'fhir/r4';
import { sumAmounts } from './adjudicate.ts';
import { costRuleFor, dentalRule } from './benefits.ts';
import { concept, type PLACE_OF_SERVICE, placeOfService, SYS } from './codes.ts';
import { type ClaimsContext, eobClosing, eobHeader, type EventClaim } from './eob-header.ts';
import {
  amountAdjudications,
  claimDiagnoses,
  claimType,
  isPractitioner,
  qualification,
  ref,
  ROLE,
  statusAdjudication,
  SupportingInfoList,
} from './eob-parts.ts';
import { ageOn, billedServices } from './lines.ts';
import type { CareEvent } from '../model.ts';

/** Where a professional service happened (CMS place of service), from the kind of event. */
function placeKey(event: CareEvent): keyof typeof PLACE_OF_SERVICE {
  switch (event.kind) {
    case 'lab':
      return 'lab';
    case 'emergency':
      return 'emergency';
    case 'inpatient':
    case 'delivery':
      return 'inpatient';
    case 'outpatient-surgery':
      return 'outpatient';
    default:
      return 'office';
  }
}

/** Contracted share of billed charges: labs are discounted hardest, dentists least. */
function allowedRatio(event: CareEvent, draw: number): number {
  if (event.kind === 'lab') return 0.25 + draw * 0.2;
  if (event.claim === 'oral') return 0.6 + draw * 0.2;
  return 0.45 + draw * 0.25;
}

/**
 * Renders a CMS-1500 professional claim (C4BB Professional NonClinician) or an ADA dental claim (C4BB
 * Oral). The billing provider is the practice (professional) or the dentist (oral, whose profile requires
 * a Practitioner); the rendering practitioner leads the care team with their NUCC specialty.
 */
export function renderProfessional(ctx: ClaimsContext, claim: EventClaim): ExplanationOfBenefit {
  const { event, rng, dates } = claim;
  const oral = event.claim === 'oral';
  const rendering = isPractitioner(event.practitioner) ? event.practitioner : undefined;
  const provider = oral && rendering ? ref(rendering) : ref(event.organization);
  const header = eobHeader(
    ctx,
    claim,
    oral ? 'Oral' : 'Professional-NonClinician',
    claimType(oral ? 'oral' : 'professional'),
    provider,
  );

  const careTeam: ExplanationOfBenefitCareTeam[] = [];
  if (rendering) {
    const q = qualification(rendering);
    careTeam.push({
      sequence: 1,
      provider: ref(rendering),
      role: ROLE.rendering(),
      ...(q ? { qualification: q } : {}),
    });
  }
  const pcp = ctx.timeline.primaryCare;
  if (!oral && isPractitioner(pcp) && pcp.reference !== rendering?.reference) {
    careTeam.push({ sequence: careTeam.length + 1, provider: ref(pcp), role: ROLE.primary() });
  }

  const info = new SupportingInfoList();
  info.add('clmrecvddate', { timingDate: dates.received });
  // The dental office is named as service facility because the billing provider is the dentist.
  if (oral) info.add('servicefacility', { valueReference: ref(event.organization) });

  const adult = ageOn(ctx.timeline.person.birthDate, dates.start) >= 18;
  const fallback = oral ? 'dental' : event.kind === 'immunization' ? 'immunization' : adult ? 'adult' : 'child';
  const codes = claimDiagnoses(event.diagnoses, fallback);

  const services = billedServices(event, oral ? 'oral' : 'professional');
  const ratio = allowedRatio(event, rng.next());
  const claimRule = costRuleFor(event, ctx.design, false);
  const amounts = ctx.ledger.adjudicate(
    dates.start.slice(0, 4),
    services.map((s) => ({
      submitted: s.chargeCents,
      allowedRatio: ratio,
      rule: oral ? dentalRule(s.raw) : claimRule,
    })),
  );
  const where = placeOfService(placeKey(event));
  const diagnosisPointers = codes.slice(0, 4).map((_, i) => i + 1);
  const items: ExplanationOfBenefitItem[] = services.map((service, i) => ({
    sequence: i + 1,
    ...(rendering ? { careTeamSequence: [1] } : {}),
    diagnosisSequence: diagnosisPointers,
    productOrService: service.code,
    servicedDate: dates.start,
    locationCodeableConcept: where,
    quantity: { value: service.units ?? 1 },
    adjudication: [...amountAdjudications(amounts[i] ?? sumAmounts([])), statusAdjudication('benefitpaymentstatus')],
  }));
  const closing = eobClosing(ctx, claim, sumAmounts(amounts));

  return {
    ...header,
    ...(careTeam.length > 0 ? { careTeam } : {}),
    supportingInfo: info.entries,
    diagnosis: codes.map((code, i) => ({
      sequence: i + 1,
      diagnosisCodeableConcept: code,
      type: [
        i === 0
          ? concept(SYS.diagnosisType, 'principal', 'Principal Diagnosis')
          : concept(SYS.c4bbDiagnosisType, 'secondary', 'Secondary'),
      ],
    })),
    insurance: closing.insurance,
    item: items,
    adjudication: oral
      ? [
          statusAdjudication('billingnetworkstatus'),
          statusAdjudication('renderingnetworkstatus'),
          statusAdjudication('benefitpaymentstatus'),
        ]
      : [statusAdjudication('billingnetworkstatus'), statusAdjudication('renderingnetworkstatus')],
    total: closing.total,
    payment: closing.payment,
  };
}
