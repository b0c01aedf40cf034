import { describe, expect, it } from 'vitest';
import { BRANDS_PATH, userAccessBrands } from './brands.ts';

describe('userAccessBrands', () => {
  const bundle = userAccessBrands({
    publicUrl: 'https://www.acme.example',
    planName: 'Acme Health',
    fhirBaseUrl: 'https://www.acme.example/fhir',
    lastUpdated: '2026-12-06T00:00:00.000Z',
  }) as { entry: { fullUrl: string; resource: Record<string, unknown> }[] } & Record<string, unknown>;

  it('is a collection Bundle of the plan Brand and its Patient Access Endpoint', () => {
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-12-06T00:00:00.000Z' });
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Organization', 'Endpoint']);
    for (const entry of bundle.entry) {
      expect(entry.fullUrl.startsWith(`https://www.acme.example${BRANDS_PATH}#`)).toBe(true);
    }
  });

  it('names the plan, its portal and the FHIR base as the SMART profiles ask', () => {
    const [brand, endpoint] = bundle.entry.map((e) => e.resource);
    expect(brand).toMatchObject({
      name: 'Acme Health',
      identifier: [{ system: 'urn:ietf:rfc:3986', value: 'https://acme.example' }],
      endpoint: [{ reference: 'Endpoint/patient-access' }],
      meta: { profile: ['http://hl7.org/fhir/smart-app-launch/StructureDefinition/user-access-brand'] },
    });
    const portal = (brand?.extension as { url: string; extension: { url: string }[] }[])[0];
    expect(portal?.url).toBe('http://hl7.org/fhir/StructureDefinition/organization-portal');
    expect(portal?.extension).toContainEqual({ url: 'portalUrl', valueUrl: 'https://www.acme.example/' });
    expect(endpoint).toMatchObject({
      id: 'patient-access',
      status: 'active',
      address: 'https://www.acme.example/fhir',
      connectionType: { code: 'hl7-fhir-rest' },
    });
  });
});
