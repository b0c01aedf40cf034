import type { SearchCase } from './cases.ts';

const NUCC = 'http://nucc.org/provider-taxonomy';
const HARTFORD = '41.7637|-72.6851';

/** Plan-Net 1.1 searches of Practitioner, PractitionerRole, Location and HealthcareService: chains, _has, includes, near. */
export const PLAN_NET_PROVIDER_CASES: readonly SearchCase[] = [
  // Practitioner
  { what: 'Practitioner name', url: 'Practitioner?name=burr', ids: ['prac-1'] },
  { what: 'Practitioner name ignores accents', url: 'Practitioner?name=nunez', ids: ['prac-3'] },
  { what: 'Practitioner family', url: 'Practitioner?family=Hamilton', ids: ['prac-2'] },
  { what: 'Practitioner family:exact keeps accents', url: 'Practitioner?family:exact=Núñez', ids: ['prac-3'] },
  { what: 'Practitioner given is a prefix match', url: 'Practitioner?given=jan', ids: ['prac-1'] },
  { what: 'Practitioner name:contains', url: 'Practitioner?name:contains=ami', ids: ['prac-2'] },
  {
    what: 'Practitioner _sort by family',
    url: 'Practitioner?_sort=family',
    ids: ['prac-4', 'prac-1', 'prac-2', 'prac-3'],
  },
  {
    what: 'Practitioner _sort by family descending',
    url: 'Practitioner?_sort=-family',
    ids: ['prac-3', 'prac-2', 'prac-1', 'prac-4'],
  },
  {
    what: '_has finds practitioners by their roles',
    url: `Practitioner?_has:PractitionerRole:practitioner:specialty=${NUCC}|207RC0000X`,
    ids: ['prac-2'],
  },
  {
    what: '_has with a code shared by several roles',
    url: 'Practitioner?_has:PractitionerRole:practitioner:specialty=207Q00000X',
    ids: ['prac-1', 'prac-3'],
  },
  {
    what: '_has by network',
    url: 'Practitioner?_has:PractitionerRole:practitioner:network=net-gold',
    ids: ['prac-1', 'prac-2'],
  },
  {
    what: '_has on Organization',
    url: 'Organization?_has:PractitionerRole:organization:specialty=207RC0000X',
    ids: ['org-hosp'],
  },
  {
    what: 'Practitioner _revinclude=PractitionerRole:practitioner',
    url: 'Practitioner?_id=prac-1&_revinclude=PractitionerRole:practitioner',
    ids: ['prac-1'],
    included: ['PractitionerRole/role-1', 'PractitionerRole/role-5'],
  },
  // PractitionerRole
  { what: 'PractitionerRole practitioner', url: 'PractitionerRole?practitioner=prac-1', ids: ['role-1', 'role-5'] },
  {
    what: 'PractitionerRole organization',
    url: 'PractitionerRole?organization=Organization/org-hosp',
    ids: ['role-2', 'role-3', 'role-5'],
  },
  { what: 'PractitionerRole location', url: 'PractitionerRole?location=loc-hosp', ids: ['role-2', 'role-3'] },
  { what: 'PractitionerRole service', url: 'PractitionerRole?service=hs-hosp-cardio', ids: ['role-2'] },
  {
    what: 'PractitionerRole network (extension)',
    url: 'PractitionerRole?network=net-silver',
    ids: ['role-2', 'role-3', 'role-4'],
  },
  { what: 'PractitionerRole endpoint', url: 'PractitionerRole?endpoint=ep-clinic', ids: ['role-1'] },
  {
    what: 'PractitionerRole role',
    url: 'PractitionerRole?role=http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/ProviderRoleCS|ph',
    ids: ['role-1', 'role-2', 'role-3', 'role-5'],
  },
  {
    what: 'PractitionerRole specialty',
    url: `PractitionerRole?specialty=${NUCC}|207Q00000X`,
    ids: ['role-1', 'role-3', 'role-5'],
  },
  { what: 'chain practitioner.name', url: 'PractitionerRole?practitioner.name=burr', ids: ['role-1', 'role-5'] },
  { what: 'chain location.address-city', url: 'PractitionerRole?location.address-city=Norwalk', ids: ['role-1'] },
  { what: 'chain network.name', url: 'PractitionerRole?network.name=Acme Gold', ids: ['role-1', 'role-2', 'role-5'] },
  {
    what: 'chain organization.name',
    url: 'PractitionerRole?organization.name=hartford',
    ids: ['role-2', 'role-3', 'role-5'],
  },
  { what: 'a chain of two links', url: 'PractitionerRole?location.organization.name=burr', ids: ['role-1'] },
  {
    what: 'a chain with a type modifier',
    url: 'PractitionerRole?practitioner:Practitioner.family=Abbott',
    ids: ['role-4'],
  },
  {
    what: 'specialty, location and _include=PractitionerRole:practitioner together',
    url: `PractitionerRole?specialty=${NUCC}|207Q00000X&location=Location/loc-hosp&_include=PractitionerRole:practitioner`,
    ids: ['role-3'],
    included: ['Practitioner/prac-3'],
  },
  {
    what: 'every SHALL _include of PractitionerRole',
    url: 'PractitionerRole?_id=role-2&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization&_include=PractitionerRole:location&_include=PractitionerRole:service&_include=PractitionerRole:network&_include=PractitionerRole:endpoint',
    ids: ['role-2'],
    included: [
      'Endpoint/ep-hosp',
      'HealthcareService/hs-hosp-cardio',
      'Location/loc-hosp',
      'Organization/net-gold',
      'Organization/net-silver',
      'Organization/org-hosp',
      'Practitioner/prac-2',
    ],
  },
  {
    what: 'a plain _include does not apply to included resources',
    url: 'PractitionerRole?_id=role-1&_include=PractitionerRole:location&_include=Location:organization',
    ids: ['role-1'],
    included: ['Location/loc-clinic-norwalk', 'Location/loc-clinic-westhartford'],
  },
  {
    what: '_include:iterate follows PractitionerRole to Location to Organization and on up partof',
    url: 'PractitionerRole?_id=role-1&_include=PractitionerRole:location&_include:iterate=Location:organization&_include:iterate=Organization:partof',
    ids: ['role-1'],
    included: [
      'Location/loc-clinic-norwalk',
      'Location/loc-clinic-westhartford',
      'Organization/org-clinic',
      'Organization/org-hosp',
    ],
  },
  // Location
  {
    what: 'Location address (a part starts with the text)',
    url: 'Location?address=Hartford',
    ids: ['loc-hosp', 'loc-hosp-wing'],
  },
  {
    what: 'Location address:contains',
    url: 'Location?address:contains=hartford',
    ids: ['loc-clinic-westhartford', 'loc-hosp', 'loc-hosp-wing'],
  },
  { what: 'Location address-city', url: 'Location?address-city=West Hartford', ids: ['loc-clinic-westhartford'] },
  {
    what: 'Location address-city:exact',
    url: 'Location?address-city:exact=Hartford',
    ids: ['loc-hosp', 'loc-hosp-wing'],
  },
  { what: 'Location address-state', url: 'Location?address-state=MA', ids: ['loc-pharm', 'loc-state-ma'] },
  { what: 'Location address-postalcode', url: 'Location?address-postalcode=06102', ids: ['loc-hosp', 'loc-hosp-wing'] },
  { what: 'Location partof', url: 'Location?partof=loc-hosp', ids: ['loc-hosp-wing'] },
  {
    what: 'Location organization',
    url: 'Location?organization=org-clinic',
    ids: ['loc-clinic-norwalk', 'loc-clinic-westhartford'],
  },
  { what: 'Location endpoint', url: 'Location?endpoint=ep-hosp', ids: ['loc-hosp'] },
  {
    what: 'Location type',
    url: 'Location?type=http://terminology.hl7.org/CodeSystem/v3-RoleCode|PC',
    ids: ['loc-clinic-norwalk', 'loc-clinic-westhartford'],
  },
  {
    what: 'Location type:not keeps those without a type',
    url: 'Location?type:not=PC',
    ids: ['loc-hosp', 'loc-hosp-wing', 'loc-pharm', 'loc-state-ct', 'loc-state-ma'],
  },
  {
    what: 'Location name:contains',
    url: 'Location?name:contains=clinic',
    ids: ['loc-clinic-norwalk', 'loc-clinic-westhartford'],
  },
  { what: 'near within 4 km', url: `Location?near=${HARTFORD}|4|km`, ids: ['loc-hosp'] },
  { what: 'near within 4 miles', url: `Location?near=${HARTFORD}|4|mi`, ids: ['loc-clinic-westhartford', 'loc-hosp'] },
  { what: 'near within 1000 m', url: `Location?near=${HARTFORD}|1000|m`, ids: [] },
  { what: 'near within 1500 m', url: `Location?near=${HARTFORD}|1500|m`, ids: ['loc-hosp'] },
  {
    what: 'near within 60 miles',
    url: `Location?near=${HARTFORD}|60|mi`,
    ids: ['loc-clinic-norwalk', 'loc-clinic-westhartford', 'loc-hosp'],
  },
  {
    what: 'near within 100 miles',
    url: `Location?near=${HARTFORD}|100|mi`,
    ids: ['loc-clinic-norwalk', 'loc-clinic-westhartford', 'loc-hosp', 'loc-pharm'],
  },
  {
    what: 'near in km by default',
    url: `Location?near=${HARTFORD}|100`,
    ids: ['loc-clinic-norwalk', 'loc-clinic-westhartford', 'loc-hosp'],
  },
  {
    what: 'near with another criterion',
    url: `Location?near=${HARTFORD}|100|mi&type=PC`,
    ids: ['loc-clinic-norwalk', 'loc-clinic-westhartford'],
  },
  {
    what: 'Location _include of organization, partof and endpoint',
    url: 'Location?_id=loc-hosp-wing,loc-hosp&_include=Location:organization&_include=Location:partof&_include=Location:endpoint',
    ids: ['loc-hosp', 'loc-hosp-wing'],
    included: ['Endpoint/ep-hosp', 'Organization/org-hosp'],
  },
  {
    what: 'Location _revinclude of roles, services and affiliations',
    url: 'Location?_id=loc-pharm&_revinclude=PractitionerRole:location&_revinclude=HealthcareService:location&_revinclude=OrganizationAffiliation:location',
    ids: ['loc-pharm'],
    included: ['HealthcareService/hs-pharm', 'OrganizationAffiliation/affil-2', 'PractitionerRole/role-4'],
  },
  // HealthcareService
  { what: 'HealthcareService name', url: 'HealthcareService?name=hgh', ids: ['hs-hosp-cardio'] },
  { what: 'HealthcareService location', url: 'HealthcareService?location=loc-pharm', ids: ['hs-pharm'] },
  {
    what: 'HealthcareService coverage-area',
    url: 'HealthcareService?coverage-area=loc-state-ct',
    ids: ['hs-clinic-primary', 'hs-hosp-cardio'],
  },
  {
    what: 'HealthcareService organization',
    url: 'HealthcareService?organization=org-clinic',
    ids: ['hs-clinic-primary'],
  },
  { what: 'HealthcareService endpoint', url: 'HealthcareService?endpoint=ep-hosp', ids: ['hs-hosp-cardio'] },
  {
    what: 'HealthcareService service-category',
    url: 'HealthcareService?service-category=http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/HealthcareServiceCategoryCS|pharm',
    ids: ['hs-pharm'],
  },
  { what: 'HealthcareService service-type', url: 'HealthcareService?service-type=124', ids: ['hs-clinic-primary'] },
  { what: 'HealthcareService specialty', url: 'HealthcareService?specialty=207RC0000X', ids: ['hs-hosp-cardio'] },
  // The Plan-Net combination: services of a specialty that an affiliation offers in a network.
  {
    what: 'HealthcareService specialty with _has:OrganizationAffiliation:service:network',
    url: 'HealthcareService?specialty=207Q00000X&_has:OrganizationAffiliation:service:network=net-gold',
    ids: ['hs-clinic-primary'],
  },
  {
    what: 'HealthcareService specialty in a network that no affiliation offers it in',
    url: 'HealthcareService?specialty=207Q00000X&_has:OrganizationAffiliation:service:network=Organization/net-silver',
    ids: [],
  },
  {
    what: 'HealthcareService system|code specialty with _has network',
    url: `HealthcareService?specialty=${NUCC}|3336C0003X&_has:OrganizationAffiliation:service:network=Organization/net-silver`,
    ids: ['hs-pharm'],
  },
  {
    what: 'HealthcareService _has network: a service only a PractitionerRole offers is not in it',
    url: 'HealthcareService?specialty=207RC0000X&_has:OrganizationAffiliation:service:network=net-gold',
    ids: [],
  },
  {
    what: 'HealthcareService _has network with two networks (OR)',
    url: 'HealthcareService?_has:OrganizationAffiliation:service:network=net-gold,net-silver',
    ids: ['hs-clinic-primary', 'hs-pharm'],
  },
  {
    what: 'HealthcareService _has with a chain to the network name',
    url: 'HealthcareService?specialty=207Q00000X&_has:OrganizationAffiliation:service:network.name=acme gold',
    ids: ['hs-clinic-primary'],
  },
  {
    what: 'HealthcareService specialty, _has network and _include of the locations',
    url: 'HealthcareService?specialty=207Q00000X&_has:OrganizationAffiliation:service:network=net-gold&_include=HealthcareService:location',
    ids: ['hs-clinic-primary'],
    included: ['Location/loc-clinic-norwalk', 'Location/loc-clinic-westhartford'],
  },
  {
    what: 'HealthcareService chain location.address-state',
    url: 'HealthcareService?location.address-state=MA',
    ids: ['hs-pharm'],
  },
];
