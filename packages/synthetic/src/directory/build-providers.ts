import type { ContactPoint, Endpoint, Extension, HealthcareService, Location, Organization, Reference } from 'fhir/r4';
import {
  ACCEPTING_PATIENTS,
  CONNECTION_DIRECT,
  CONNECTION_FHIR,
  DELIVERY_PHYSICAL,
  EXTENSIONS,
  ORG_KIND_CODES,
  PAYLOAD_NA,
  coding,
  concept,
  type OrgKind,
} from './codes.ts';
import type { DirectoryContext, LocationCore, OrgCore } from './context.ts';
import {
  EIN,
  ID_TYPES,
  availableTime,
  directoryIdentifier,
  meta,
  newPatients,
  npiIdentifier,
  phoneWithHours,
  ref,
  viaIntermediary,
} from './helpers.ts';
import { ids } from './ids.ts';
import { BLOCK } from './layout.ts';
import { STATE_NAMES } from './places.ts';

const DESCRIPTIONS: Readonly<Record<OrgKind, string>> = {
  hospital: 'Acute care hospital with a 24-hour emergency department',
  clinic: 'Primary and specialty care practice',
  pharmacy: 'Retail pharmacy',
  lab: 'Clinical laboratory and patient service center',
  dental: 'General and preventive dental practice',
};

const SERVICE_NAMES: Readonly<Record<OrgKind, string>> = {
  hospital: 'Inpatient and Emergency Services',
  clinic: 'Primary Care',
  pharmacy: 'Retail Pharmacy',
  lab: 'Laboratory Services',
  dental: 'General Dentistry',
};

/** A reference to organization `org` named by its core. */
export function orgRef(core: OrgCore): Reference {
  return ref('Organization', ids.org(core.index), core.name);
}

/** A reference to location `loc` named by its core. */
export function locationRef(core: LocationCore): Reference {
  return ref('Location', ids.location(core.index), core.name);
}

function endpointName(ctx: DirectoryContext, org: OrgCore, e: number): string {
  return ctx.endpointIsDirect(e) ? `${org.name} Direct Secure Messaging` : `${org.name} FHIR R4 API`;
}

/** The endpoint of an organization, if it has one. */
export function endpointRefs(ctx: DirectoryContext, org: OrgCore): Reference[] | undefined {
  const e = ctx.layout.endpointOf(org.index);
  return e === undefined ? undefined : [ref('Endpoint', ids.endpoint(e), endpointName(ctx, org, e))];
}

/** A postal address of a site. */
export function address(core: LocationCore): NonNullable<Location['address']> {
  return {
    use: 'work',
    type: 'both',
    text: `${core.line}, ${core.city}, ${core.state} ${core.postalCode}`,
    line: [core.line],
    city: core.city,
    state: core.state,
    postalCode: core.postalCode,
    country: 'US',
  };
}

/** The hospital a clinic of a health system belongs to (a third of clinics are in the block's system). */
export function parentHospital(ctx: DirectoryContext, org: OrgCore): OrgCore | undefined {
  if (org.kind !== 'clinic' || ctx.rng('org-system', org.index).next() >= 1 / 3) return undefined;
  return ctx.orgCore(ctx.layout.orgInBlock(Math.floor(org.index / BLOCK), 'hospital', 0));
}

function accreditation(ctx: DirectoryContext, org: OrgCore, since: number): Extension {
  return {
    url: EXTENSIONS.qualification,
    extension: [
      { url: 'identifier', valueIdentifier: { value: `${since}${String(org.index).padStart(6, '0')}` } },
      { url: 'code', valueCodeableConcept: concept(ctx.nucc(ORG_KIND_CODES[org.kind].taxonomy)) },
      { url: 'issuer', valueReference: { display: 'The Joint Commission' } },
      { url: 'status', valueCode: 'active' },
      { url: 'period', valuePeriod: { start: `${since}-01-01` } },
      {
        url: 'whereValid',
        valueCodeableConcept: { coding: [{ system: 'https://www.usps.com/', code: org.metro.state }] },
      },
    ],
  };
}

/** A provider Organization (clinic, hospital, pharmacy, lab or dental practice) with its NPI and TIN. */
export function buildOrganization(ctx: DirectoryContext, i: number): Organization {
  const core = ctx.orgCore(i);
  const site = ctx.locationCore(i, core);
  const hours = ctx.orgHours(i);
  const rng = ctx.rng('org-detail', i);
  const extension: Extension[] = [
    {
      url: EXTENSIONS.orgDescription,
      valueString: `${DESCRIPTIONS[core.kind]} in ${site.city}, ${STATE_NAMES[site.state] ?? site.state}`,
    },
  ];
  if (core.kind === 'hospital') extension.push(accreditation(ctx, core, Number(ctx.asOf.slice(0, 4)) - rng.int(1, 3)));
  const telecom: ContactPoint[] = [
    phoneWithHours(site.phone, hours),
    { system: 'url', value: `https://www.${core.domain}`, rank: 2 },
  ];
  const parent = parentHospital(ctx, core);
  if (parent) {
    const line = ctx.locationCore(parent.index, parent).phone;
    telecom.push({ extension: [viaIntermediary(orgRef(parent))], system: 'phone', value: line, use: 'work', rank: 3 });
  }
  const org: Organization = {
    resourceType: 'Organization',
    id: ids.org(i),
    meta: meta('Organization', ctx.asOfEndMs, rng),
    extension,
    identifier: [
      npiIdentifier(core.npi),
      {
        use: 'secondary',
        type: concept(ID_TYPES.tax),
        system: EIN,
        value: `${rng.int(20, 99)}-${rng.int(1000000, 9999999)}`,
      },
    ],
    active: true,
    type: [concept(ORG_KIND_CODES[core.kind].orgType)],
    name: core.name,
    telecom,
    address: [address(site)],
  };
  if (parent) org.partOf = orgRef(parent);
  if (core.kind !== 'pharmacy') {
    org.contact = [
      {
        purpose: concept(['http://terminology.hl7.org/CodeSystem/contactentity-type', 'ADMIN', 'Administrative']),
        name: { text: core.kind === 'hospital' ? 'Medical Staff Office' : 'Practice Manager' },
        telecom: [{ system: 'phone', value: site.phone, use: 'work' }],
      },
    ];
  }
  const endpoint = endpointRefs(ctx, core);
  if (endpoint) org.endpoint = endpoint;
  return org;
}

/** The electronic endpoint of organization `e`: a FHIR REST API or a Direct address. */
export function buildEndpoint(ctx: DirectoryContext, e: number): Endpoint {
  const org = ctx.orgCore(e);
  const rng = ctx.rng('endpoint', e);
  const direct = ctx.endpointIsDirect(e);
  const endpoint: Endpoint = {
    resourceType: 'Endpoint',
    id: ids.endpoint(e),
    meta: meta('Endpoint', ctx.asOfEndMs, rng),
    identifier: [directoryIdentifier(ctx.plan.domain, 'endpoint', `EP${String(e + 1).padStart(6, '0')}`)],
    status: 'active',
    connectionType: coding(direct ? CONNECTION_DIRECT : CONNECTION_FHIR),
    name: endpointName(ctx, org, e),
    managingOrganization: orgRef(org),
    contact: [{ system: 'email', value: `interoperability@${org.domain}`, use: 'work', rank: 1 }],
    period: { start: `${Number(ctx.asOf.slice(0, 4)) - rng.int(0, 6)}-${String(rng.int(1, 12)).padStart(2, '0')}-01` },
    payloadType: [concept(PAYLOAD_NA)],
    address: direct ? `mailto:referrals@direct.${org.domain}` : `https://fhir.${org.domain}/r4`,
  };
  if (!direct) endpoint.payloadMimeType = ['application/fhir+json'];
  return endpoint;
}

/** The healthcare service organization `h` offers at its locations in its service area. */
export function buildHealthcareService(ctx: DirectoryContext, h: number): HealthcareService {
  const org = ctx.orgCore(h);
  const rng = ctx.rng('service', h);
  const codes = ORG_KIND_CODES[org.kind];
  const hours = ctx.orgHours(h);
  const locations = Array.from({ length: ctx.layout.locationCount(h) }, (_, t) =>
    locationRef(ctx.locationCore(ctx.layout.locationOf(h, t), org)),
  );
  const metro = ctx.layout.orgMetro(h);
  const phone = phoneWithHours(ctx.locationCore(h, org).phone, hours);
  if (org.kind === 'pharmacy') phone.extension = [...(phone.extension ?? []), viaIntermediary(orgRef(org))];
  const year = ctx.asOf.slice(0, 4);
  const service: HealthcareService = {
    resourceType: 'HealthcareService',
    id: ids.service(h),
    meta: meta('HealthcareService', ctx.asOfEndMs, rng),
    extension: [
      newPatients(rng.weighted(ACCEPTING_PATIENTS)),
      {
        url: EXTENSIONS.deliveryMethod,
        extension: [{ url: 'type', valueCodeableConcept: concept(DELIVERY_PHYSICAL) }],
      },
    ],
    identifier: [directoryIdentifier(ctx.plan.domain, 'service', `HS${String(h + 1).padStart(6, '0')}`)],
    active: true,
    providedBy: orgRef(org),
    category: [concept(codes.serviceCategory)],
    type: [concept(codes.serviceType)],
    specialty: [codes.taxonomy, ...codes.serviceSpecialties].map((code) => concept(ctx.nucc(code))),
    location: locations,
    name: `${org.name} ${SERVICE_NAMES[org.kind]}`,
    comment: `${SERVICE_NAMES[org.kind]} from ${org.name}`,
    telecom: [phone],
    coverageArea: [ref('Location', ids.area(metro), ctx.areaName(metro))],
    appointmentRequired: org.kind === 'clinic' || org.kind === 'dental',
    availableTime: availableTime(hours),
    availabilityExceptions: org.kind === 'hospital' ? 'Open every day of the year' : 'Closed on major holidays',
  };
  if (org.kind !== 'hospital') {
    service.notAvailable = [
      { description: 'Closed for Independence Day', during: { start: `${year}-07-04`, end: `${year}-07-04` } },
    ];
  }
  const endpoint = endpointRefs(ctx, org);
  if (endpoint) service.endpoint = endpoint;
  return service;
}
