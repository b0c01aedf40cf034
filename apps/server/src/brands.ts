/**
 * The plan's SMART User-access Brands bundle (SMART App Launch 2.2, "User-access Brands and Endpoints"): one Brand
 * (an Organization with the plan's name, its member portal and its Patient Access endpoint) and that Endpoint, so
 * apps can list the plan and find its FHIR base. Served at BRANDS_PATH and advertised in the SMART configuration of
 * `/fhir` as `user_access_brand_bundle`.
 */

/** Where the server publishes the bundle. */
export const BRANDS_PATH = '/.well-known/user-access-brands.json';

const PROFILE = 'http://hl7.org/fhir/smart-app-launch/StructureDefinition';

export interface BrandsOptions {
  publicUrl: string;
  planName: string;
  fhirBaseUrl: string;
  /** When the bundle's content last changed (the server's start is fine: it changes only with the settings). */
  lastUpdated: string;
}

/** The Brand's identifier: its primary web presence without `www.` or a path (the profile's rule). */
export function brandIdentifier(publicUrl: string): { system: string; value: string } {
  const origin = new URL(publicUrl);
  return { system: 'urn:ietf:rfc:3986', value: `${origin.protocol}//${origin.host.replace(/^www\./, '')}` };
}

/** The bundle (a FHIR R4 `collection` Bundle as plain JSON). */
export function userAccessBrands(options: BrandsOptions): Record<string, unknown> {
  const { publicUrl, planName, fhirBaseUrl, lastUpdated } = options;
  const base = `${publicUrl}${BRANDS_PATH}`;
  const endpointId = 'patient-access';
  const endpoint = {
    resourceType: 'Endpoint',
    id: endpointId,
    meta: { lastUpdated, profile: [`${PROFILE}/user-access-endpoint`] },
    extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/endpoint-fhir-version', valueCode: '4.0.1' }],
    status: 'active',
    connectionType: { system: 'http://terminology.hl7.org/CodeSystem/endpoint-connection-type', code: 'hl7-fhir-rest' },
    name: `${planName} Patient Access API`,
    payloadType: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/endpoint-payload-type', code: 'none' }] },
    ],
    address: fhirBaseUrl,
  };
  const brand = {
    resourceType: 'Organization',
    id: 'plan',
    meta: { lastUpdated, profile: [`${PROFILE}/user-access-brand`] },
    extension: [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/organization-portal',
        extension: [
          { url: 'portalName', valueString: `${planName} member portal` },
          { url: 'portalUrl', valueUrl: `${publicUrl}/` },
          { url: 'portalEndpoint', valueReference: { reference: `Endpoint/${endpointId}` } },
        ],
      },
    ],
    identifier: [brandIdentifier(publicUrl)],
    active: true,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'pay' }] }],
    name: planName,
    telecom: [{ system: 'url', value: `${publicUrl}/` }],
    endpoint: [{ reference: `Endpoint/${endpointId}` }],
  };
  return {
    resourceType: 'Bundle',
    id: 'user-access-brands',
    meta: { lastUpdated },
    type: 'collection',
    timestamp: lastUpdated,
    entry: [
      { fullUrl: `${base}#Organization/plan`, resource: brand },
      { fullUrl: `${base}#Endpoint/${endpointId}`, resource: endpoint },
    ],
  };
}
