import type { ContactPoint, Extension, Identifier, Meta, Reference } from 'fhir/r4';
import { DIRECTORY_PROFILES } from '@plan-api/fhir';
import type { Rng } from '../rng.ts';
import { EXTENSIONS, concept, type Code, type OrgKind } from './codes.ts';

type ProfileKey =
  | 'Organization'
  | 'Network'
  | 'Practitioner'
  | 'Location'
  | 'PractitionerRole'
  | 'HealthcareService'
  | 'OrganizationAffiliation'
  | 'InsurancePlan'
  | 'Endpoint';

function profileOf(key: ProfileKey): string {
  const type = key === 'Network' ? 'Organization' : key;
  const suffix = key === 'Network' ? 'plannet-Network' : `plannet-${key}`;
  const found = DIRECTORY_PROFILES[type]?.find((p) => p.endsWith(suffix));
  if (!found) throw new Error(`No Plan-Net profile for ${key}`);
  return found;
}

const PROFILES: Readonly<Record<ProfileKey, string>> = {
  Organization: profileOf('Organization'),
  Network: profileOf('Network'),
  Practitioner: profileOf('Practitioner'),
  Location: profileOf('Location'),
  PractitionerRole: profileOf('PractitionerRole'),
  HealthcareService: profileOf('HealthcareService'),
  OrganizationAffiliation: profileOf('OrganizationAffiliation'),
  InsurancePlan: profileOf('InsurancePlan'),
  Endpoint: profileOf('Endpoint'),
};

const DAY_SECONDS = 86_400;

/**
 * `meta` claiming the Plan-Net profile, last updated at some second in the 180 days before the end
 * of `asOf` (directories are refreshed continuously, never in the future).
 */
export function meta(key: ProfileKey, asOfEndMs: number, rng: Rng): Meta {
  const ms = asOfEndMs - rng.int(0, 180 * DAY_SECONDS) * 1000;
  return { lastUpdated: new Date(ms).toISOString().replace('.000Z', 'Z'), profile: [PROFILES[key]] };
}

/** A literal reference with a display. */
export function ref(type: string, id: string, display?: string): Reference {
  return display === undefined ? { reference: `${type}/${id}` } : { reference: `${type}/${id}`, display };
}

/** Opening hours in the shape Location.hoursOfOperation and *.availableTime share. */
export interface Hours {
  daysOfWeek: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
  allDay?: boolean;
  open?: string;
  close?: string;
}

const WEEKDAYS: Hours['daysOfWeek'] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Typical opening hours of each kind of organization. */
export function hoursFor(kind: OrgKind, rng: Rng): Hours[] {
  switch (kind) {
    case 'hospital':
      return [{ daysOfWeek: [...WEEKDAYS, 'sat', 'sun'], allDay: true }];
    case 'pharmacy':
      return [
        { daysOfWeek: WEEKDAYS, open: rng.pick(['08:00:00', '09:00:00']), close: rng.pick(['21:00:00', '22:00:00']) },
        { daysOfWeek: ['sat', 'sun'], open: '09:00:00', close: '18:00:00' },
      ];
    case 'lab':
      return [{ daysOfWeek: WEEKDAYS, open: rng.pick(['06:30:00', '07:00:00']), close: '16:00:00' }];
    case 'dental':
      return [
        { daysOfWeek: ['mon', 'tue', 'wed', 'thu'], open: '08:00:00', close: '17:00:00' },
        { daysOfWeek: ['fri'], open: '08:00:00', close: '13:00:00' },
      ];
    case 'clinic': {
      const hours: Hours[] = [{ daysOfWeek: WEEKDAYS, open: rng.pick(['07:30:00', '08:00:00']), close: '17:00:00' }];
      if (rng.chance(0.3)) hours.push({ daysOfWeek: ['sat'], open: '09:00:00', close: '12:00:00' });
      return hours;
    }
  }
}

/** Location.hoursOfOperation from hours. */
export function hoursOfOperation(hours: Hours[]): {
  daysOfWeek: Hours['daysOfWeek'];
  allDay?: boolean;
  openingTime?: string;
  closingTime?: string;
}[] {
  return hours.map((h) =>
    h.allDay
      ? { daysOfWeek: h.daysOfWeek, allDay: true }
      : { daysOfWeek: h.daysOfWeek, openingTime: h.open, closingTime: h.close },
  );
}

/** PractitionerRole/HealthcareService.availableTime from hours. */
export function availableTime(hours: Hours[]): {
  daysOfWeek: Hours['daysOfWeek'];
  allDay?: boolean;
  availableStartTime?: string;
  availableEndTime?: string;
}[] {
  return hours.map((h) =>
    h.allDay
      ? { daysOfWeek: h.daysOfWeek, allDay: true }
      : { daysOfWeek: h.daysOfWeek, availableStartTime: h.open, availableEndTime: h.close },
  );
}

/** A work phone whose availability follows the hours (Plan-Net contactpoint-availabletime). */
export function phoneWithHours(value: string, hours: Hours[]): ContactPoint {
  return {
    extension: hours.map((h) => ({
      url: EXTENSIONS.contactPointAvailableTime,
      extension: [
        ...h.daysOfWeek.map((d) => ({ url: 'daysOfWeek', valueCode: d })),
        ...(h.allDay
          ? [{ url: 'allDay', valueBoolean: true }]
          : [
              { url: 'availableStartTime', valueTime: h.open },
              { url: 'availableEndTime', valueTime: h.close },
            ]),
      ],
    })),
    system: 'phone',
    value,
    use: 'work',
    rank: 1,
  };
}

/** The Plan-Net newpatients extension. */
export function newPatients(accepting: Code, network?: Reference): Extension {
  const extension: Extension[] = [{ url: 'acceptingPatients', valueCodeableConcept: concept(accepting) }];
  if (network) extension.push({ url: 'fromNetwork', valueReference: network });
  return { url: EXTENSIONS.newPatients, extension };
}

/** The network-reference extension. */
export function networkReference(network: Reference): Extension {
  return { url: EXTENSIONS.networkReference, valueReference: network };
}

const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
export const ID_TYPES = {
  npi: [V2_0203, 'NPI', 'National provider identifier'],
  tax: [V2_0203, 'TAX', 'Tax ID number'],
  resource: [V2_0203, 'RI', 'Resource identifier'],
  license: [V2_0203, 'LN', 'License number'],
} as const satisfies Record<string, Code>;

/** An NPI identifier. */
export function npiIdentifier(npi: string): Identifier {
  return { use: 'official', type: concept(ID_TYPES.npi), system: 'http://hl7.org/fhir/sid/us-npi', value: npi };
}

/** The plan's own directory identifier of a resource (`https://<plan>/provider-directory/<kind>`). */
export function directoryIdentifier(domain: string, kind: string, value: string): Identifier {
  return {
    use: 'secondary',
    type: concept(ID_TYPES.resource),
    system: `https://${domain}/provider-directory/${kind}`,
    value,
  };
}

/** The via-intermediary extension: reach this contact point through another directory entry. */
export function viaIntermediary(target: Reference): Extension {
  return { url: EXTENSIONS.viaIntermediary, valueReference: target };
}

/** The IRS Employer Identification Number system (organizations' tax ids). */
export const EIN = 'urn:oid:2.16.840.1.113883.4.4';
