import type { SearchParamDef } from '../types.ts';
import { forType, PLAN_NET_EXT, planNet, r4, reference, special, string, token, usCore } from './helpers.ts';

/**
 * Plan-Net 1.1 parameters of Practitioner, PractitionerRole, Location and HealthcareService, with the
 * US Core ones of the same types (Practitioner `identifier`, Location `name`).
 */
export const PLAN_NET_PROVIDER_SEARCH_PARAMS: readonly SearchParamDef[] = [
  ...forType('Practitioner', [
    string('name', ['name'], planNet('practitioner-name'), 'A portion of either family or given name'),
    string('family', ['name.family'], r4('individual-family'), 'A portion of the family name'),
    string('given', ['name.given'], r4('individual-given'), 'A portion of the given name'),
    token('identifier', ['identifier'], usCore('practitioner-identifier'), "A practitioner's identifier"),
  ]),
  ...forType('PractitionerRole', [
    reference(
      'practitioner',
      ['practitioner'],
      ['Practitioner'],
      planNet('practitionerrole-practitioner'),
      'Practitioner that is able to provide the defined services for the organization',
    ),
    reference(
      'organization',
      ['organization'],
      ['Organization'],
      planNet('practitionerrole-organization'),
      'The identity of the organization the practitioner represents / acts on behalf of',
    ),
    reference(
      'location',
      ['location'],
      ['Location'],
      planNet('practitionerrole-location'),
      'One of the locations at which this practitioner provides care',
    ),
    reference(
      'service',
      ['healthcareService'],
      ['HealthcareService'],
      planNet('practitionerrole-service'),
      'The list of healthcare services that this worker provides for this role',
    ),
    reference(
      'network',
      [`extension(${PLAN_NET_EXT.networkReference}).valueReference`],
      ['Organization'],
      planNet('practitionerrole-network'),
      'Health insurance provider network of which the practitioner is a member (network-reference extension)',
    ),
    reference(
      'endpoint',
      ['endpoint'],
      ['Endpoint'],
      planNet('practitionerrole-endpoint'),
      'Technical endpoints providing access to services operated for the practitioner with this role',
    ),
    token('role', ['code'], planNet('practitionerrole-role'), 'The practitioner can perform this role'),
    token('specialty', ['specialty'], planNet('practitionerrole-specialty'), 'The practitioner has this specialty'),
    token('identifier', ['identifier'], r4('PractitionerRole-identifier'), "A practitioner role's identifier"),
  ]),
  ...forType('Location', [
    string('name', ['name', 'alias'], usCore('location-name'), 'A portion of the location name or alias'),
    string('address', ['address'], planNet('location-address'), 'Any part of the address'),
    string('address-city', ['address.city'], planNet('location-address-city'), 'A city specified in an address'),
    string('address-state', ['address.state'], planNet('location-address-state'), 'A state specified in an address'),
    string(
      'address-postalcode',
      ['address.postalCode'],
      planNet('location-address-postalcode'),
      'A postal code specified in an address',
    ),
    reference(
      'partof',
      ['partOf'],
      ['Location'],
      planNet('location-partof'),
      'A location of which this location is a part',
    ),
    reference(
      'organization',
      ['managingOrganization'],
      ['Organization'],
      planNet('location-organization'),
      'The organization responsible for the location (managingOrganization)',
    ),
    reference(
      'endpoint',
      ['endpoint'],
      ['Endpoint'],
      planNet('location-endpoint'),
      'Technical endpoints for this location',
    ),
    token('type', ['type'], planNet('location-type'), 'A code for the type of location'),
    special(
      'near',
      ['position'],
      r4('Location-near'),
      'Search for locations near a point: near=latitude|longitude|distance|units (km or mi)',
    ),
    token('identifier', ['identifier'], r4('Location-identifier'), 'An identifier for the location'),
  ]),
  ...forType('HealthcareService', [
    string('name', ['name'], planNet('healthcareservice-name'), 'A portion of the healthcare service name'),
    reference(
      'location',
      ['location'],
      ['Location'],
      planNet('healthcareservice-location'),
      'The location of the healthcare service',
    ),
    reference(
      'coverage-area',
      ['coverageArea'],
      ['Location'],
      planNet('healthcareservice-coverage-area'),
      'Location(s) service is intended for/available to',
    ),
    reference(
      'organization',
      ['providedBy'],
      ['Organization'],
      planNet('healthcareservice-organization'),
      'The organization that provides this healthcare service',
    ),
    reference(
      'endpoint',
      ['endpoint'],
      ['Endpoint'],
      planNet('healthcareservice-endpoint'),
      'Technical endpoints providing access to electronic services',
    ),
    token(
      'service-category',
      ['category'],
      planNet('healthcareservice-service-category'),
      'Service category of the service',
    ),
    token('service-type', ['type'], planNet('healthcareservice-service-type'), 'The type of service provided'),
    token('specialty', ['specialty'], planNet('healthcareservice-specialty'), 'The specialty of the service provided'),
    token('identifier', ['identifier'], r4('HealthcareService-identifier'), 'External identifiers for this item'),
  ]),
];
