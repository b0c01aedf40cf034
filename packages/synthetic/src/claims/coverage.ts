import type { CodeableConcept, Coverage, CoverageCostToBeneficiary } from 'fhir/r4';
import { PATIENT_ACCESS_PROFILES } from '@plan-api/fhir';
import type { BenefitDesign } from './benefits.ts';
import { concept, PLAN_ID_SYSTEMS, SYS } from './codes.ts';
import { usd } from './eob-parts.ts';
import { memberResourceId } from '../ids.ts';
import type { DirectoryRef, MemberTimeline } from '../model.ts';
import { Rng } from '../rng.ts';

/** Source of Payment Typology codes (the US Core Coverage payer type) by the words of a product name. */
const PAYER_TYPES: readonly (readonly [RegExp, string, string])[] = [
  [/medicare.*\bhmo\b/, '111', 'Medicare HMO'],
  [/medicare.*\bppo\b/, '112', 'Medicare PPO'],
  [/medicare/, '11', 'Medicare Managed Care (Includes Medicare Advantage Plans)'],
  [/medicaid/, '21', 'Medicaid (Managed Care)'],
  [/\bhmo\b/, '511', 'Commercial Managed Care - HMO'],
  [/\bppo\b/, '512', 'Commercial Managed Care - PPO'],
  [/\bpos\b/, '513', 'Commercial Managed Care - POS'],
  [/\bepo\b/, '514', 'Exclusive Provider Organization'],
];

function payerType(planName: string): CodeableConcept {
  const name = planName.toLowerCase();
  const [, code, display] = PAYER_TYPES.find(([re]) => re.test(name)) ?? [null, '5', 'PRIVATE HEALTH INSURANCE'];
  return concept(SYS.sopt, code, display);
}

/** Employer accounts a commercial member's group can belong to; the city makes them local. */
const EMPLOYERS = [
  (city: string) => `${city} Unified School District`,
  (city: string) => `City of ${city}`,
  (city: string) => `${city} Regional Medical Supply`,
  (city: string) => `${city} Credit Union`,
  () => 'Northline Logistics, Inc.',
  () => 'Harborview Manufacturing Co.',
  () => 'Summit Ridge Engineering LLC',
  () => 'Bluewater Hospitality Group',
  () => 'Cedar & Pine Home Builders',
  () => 'Meridian Software Corporation',
];

const RELATIONSHIP = { self: ['Self', '01'], spouse: ['Spouse', '02'], child: ['Child', '03'] } as const;

function cost(code: string, display: string, cents: number): CoverageCostToBeneficiary {
  return { type: concept(SYS.copayType, code, display), valueMoney: usd(cents) };
}

/** The Coverage id of a member (one coverage, the focal one of every EOB). */
export function coverageId(patientId: string): string {
  return memberResourceId(patientId, 'cov', 0);
}

/**
 * The member's enrollment: US Core 6.1 Coverage and C4BB-Coverage, paid by the plan Organization, with
 * the group and plan classes of the ID card and the cost sharing that every EOB applies.
 */
export function renderCoverage(
  timeline: MemberTimeline,
  patientId: string,
  plan: DirectoryRef,
  design: BenefitDesign,
): Coverage {
  const p = timeline.person;
  const rng = new Rng(patientId).fork('coverage');
  const product = timeline.insurancePlan;
  const government = /medicare|medicaid/i.test(product.display);
  const groupName = government ? product.display : (rng.pick(EMPLOYERS)(p.address.city) as string);
  const groupNumber = government ? `IND${rng.int(100000, 999999)}` : `${rng.int(100000, 999999)}`;
  const planCode = product.reference.split('/')[1] ?? product.reference;
  const [relationshipDisplay, dependent] = RELATIONSHIP[p.relationship];
  const self = p.relationship === 'self';
  const beneficiary = { reference: `Patient/${patientId}`, display: [...p.given, p.family].join(' ') };
  return {
    resourceType: 'Coverage',
    id: coverageId(patientId),
    meta: {
      lastUpdated: `${timeline.coverageStart}T08:00:00Z`,
      profile: [...(PATIENT_ACCESS_PROFILES.Coverage ?? [])],
    },
    identifier: [
      {
        type: concept(SYS.v20203, 'MB', 'Member Number'),
        system: PLAN_ID_SYSTEMS.memberId,
        value: p.memberId,
        assigner: { reference: plan.reference, display: plan.display },
      },
    ],
    status: 'active',
    type: payerType(product.display),
    // The subscriber of a dependent's policy is a person the plan does not share; only the id is given.
    ...(self ? { policyHolder: beneficiary, subscriber: beneficiary } : {}),
    subscriberId: p.subscriberId,
    beneficiary,
    dependent,
    relationship: concept(SYS.subscriberRelationship, p.relationship, relationshipDisplay),
    period: { start: timeline.coverageStart },
    payor: [{ reference: plan.reference, display: plan.display }],
    class: [
      {
        type: concept(SYS.coverageClass, 'group', 'Group'),
        value: groupNumber,
        name: groupName,
      },
      { type: concept(SYS.coverageClass, 'plan', 'Plan'), value: planCode, name: product.display },
    ],
    network: product.display,
    costToBeneficiary: [
      // A high-deductible product has no visit copays: visits count toward the deductible.
      ...(design.highDeductible
        ? []
        : [
            cost('gpvisit', 'GP Office Visit', design.copay.primaryCare),
            cost('spvisit', 'Specialist Office Visit', design.copay.specialist),
            cost('emergency', 'Emergency', design.copay.emergency),
          ]),
      {
        type: concept(SYS.copayType, 'copaypct', 'Copay Percentage'),
        valueQuantity: { value: Math.round(design.coinsurance * 100), unit: '%', system: SYS.ucum, code: '%' },
      },
      cost('deductible', 'Deductible', design.deductible),
      cost('maxoutofpocket', 'Maximum out of pocket', design.outOfPocketMax),
    ],
  };
}
