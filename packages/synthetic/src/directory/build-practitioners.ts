import type {
  Extension,
  OrganizationAffiliation,
  Practitioner,
  PractitionerQualification,
  PractitionerRole,
  Reference,
} from 'fhir/r4';
import { ACCEPTING_PATIENTS, ENGLISH, EXTENSIONS, LANGUAGES, ORG_KIND_CODES, SYSTEMS, concept } from './codes.ts';
import type { DirectoryContext, PractitionerCore } from './context.ts';
import { address, locationRef, orgRef } from './build-providers.ts';
import {
  ID_TYPES,
  availableTime,
  directoryIdentifier,
  meta,
  networkReference,
  newPatients,
  npiIdentifier,
  phoneWithHours,
  ref,
  viaIntermediary,
} from './helpers.ts';
import { ids } from './ids.ts';
import { STATE_NAMES } from './places.ts';

/** The licensing board of each Plan-Net role, as "<State> <board>". */
const BOARDS: Readonly<Record<string, string>> = {
  ph: 'State Medical Board',
  pa: 'State Medical Board',
  de: 'State Dental Board',
  rx: 'Board of Pharmacy',
  crnp: 'Board of Nursing',
  cnw: 'Board of Nursing',
  oo: 'Optometry Board',
};

/** A reference to practitioner `p` named by its core. */
export function practitionerRef(core: PractitionerCore): Reference {
  return ref('Practitioner', ids.practitioner(core.index), core.display);
}

function networkRef(ctx: DirectoryContext, n: number): Reference {
  return ref('Organization', ids.network(n), ctx.plan.networks[n]);
}

/** The American specialty boards that certify physicians, by NUCC code prefix. */
const BOARD_CERTIFIERS: readonly (readonly [string, string])[] = [
  ['207Q', 'American Board of Family Medicine'],
  ['207R', 'American Board of Internal Medicine'],
  ['208M', 'American Board of Internal Medicine'],
  ['2080', 'American Board of Pediatrics'],
  ['207V', 'American Board of Obstetrics and Gynecology'],
  ['2084', 'American Board of Psychiatry and Neurology'],
  ['207N', 'American Board of Dermatology'],
  ['207W', 'American Board of Ophthalmology'],
  ['207Y', 'American Board of Otolaryngology - Head and Neck Surgery'],
  ['2088', 'American Board of Urology'],
  ['207X', 'American Board of Orthopaedic Surgery'],
  ['2086', 'American Board of Surgery'],
  ['207P', 'American Board of Emergency Medicine'],
  ['2085', 'American Board of Radiology'],
  ['207L', 'American Board of Anesthesiology'],
  ['207Z', 'American Board of Pathology'],
];

/** The Plan-Net qualification extension for a physician's board certification in their specialty. */
function boardCertification(
  ctx: DirectoryContext,
  p: PractitionerCore,
  since: number,
  certified: boolean,
): Extension[] {
  const board = BOARD_CERTIFIERS.find(([prefix]) => p.specialty.code.startsWith(prefix));
  if (!board || !certified) return [];
  return [
    {
      url: EXTENSIONS.qualification,
      extension: [
        { url: 'code', valueCodeableConcept: concept(ctx.nucc(p.specialty.code)) },
        { url: 'issuer', valueReference: { display: board[1] } },
        { url: 'status', valueCode: 'active' },
        { url: 'period', valuePeriod: { start: `${since}-07-01` } },
      ],
    },
  ];
}

/** A Practitioner with an NPI, licensure in their state, degree and languages. */
export function buildPractitioner(ctx: DirectoryContext, p: number): Practitioner {
  const core = ctx.practitionerCore(p);
  const rng = ctx.rng('prac-detail', p);
  const first = ctx.roleTopology(p);
  const firstOrg = ctx.orgCore(first.org);
  const site = ctx.locationCore(first.location, firstOrg);
  const state = firstOrg.metro.state;
  const stateName = STATE_NAMES[state] ?? state;
  const year = Number(ctx.asOf.slice(0, 4));
  const licensed = year - rng.int(2, 32);
  const qualification: PractitionerQualification[] = [
    {
      extension: [
        {
          url: EXTENSIONS.practitionerQualification,
          extension: [
            { url: 'status', valueCode: 'active' },
            { url: 'whereValid', valueCodeableConcept: { coding: [{ system: SYSTEMS.usps, code: state }] } },
          ],
        },
      ],
      identifier: [
        {
          type: concept(ID_TYPES.license),
          value: `${state}-${rng.int(10, 99)}.${String(rng.int(0, 999999)).padStart(6, '0')}`,
        },
      ],
      code: concept(ctx.nucc(core.specialty.code)),
      period: { start: `${licensed}-${String(rng.int(1, 12)).padStart(2, '0')}-01` },
      issuer: { display: `${stateName} ${BOARDS[core.specialty.role[0]] ?? 'State Medical Board'}` },
    },
  ];
  if (core.degree) {
    qualification.push({
      code: concept([SYSTEMS.degree, core.degree[0], core.degree[1]]),
      period: { start: `${licensed - 1}-05-15` },
    });
  }
  const communication = [concept(ENGLISH)];
  if (rng.chance(0.25)) communication.push(concept(rng.weighted(LANGUAGES)));
  const doctor = ['MD', 'DO', 'DDS', 'PharmD'].includes(core.credential);
  return {
    resourceType: 'Practitioner',
    id: ids.practitioner(p),
    meta: meta('Practitioner', ctx.asOfEndMs, rng),
    identifier: [npiIdentifier(core.npi)],
    active: true,
    name: [
      {
        use: 'official',
        text: core.display,
        family: core.family,
        given: core.given,
        ...(doctor ? { prefix: ['Dr.'] } : {}),
        suffix: [core.credential],
      },
    ],
    telecom: [{ system: 'phone', value: site.phone, use: 'work' }],
    address: [address(site)],
    gender: core.gender,
    qualification,
    communication,
  };
}

/** A PractitionerRole: where and as what a practitioner works, in which networks, accepting whom. */
export function buildPractitionerRole(ctx: DirectoryContext, r: number): PractitionerRole {
  const topo = ctx.roleTopology(r);
  const practitioner = ctx.practitionerCore(topo.practitioner);
  const org = ctx.orgCore(topo.org);
  const site = ctx.locationCore(topo.location, org);
  const rng = ctx.rng('role', r);
  const hours = ctx.orgHours(topo.org);
  const networks = ctx.orgNetworks(topo.org);
  const phone = phoneWithHours(site.phone, hours);
  if (topo.code[0] === 'ap') phone.extension = [...(phone.extension ?? []), viaIntermediary(orgRef(org))];
  const year = Number(ctx.asOf.slice(0, 4));
  const role: PractitionerRole = {
    resourceType: 'PractitionerRole',
    id: ids.role(r),
    meta: meta('PractitionerRole', ctx.asOfEndMs, rng),
    extension: [
      newPatients(rng.weighted(ACCEPTING_PATIENTS)),
      ...networks.map((n) => networkReference(networkRef(ctx, n))),
      ...boardCertification(ctx, practitioner, year - rng.int(1, 20), rng.chance(0.85)),
    ],
    identifier: [directoryIdentifier(ctx.plan.domain, 'practitioner-role', `PR${String(r + 1).padStart(8, '0')}`)],
    active: true,
    period: { start: `${year - rng.int(0, 15)}-${String(rng.int(1, 12)).padStart(2, '0')}-01` },
    practitioner: practitionerRef(practitioner),
    organization: orgRef(org),
    code: [concept([SYSTEMS.providerRole, topo.code[0], topo.code[1]])],
    specialty: [concept(ctx.nucc(practitioner.specialty.code))],
    location: [locationRef(site)],
    telecom: [phone],
    availableTime: availableTime(hours),
  };
  if (rng.chance(0.04)) {
    const month = String(rng.int(1, 12)).padStart(2, '0');
    role.notAvailable = [
      { description: 'On leave', during: { start: `${year}-${month}-01`, end: `${year}-${month}-28` } },
    ];
  }
  const service = ctx.layout.serviceOf(topo.org);
  if (service !== undefined) role.healthcareService = [ref('HealthcareService', ids.service(service))];
  const endpoint = ctx.layout.endpointOf(topo.org);
  if (endpoint !== undefined) role.endpoint = [ref('Endpoint', ids.endpoint(endpoint))];
  return role;
}

/**
 * How organization `f` takes part in the plan's networks (all it is in, as its practitioner roles list), with
 * the healthcare service it provides there; a clinic, lab or dental practice is affiliated through the
 * hospital of its block (as the Plan-Net examples show), the others directly. This is what
 * `HealthcareService?_has:OrganizationAffiliation:service:network=` finds services in a network by.
 */
export function buildAffiliation(ctx: DirectoryContext, f: number): OrganizationAffiliation {
  const org = ctx.orgCore(f);
  const rng = ctx.rng('affiliation', f);
  const networks = ctx.orgNetworks(f);
  const codes = ORG_KIND_CODES[org.kind];
  const affiliation: OrganizationAffiliation = {
    resourceType: 'OrganizationAffiliation',
    id: ids.affiliation(f),
    meta: meta('OrganizationAffiliation', ctx.asOfEndMs, rng),
    identifier: [directoryIdentifier(ctx.plan.domain, 'affiliation', `OA${String(f + 1).padStart(7, '0')}`)],
    active: true,
    period: { start: `${Number(ctx.asOf.slice(0, 4)) - rng.int(1, 12)}-01-01` },
    participatingOrganization: orgRef(org),
    network: networks.map((n) => networkRef(ctx, n)),
    code: [concept(codes.affiliationRole)],
    specialty: [concept(ctx.nucc(codes.taxonomy))],
    location: Array.from({ length: ctx.layout.locationCount(f) }, (_, t) =>
      locationRef(ctx.locationCore(ctx.layout.locationOf(f, t), org)),
    ),
    telecom: [{ system: 'phone', value: ctx.locationCore(f, org).phone, use: 'work', rank: 1 }],
  };
  if (org.kind !== 'hospital' && org.kind !== 'pharmacy') {
    const hospital = ctx.orgCore(ctx.layout.orgInBlock(Math.floor(f / 10), 'hospital', 0));
    affiliation.organization = orgRef(hospital);
  }
  const service = ctx.layout.serviceOf(f);
  if (service !== undefined) affiliation.healthcareService = [ref('HealthcareService', ids.service(service))];
  const endpoint = ctx.layout.endpointOf(f);
  if (endpoint !== undefined) affiliation.endpoint = [ref('Endpoint', ids.endpoint(endpoint))];
  return affiliation;
}
