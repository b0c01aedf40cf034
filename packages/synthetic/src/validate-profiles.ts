import { evalFhirPath } from '@medplum/core';
import type { Resource } from 'fhir/r4';
import type { ValidationIssue } from './validate-walk.ts';

const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';
const C4BB = 'http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-';
const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/plannet-';

/** A rule: a FHIRPath expression that must be true, and what it means. */
type Rule = readonly [expression: string, meaning: string];

const VITALS: Rule[] = [
  ["category.coding.where(code = 'vital-signs').exists()", 'category vital-signs (1..1)'],
  ['effective.exists()', 'effective[x] (1..1)'],
];
const EOB: Rule[] = [
  ["identifier.where(type.coding.code = 'uc').value.exists()", 'identifier:uniqueclaimid (1..1)'],
  ['type.exists()', 'type (1..1)'],
  ["use = 'claim'", "use = 'claim'"],
  ['billablePeriod.start.exists()', 'billablePeriod.start (1..1)'],
  ['insurer.exists() and provider.exists()', 'insurer and provider (1..1)'],
  ['insurance.coverage.exists() and insurance.focal.exists()', 'insurance.coverage and insurance.focal (1..1)'],
  ['item.exists()', 'item (1..*)'],
];
const ORG_PLAN_NET: Rule[] = [
  ['active = true', 'active = true (1..1)'],
  ['name.exists()', 'name (US Core 1..1)'],
];

/**
 * The elements that the claimed IG profiles make mandatory (min 1, fixed values, invariants) beyond base
 * R4, for the profiles the generators claim. The IG packages (StructureDefinitions of US Core 6.1, CARIN BB
 * 2.0, Plan-Net 1.1) cannot be fetched here, so the hard requirements are kept as FHIRPath rules: a
 * resource claiming a profile and missing one of these would fail that IG's validator too.
 */
const PROFILE_RULES: Readonly<Record<string, readonly Rule[]>> = {
  [`${US_CORE}us-core-patient`]: [
    ['identifier.exists() and identifier.all(system.exists() and value.exists())', 'identifier with system and value'],
    ['name.exists() and name.all(family.exists() or given.exists())', 'name with family or given (us-core-6)'],
    ['gender.exists()', 'gender (1..1)'],
  ],
  [`${US_CORE}us-core-encounter`]: [['type.exists() and subject.exists()', 'type (1..*) and subject (1..1)']],
  [`${US_CORE}us-core-condition-encounter-diagnosis`]: [
    ["category.coding.where(code = 'encounter-diagnosis').exists()", 'category encounter-diagnosis'],
    ['code.exists() and subject.exists()', 'code and subject (1..1)'],
  ],
  [`${US_CORE}us-core-condition-problems-health-concerns`]: [
    [
      "category.coding.where(code = 'problem-list-item' or code = 'health-concern').exists()",
      'category problem/concern',
    ],
    ['code.exists() and subject.exists()', 'code and subject (1..1)'],
  ],
  [`${US_CORE}us-core-observation-lab`]: [
    ["category.coding.where(code = 'laboratory').exists()", 'category laboratory'],
    ['subject.exists()', 'subject (1..1)'],
  ],
  [`${US_CORE}us-core-smokingstatus`]: [['subject.exists() and value.exists()', 'subject and value (1..1)']],
  [`${US_CORE}us-core-vital-signs`]: VITALS,
  [`${US_CORE}us-core-blood-pressure`]: [...VITALS, ['component.count() >= 2', 'systolic and diastolic components']],
  [`${US_CORE}us-core-bmi`]: VITALS,
  [`${US_CORE}us-core-body-height`]: VITALS,
  [`${US_CORE}us-core-body-weight`]: VITALS,
  [`${US_CORE}us-core-body-temperature`]: VITALS,
  [`${US_CORE}us-core-heart-rate`]: VITALS,
  [`${US_CORE}us-core-respiratory-rate`]: VITALS,
  [`${US_CORE}us-core-pulse-oximetry`]: VITALS,
  [`${US_CORE}us-core-allergyintolerance`]: [['code.exists()', 'code (1..1)']],
  [`${US_CORE}us-core-careplan`]: [
    ['text.exists()', 'text (1..1)'],
    ["category.coding.where(code = 'assess-plan').exists()", 'category assess-plan (1..1)'],
  ],
  [`${US_CORE}us-core-careteam`]: [
    ['subject.exists() and participant.exists()', 'subject (1..1) and participant (1..*)'],
    ['participant.all(role.exists() and member.exists())', 'participant.role and participant.member'],
  ],
  [`${US_CORE}us-core-procedure`]: [
    ["(status = 'completed' or status = 'in-progress') implies performed.exists()", 'performed[x] (us-core-7)'],
  ],
  [`${US_CORE}us-core-documentreference`]: [
    ['type.exists() and category.exists() and subject.exists()', 'type, category and subject'],
    ['content.attachment.all(url.exists() or data.exists())', 'attachment url or data (us-core-6)'],
  ],
  [`${US_CORE}us-core-diagnosticreport-lab`]: [['category.exists() and subject.exists()', 'category and subject']],
  [`${US_CORE}us-core-diagnosticreport-note`]: [['category.exists() and subject.exists()', 'category and subject']],
  [`${US_CORE}us-core-implantable-device`]: [['type.exists()', 'type (1..1)']],
  [`${US_CORE}us-core-medication`]: [['code.exists()', 'code (1..1)']],
  [`${US_CORE}us-core-coverage`]: [['relationship.exists() and payor.count() = 1', 'relationship and payor (1..1)']],
  [`${C4BB}Coverage`]: [['relationship.exists() and payor.count() = 1', 'relationship and payor (1..1)']],
  [`${US_CORE}us-core-practitioner`]: [['identifier.exists() and name.family.exists()', 'identifier and name.family']],
  [`${US_CORE}us-core-organization`]: [['name.exists()', 'name (1..1)']],
  [`${US_CORE}us-core-location`]: [['name.exists()', 'name (1..1)']],
  [`${C4BB}ExplanationOfBenefit-Inpatient-Institutional`]: EOB,
  [`${C4BB}ExplanationOfBenefit-Outpatient-Institutional`]: EOB,
  [`${C4BB}ExplanationOfBenefit-Professional-NonClinician`]: EOB,
  [`${C4BB}ExplanationOfBenefit-Pharmacy`]: EOB,
  [`${C4BB}ExplanationOfBenefit-Oral`]: EOB,
  [`${PLAN_NET}Endpoint`]: [
    ["status = 'active'", "status = 'active'"],
    ['payloadType.count() = 1', 'payloadType (1..1)'],
  ],
  [`${PLAN_NET}HealthcareService`]: [
    ['active = true', 'active = true (1..1)'],
    ['category.exists()', 'category (1..*)'],
  ],
  [`${PLAN_NET}InsurancePlan`]: [
    ["status = 'active' and type.count() = 1", "status = 'active' and type (1..1)"],
    ['ownedBy.exists() and administeredBy.exists()', 'ownedBy and administeredBy (1..1)'],
    ['network.exists() or plan.network.exists()', 'network-or-plan-Network'],
    ['plan.type.coding.code.isDistinct()', 'plan-type-is-distinct'],
  ],
  [`${PLAN_NET}Location`]: [
    ["status = 'active'", "status = 'active'"],
    ['mode.empty() and name.exists()', 'no mode (0..0), name (US Core 1..1)'],
  ],
  [`${PLAN_NET}Network`]: [
    ...ORG_PLAN_NET,
    ['type.count() = 1 and partOf.exists() and telecom.empty()', 'type and partOf (1..1), no telecom (0..0)'],
  ],
  [`${PLAN_NET}Organization`]: [...ORG_PLAN_NET, ['address.exists() and type.exists()', 'address and type (1..*)']],
  [`${PLAN_NET}OrganizationAffiliation`]: [
    ['active = true', 'active = true (1..1)'],
    ['organization.exists() or participatingOrganization.exists()', 'organization-or-participatingOrganization'],
  ],
  [`${PLAN_NET}Practitioner`]: [
    ['active = true', 'active = true (1..1)'],
    ['identifier.exists() and name.family.exists()', 'identifier and name.family (US Core)'],
    ['qualification.all(code.exists())', 'qualification.code (1..1)'],
  ],
  [`${PLAN_NET}PractitionerRole`]: [
    ['active = true', 'active = true (1..1)'],
    [
      'practitioner.exists() or organization.exists() or healthcareService.exists() or location.exists()',
      'practitioner-or-organization-or-healthcareservice-or-location',
    ],
    ['telecom.all(system.exists() and value.exists())', 'telecom.system and telecom.value (1..1)'],
  ],
};

/** The profile rules a resource breaks, for every profile it claims in meta.profile. */
export function profileIssues(resource: Resource): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const profile of resource.meta?.profile ?? []) {
    for (const [expression, meaning] of PROFILE_RULES[profile] ?? []) {
      let ok: boolean;
      try {
        ok = evalFhirPath(expression, resource)[0] === true;
      } catch (err) {
        ok = false;
        issues.push({ path: resource.resourceType, message: `rule ${expression} failed to run: ${String(err)}` });
        continue;
      }
      if (!ok)
        issues.push({ path: resource.resourceType, message: `${profile.split('/').pop() ?? profile}: ${meaning}` });
    }
  }
  return issues;
}
