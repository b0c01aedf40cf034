import type { SearchCase } from './cases.ts';

/** Plan-Net 1.1 searches of Organization, OrganizationAffiliation, InsurancePlan and Endpoint. */
export const PLAN_NET_ORGANIZATION_CASES: readonly SearchCase[] = [
  // Organization
  {
    what: 'Organization name is a prefix match, case-insensitive',
    url: 'Organization?name=acme',
    ids: ['net-gold', 'net-silver', 'org-payer'],
  },
  { what: 'Organization name matches an alias', url: 'Organization?name=HGH', ids: ['org-hosp'] },
  { what: 'Organization name:exact', url: 'Organization?name:exact=Burr Family Clinic', ids: ['org-clinic'] },
  { what: 'Organization name:exact is case-sensitive', url: 'Organization?name:exact=burr family clinic', ids: [] },
  { what: 'Organization name:contains', url: 'Organization?name:contains=street', ids: ['org-pharm'] },
  { what: 'Organization address', url: 'Organization?address=Hartford', ids: ['org-hosp', 'org-payer'] },
  { what: 'Organization partof', url: 'Organization?partof=Organization/org-payer', ids: ['net-gold', 'net-silver'] },
  {
    what: 'Organization partof:missing',
    url: 'Organization?partof:missing=true',
    ids: ['org-hosp', 'org-payer', 'org-pharm', 'org-tpa'],
  },
  {
    what: 'Organization type (networks)',
    url: 'Organization?type=http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/OrgTypeCS|ntwk',
    ids: ['net-gold', 'net-silver'],
  },
  { what: 'Organization endpoint', url: 'Organization?endpoint=ep-hosp', ids: ['org-hosp'] },
  { what: 'Organization coverage-area', url: 'Organization?coverage-area=Location/loc-state-ct', ids: ['net-gold'] },
  {
    what: 'Organization _revinclude of roles and affiliations',
    url: 'Organization?_id=org-clinic&_revinclude=PractitionerRole:organization&_revinclude=OrganizationAffiliation:participating-organization&_revinclude=Endpoint:organization',
    ids: ['org-clinic'],
    included: [
      'Endpoint/ep-clinic',
      'OrganizationAffiliation/affil-1',
      'OrganizationAffiliation/affil-3',
      'PractitionerRole/role-1',
    ],
  },
  // OrganizationAffiliation
  {
    what: 'OrganizationAffiliation primary-organization',
    url: 'OrganizationAffiliation?primary-organization=org-payer',
    ids: ['affil-1', 'affil-2'],
  },
  {
    what: 'OrganizationAffiliation participating-organization',
    url: 'OrganizationAffiliation?participating-organization=org-clinic',
    ids: ['affil-1', 'affil-3'],
  },
  { what: 'OrganizationAffiliation location', url: 'OrganizationAffiliation?location=loc-pharm', ids: ['affil-2'] },
  {
    what: 'OrganizationAffiliation service',
    url: 'OrganizationAffiliation?service=hs-clinic-primary',
    ids: ['affil-1'],
  },
  { what: 'OrganizationAffiliation network', url: 'OrganizationAffiliation?network=net-gold', ids: ['affil-1'] },
  { what: 'OrganizationAffiliation endpoint', url: 'OrganizationAffiliation?endpoint=ep-clinic', ids: ['affil-1'] },
  { what: 'OrganizationAffiliation role', url: 'OrganizationAffiliation?role=pharmacy', ids: ['affil-2'] },
  {
    what: 'OrganizationAffiliation specialty',
    url: 'OrganizationAffiliation?specialty=207Q00000X',
    ids: ['affil-1', 'affil-3'],
  },
  {
    what: 'OrganizationAffiliation chain participating-organization.name',
    url: 'OrganizationAffiliation?participating-organization.name=main street',
    ids: ['affil-2'],
  },
  // InsurancePlan
  { what: 'InsurancePlan name', url: 'InsurancePlan?name=acme gold', ids: ['plan-gold'] },
  { what: 'InsurancePlan name matches an alias', url: 'InsurancePlan?name=silver saver', ids: ['plan-silver'] },
  { what: 'InsurancePlan administered-by', url: 'InsurancePlan?administered-by=org-tpa', ids: ['plan-silver'] },
  { what: 'InsurancePlan owned-by', url: 'InsurancePlan?owned-by=org-payer', ids: ['plan-gold', 'plan-silver'] },
  {
    what: 'InsurancePlan coverage-area (product level)',
    url: 'InsurancePlan?coverage-area=loc-state-ct',
    ids: ['plan-gold'],
  },
  {
    what: 'InsurancePlan coverage-area (plan level)',
    url: 'InsurancePlan?coverage-area=loc-state-ma',
    ids: ['plan-silver'],
  },
  {
    what: 'InsurancePlan plan-type',
    url: 'InsurancePlan?plan-type=http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/InsurancePlanTypeCS|silver',
    ids: ['plan-silver'],
  },
  { what: 'InsurancePlan identifier', url: 'InsurancePlan?identifier=GOLD-2024', ids: ['plan-gold'] },
  { what: 'InsurancePlan type', url: 'InsurancePlan?type=commppo', ids: ['plan-gold'] },
  // Endpoint
  { what: 'Endpoint organization', url: 'Endpoint?organization=org-hosp', ids: ['ep-hosp'] },
  {
    what: 'Endpoint _lastUpdated',
    url: 'Endpoint?_lastUpdated=gt2020-01-01&organization=org-clinic',
    ids: ['ep-clinic'],
  },
];

const DIRECTORY_SAMPLES = [
  'Organization/org-hosp',
  'Practitioner/prac-1',
  'PractitionerRole/role-1',
  'Location/loc-hosp',
  'HealthcareService/hs-pharm',
  'OrganizationAffiliation/affil-1',
  'InsurancePlan/plan-gold',
  'Endpoint/ep-hosp',
];

/** `_id` and `_lastUpdated` on every Plan-Net type. */
export const PLAN_NET_COMMON_CASES: readonly SearchCase[] = DIRECTORY_SAMPLES.flatMap((sample) => {
  const [type, id = ''] = sample.split('/');
  return [
    { what: `${type} by _id and _lastUpdated`, url: `${type}?_id=${id}&_lastUpdated=gt2020-01-01`, ids: [id] },
    { what: `${type} _lastUpdated before any write`, url: `${type}?_lastUpdated=lt2020-01-01`, ids: [] },
  ];
});
