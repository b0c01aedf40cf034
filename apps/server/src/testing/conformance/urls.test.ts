import { describe, expect, it } from 'vitest';
import { insecureServerUrls, urlsIn } from './urls.ts';

const DOCUMENT = {
  issuer: 'https://plan.example:8443/auth',
  token_endpoint: 'http://plan.example:8443/auth/token',
  rest: [
    {
      resource: [{ supportedProfile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient'] }],
      security: { extension: [{ url: 'x', valueUri: 'http://plan.example:8443/auth/revoke' }] },
    },
  ],
  brand: { system: 'urn:ietf:rfc:3986', value: 'https://plan.example:8443' },
  count: 3,
  other: 'http://plan.example/no-port',
};

describe('urlsIn', () => {
  it('finds every scheme://... string at any depth, and nothing else', () => {
    expect(urlsIn(DOCUMENT).sort()).toEqual(
      [
        'https://plan.example:8443/auth',
        'http://plan.example:8443/auth/token',
        'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient',
        'http://plan.example:8443/auth/revoke',
        'https://plan.example:8443',
        'http://plan.example/no-port',
      ].sort(),
    );
  });
});

describe('insecureServerUrls', () => {
  it('flags the http URLs of the server (its host and port), not canonical names of other authorities', () => {
    expect(insecureServerUrls(DOCUMENT, 'https://plan.example:8443')).toEqual({
      insecure: ['http://plan.example:8443/auth/token', 'http://plan.example:8443/auth/revoke'],
      served: 4,
    });
  });

  it('says when no URL of the server is there at all', () => {
    expect(insecureServerUrls({ a: 'http://hl7.org/x' }, 'https://plan.example')).toEqual({ insecure: [], served: 0 });
  });
});
