import type { SearchParamDef } from '../types.ts';
import { forType, PLAN_NET_EXT, planNet, r4, reference, string, token } from './helpers.ts';

/**
 * Plan-Net 1.1 parameters of Organization (also the Network profile, and US Core's Organization
 * `name`/`address`), Endpoint, InsurancePlan and OrganizationAffiliation.
 */
export const PLAN_NET_ORGANIZATION_SEARCH_PARAMS: readonly SearchParamDef[] = [
  ...forType('Organization', [
    string('name', ['name', 'alias'], planNet('organization-name'), 'A portion of the organization name or alias'),
    string('address', ['address'], planNet('organization-address'), 'Any part of the address'),
    reference(
      'partof',
      ['partOf'],
      ['Organization'],
      planNet('organization-partof'),
      'Part of the specified organization',
    ),
    token('type', ['type'], planNet('organization-type'), 'A code for the type of organization'),
    reference('endpoint', ['endpoint'], ['Endpoint'], planNet('organization-endpoint'), 'Technical endpoints'),
    reference(
      'coverage-area',
      [`extension(${PLAN_NET_EXT.locationReference}).valueReference`],
      ['Location'],
      planNet('organization-coverage-area'),
      'Networks available in a region described by the specified location',
    ),
    token('identifier', ['identifier'], r4('Organization-identifier'), 'Any identifier for the organization'),
    token('active', ['active'], r4('Organization-active'), 'Is the Organization record active'),
  ]),
  ...forType('Endpoint', [
    reference(
      'organization',
      ['managingOrganization'],
      ['Organization'],
      planNet('endpoint-organization'),
      'The organization that manages the endpoint',
    ),
    token('identifier', ['identifier'], r4('Endpoint-identifier'), 'Identifies this endpoint across multiple systems'),
    token('connection-type', ['connectionType'], r4('Endpoint-connection-type'), 'Protocol/profile of the endpoint'),
    token('payload-type', ['payloadType'], r4('Endpoint-payload-type'), 'The type of content that may be used'),
    string('name', ['name'], r4('Endpoint-name'), 'A name that this endpoint can be identified by'),
    token('status', ['status'], r4('Endpoint-status'), 'The current status of the Endpoint'),
  ]),
  ...forType('InsurancePlan', [
    reference(
      'administered-by',
      ['administeredBy'],
      ['Organization'],
      planNet('insuranceplan-administered-by'),
      'Product administrator',
    ),
    reference('owned-by', ['ownedBy'], ['Organization'], planNet('insuranceplan-owned-by'), 'Product issuer'),
    reference(
      'coverage-area',
      ['coverageArea', 'plan.coverageArea'],
      ['Location'],
      planNet('insuranceplan-coverage-area'),
      'Where the product or plan is available',
    ),
    string('name', ['name', 'alias'], planNet('insuranceplan-name'), 'A portion of the name or alias'),
    token('plan-type', ['plan.type'], planNet('insuranceplan-plan-type'), 'Type of plan (platinum, gold, ...)'),
    token('type', ['type'], planNet('insuranceplan-type'), 'Kind of product'),
    token('identifier', ['identifier'], r4('InsurancePlan-identifier'), 'Any identifier for the product'),
    reference(
      'network',
      ['network'],
      ['Organization'],
      planNet('insuranceplan-network'),
      'Networks in which the product is used',
    ),
  ]),
  ...forType('OrganizationAffiliation', [
    reference(
      'primary-organization',
      ['organization'],
      ['Organization'],
      planNet('organizationaffiliation-primary-organization'),
      'The organization that receives the services from the participating organization',
    ),
    reference(
      'participating-organization',
      ['participatingOrganization'],
      ['Organization'],
      planNet('organizationaffiliation-participating-organization'),
      'The organization that provides services to the primary organization',
    ),
    reference(
      'location',
      ['location'],
      ['Location'],
      planNet('organizationaffiliation-location'),
      'The location(s) at which the role occurs',
    ),
    reference(
      'service',
      ['healthcareService'],
      ['HealthcareService'],
      planNet('organizationaffiliation-service'),
      'Healthcare services provided through the role',
    ),
    reference(
      'network',
      ['network'],
      ['Organization'],
      planNet('organizationaffiliation-network'),
      'Health insurance provider network in which the participatingOrganization provides the role',
    ),
    reference(
      'endpoint',
      ['endpoint'],
      ['Endpoint'],
      planNet('organizationaffiliation-endpoint'),
      'Technical endpoints providing access to services operated for this role',
    ),
    token(
      'role',
      ['code'],
      planNet('organizationaffiliation-role'),
      'Definition of the role the participatingOrganization plays',
    ),
    token(
      'specialty',
      ['specialty'],
      planNet('organizationaffiliation-specialty'),
      'Specific specialty of the participatingOrganization',
    ),
    token(
      'identifier',
      ['identifier'],
      r4('OrganizationAffiliation-identifier'),
      "An organization affiliation's identifier",
    ),
  ]),
];
