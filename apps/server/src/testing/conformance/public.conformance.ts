/**
 * `pnpm conformance <base-url> [realm...]`: the public, unauthenticated checks of the certification suites
 * (the project's CONFORMANCE.md; README "Certification" maps them) run against any deployed Plan API server.
 * Nothing here needs a client, a member or a token; nothing is written. The base URL comes in
 * PLAN_API_CONFORMANCE_URL, the FHIR bases of the SMART realms in PLAN_API_CONFORMANCE_REALMS (paths under the
 * base URL, comma-separated), the Provider Directory's in PLAN_API_CONFORMANCE_DIRECTORY.
 */
// First: keeps oidc-provider's Node.js 22 notice (the test helpers load it) out of the report.
import '@plan-api/smart/quiet-runtime-warning';
import { beforeAll, describe, expect, it } from 'vitest';
import { fhirFetch } from '@plan-api/http/testing';
import type { FhirResponse, Json } from '@plan-api/http/testing';
import { tlsHandshake } from './tls.ts';
import { insecureServerUrls } from './urls.ts';

const BASE = (process.env.PLAN_API_CONFORMANCE_URL ?? '').replace(/\/+$/, '');
if (!/^https?:\/\//.test(BASE)) {
  throw new Error(
    'PLAN_API_CONFORMANCE_URL must be the server URL, e.g. https://plan.example.org (use pnpm conformance)',
  );
}
const paths = (value: string | undefined, fallback: string): string[] =>
  (value ?? fallback)
    .split(',')
    .map((p) => p.trim().replace(/^\/+|\/+$/g, ''))
    .filter((p) => p !== '');
const REALMS = paths(process.env.PLAN_API_CONFORMANCE_REALMS, 'fhir,sandbox/fhir');
const DIRECTORY = paths(process.env.PLAN_API_CONFORMANCE_DIRECTORY, 'directory/fhir')[0] ?? 'directory/fhir';
const HTTPS = BASE.startsWith('https://');
const ORIGIN = 'https://conformance-app.example';

const OAUTH_URIS = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';
/**
 * SMART App Launch 2.0 capabilities the suites expect, as CONFORMANCE.md "Discovery" lists them (the spec's list,
 * never the server's own CAPABILITIES: a check must not agree with the implementation by construction).
 */
const CAPABILITIES = (
  'launch-ehr launch-standalone client-public client-confidential-symmetric client-confidential-asymmetric ' +
  'sso-openid-connect context-ehr-patient ' +
  'context-standalone-patient permission-offline permission-patient permission-v1 permission-v2 authorize-post'
).split(' ');
/** The endpoints of SMART discovery, absolute URLs that the OpenID configuration repeats. */
const ENDPOINTS = [
  'issuer',
  'jwks_uri',
  'authorization_endpoint',
  'token_endpoint',
  'revocation_endpoint',
  'introspection_endpoint',
];
const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition/';
const CARIN_BB = 'http://hl7.org/fhir/us/carin-bb/StructureDefinition/';
const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/';
/** Profiles the Patient Access CapabilityStatement must list (exact canonical strings), per type. */
const PATIENT_ACCESS_PROFILES: Record<string, string[]> = {
  Patient: [`${US_CORE}us-core-patient`, `${CARIN_BB}C4BB-Patient`],
  Coverage: [`${CARIN_BB}C4BB-Coverage`],
  ExplanationOfBenefit: [
    `${CARIN_BB}C4BB-ExplanationOfBenefit-Inpatient-Institutional`,
    `${CARIN_BB}C4BB-ExplanationOfBenefit-Outpatient-Institutional`,
    `${CARIN_BB}C4BB-ExplanationOfBenefit-Professional-NonClinician`,
    `${CARIN_BB}C4BB-ExplanationOfBenefit-Pharmacy`,
  ],
  Organization: [`${US_CORE}us-core-organization`, `${CARIN_BB}C4BB-Organization`],
  Practitioner: [`${US_CORE}us-core-practitioner`, `${CARIN_BB}C4BB-Practitioner`],
  Condition: [`${US_CORE}us-core-condition-problems-health-concerns`],
  Observation: [`${US_CORE}us-core-observation-lab`, `${US_CORE}us-core-vital-signs`],
  Encounter: [`${US_CORE}us-core-encounter`],
  MedicationRequest: [`${US_CORE}us-core-medicationrequest`],
  Provenance: [`${US_CORE}us-core-provenance`],
};
/** Search parameters the Patient Access CapabilityStatement must list, per type (US Core SHALL, CARIN BB). */
const PATIENT_ACCESS_SEARCH: Record<string, string[]> = {
  Patient: ['_id', 'identifier', 'name', 'birthdate', 'family', 'gender'],
  ExplanationOfBenefit: ['patient', '_id', '_lastUpdated', 'type', 'identifier', 'service-date'],
  Coverage: ['patient', '_id'],
  Observation: ['patient', 'category', 'code', 'date'],
  Condition: ['patient', 'category'],
  Encounter: ['patient', 'date'],
  MedicationRequest: ['patient', 'intent', 'status'],
  DocumentReference: ['patient', 'type', 'category', 'date'],
  CareTeam: ['patient', 'status'],
};
/** The Plan-Net search parameters, each usable alone (CONFORMANCE.md "Provider Directory API"). */
const PLAN_NET_SEARCH: Record<string, { profile: string; params: string[] }> = {
  Organization: {
    profile: 'plannet-Organization',
    params: ['name', 'address', 'partof', 'type', 'endpoint', 'coverage-area'],
  },
  Practitioner: { profile: 'plannet-Practitioner', params: ['name', 'family', 'given'] },
  PractitionerRole: {
    profile: 'plannet-PractitionerRole',
    params: ['practitioner', 'organization', 'location', 'service', 'network', 'endpoint', 'role', 'specialty'],
  },
  Location: {
    profile: 'plannet-Location',
    params: [
      'address',
      'address-city',
      'address-state',
      'address-postalcode',
      'partof',
      'organization',
      'endpoint',
      'type',
      'near',
    ],
  },
  HealthcareService: {
    profile: 'plannet-HealthcareService',
    params: ['name', 'location', 'coverage-area', 'organization', 'endpoint', 'service-category', 'service-type'],
  },
  OrganizationAffiliation: {
    profile: 'plannet-OrganizationAffiliation',
    params: [
      'primary-organization',
      'participating-organization',
      'location',
      'service',
      'network',
      'endpoint',
      'role',
      'specialty',
    ],
  },
  InsurancePlan: {
    profile: 'plannet-InsurancePlan',
    params: ['name', 'administered-by', 'owned-by', 'coverage-area', 'plan-type', 'identifier', 'type'],
  },
  Endpoint: { profile: 'plannet-Endpoint', params: ['organization'] },
};

async function getJson(url: string, headers: Record<string, string> = {}): Promise<FhirResponse> {
  const res = await fhirFetch(url, { headers: { Accept: 'application/fhir+json', ...headers } });
  if (res.body === undefined)
    throw new Error(`GET ${url}: ${res.status} without a JSON body: ${res.text.slice(0, 200)}`);
  return res;
}

function resourceOf(statement: Json, type: string): Json {
  const resource = (statement.rest?.[0]?.resource ?? []).find((r: Json) => r.type === type);
  if (resource === undefined) throw new Error(`the CapabilityStatement does not list ${type}`);
  return resource;
}

const searchNames = (resource: Json): string[] => (resource.searchParam ?? []).map((p: Json) => p.name);

function expectOperationOutcome(res: FhirResponse): void {
  expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
  expect(res.body.resourceType).toBe('OperationOutcome');
  expect(res.body.issue?.length).toBeGreaterThan(0);
  expect(res.text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

/** Every URL in the document that points at this server is https (and there are some). */
function expectHttpsOnly(document: unknown): void {
  const { insecure, served } = insecureServerUrls(document, BASE);
  expect(insecure).toEqual([]);
  expect(served).toBeGreaterThan(0);
}

describe.each(REALMS)('SMART realm %s', (realm) => {
  const fhirBase = `${BASE}/${realm}`;
  let discovery: Json;
  let statement: Json;
  beforeAll(async () => {
    discovery = (await getJson(`${fhirBase}/.well-known/smart-configuration`)).body;
    statement = (await getJson(`${fhirBase}/metadata`)).body;
  });

  describe('SMART discovery (.well-known/smart-configuration)', () => {
    it('is 200 application/json whatever the Accept header, without a token', async () => {
      for (const accept of ['application/json', 'application/fhir+json', 'text/html', '*/*']) {
        const res = await fhirFetch(`${fhirBase}/.well-known/smart-configuration`, { headers: { Accept: accept } });
        expect(res.status, accept).toBe(200);
        expect(res.headers.get('content-type'), accept).toMatch(/^application\/json/);
      }
    });

    it('has the endpoints as absolute URLs', () => {
      for (const field of ENDPOINTS) {
        expect(discovery[field], field).toMatch(/^https?:\/\/[^/]/);
      }
    });

    it('offers the code grant with refresh, PKCE S256 only, and the SMART 2.0 capabilities', () => {
      expect(discovery.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
      expect(discovery.code_challenge_methods_supported).toContain('S256');
      expect(discovery.code_challenge_methods_supported).not.toContain('plain');
      expect(discovery.response_types_supported).toContain('code');
      expect(discovery.token_endpoint_auth_methods_supported).toContain('private_key_jwt');
      // client-confidential-asymmetric: SMART requires RS384 and ES384 client assertions.
      expect(discovery.token_endpoint_auth_signing_alg_values_supported).toEqual(
        expect.arrayContaining(['RS384', 'ES384']),
      );
      expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'fhirUser', 'launch/patient']));
      expect(discovery.capabilities).toEqual(expect.arrayContaining(CAPABILITIES));
    });
  });

  describe('OpenID configuration ({issuer}/.well-known/openid-configuration)', () => {
    let openid: Json;
    beforeAll(async () => {
      openid = (await getJson(`${discovery.issuer}/.well-known/openid-configuration`)).body;
    });

    it('agrees with SMART discovery', () => {
      for (const field of ENDPOINTS) {
        expect(openid[field], field).toBe(discovery[field]);
      }
      expect(openid.response_types_supported).toContain('code');
    });

    it('signs id_tokens with RS256, with an RSA key in the JWKS', async () => {
      expect(openid.id_token_signing_alg_values_supported).toContain('RS256');
      const jwks = (await getJson(openid.jwks_uri)).body;
      const rsa = (jwks.keys ?? []).filter((k: Json) => k.kty === 'RSA');
      expect(rsa.length).toBeGreaterThan(0);
      for (const key of rsa) {
        expect(key.kid).toBeTruthy();
        expect(key.d, 'a private part in the JWKS').toBeUndefined();
      }
    });

    it.skipIf(!HTTPS)('has only https URLs for this server', () => {
      expectHttpsOnly(openid);
    });
  });

  describe('CapabilityStatement (metadata)', () => {
    it('is FHIR 4.0.1 JSON, served without a token as application/fhir+json', async () => {
      const res = await getJson(`${fhirBase}/metadata`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
      expect(statement.resourceType).toBe('CapabilityStatement');
      expect(statement.fhirVersion).toBe('4.0.1');
      expect(statement.format).toEqual(expect.arrayContaining(['json']));
      expect(statement.instantiates).toEqual(
        expect.arrayContaining(['http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server']),
      );
    });

    it('declares the SMART security service with oauth-uris equal to discovery', () => {
      const security = statement.rest?.[0]?.security;
      const codes = (security?.service ?? []).flatMap((s: Json) => (s.coding ?? []).map((c: Json) => c.code));
      expect(codes).toContain('SMART-on-FHIR');
      const uris = (security?.extension ?? []).find((e: Json) => e.url === OAUTH_URIS);
      const uri = (name: string) => uris?.extension?.find((e: Json) => e.url === name)?.valueUri;
      expect(uri('authorize')).toBe(discovery.authorization_endpoint);
      expect(uri('token')).toBe(discovery.token_endpoint);
      expect(uri('revoke')).toBe(discovery.revocation_endpoint);
      expect(uri('introspect')).toBe(discovery.introspection_endpoint);
    });

    it('lists the US Core and CARIN BB profiles with their exact canonical URLs', () => {
      for (const [type, profiles] of Object.entries(PATIENT_ACCESS_PROFILES)) {
        expect(resourceOf(statement, type).supportedProfile ?? [], type).toEqual(expect.arrayContaining(profiles));
      }
    });

    it('lists the search parameters the suites search with', () => {
      for (const [type, params] of Object.entries(PATIENT_ACCESS_SEARCH)) {
        expect(searchNames(resourceOf(statement, type)), type).toEqual(expect.arrayContaining(params));
      }
      expect(resourceOf(statement, 'ExplanationOfBenefit').searchInclude ?? []).toEqual(
        expect.arrayContaining(['ExplanationOfBenefit:patient', 'ExplanationOfBenefit:coverage']),
      );
    });
  });

  describe('browser apps (CORS)', () => {
    it('discovery and metadata answer cross-origin requests', async () => {
      for (const path of ['.well-known/smart-configuration', 'metadata']) {
        const res = await fhirFetch(`${fhirBase}/${path}`, { headers: { Origin: ORIGIN } });
        expect(res.status, path).toBe(200);
        expect(res.headers.get('access-control-allow-origin'), path).toMatch(new RegExp(`^(\\*|${ORIGIN})$`));
      }
    });

    it('a preflight for a FHIR read allows the Authorization header', async () => {
      const res = await fetch(`${fhirBase}/Patient`, {
        method: 'OPTIONS',
        headers: {
          Origin: ORIGIN,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
      expect(res.status).toBeLessThan(300);
      expect(res.headers.get('access-control-allow-origin')).toMatch(new RegExp(`^(\\*|${ORIGIN})$`));
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    });
  });

  describe('without a token', () => {
    it('a FHIR read or search is 401 with a Bearer challenge and an OperationOutcome', async () => {
      for (const path of ['Patient', 'ExplanationOfBenefit?patient=1', 'Patient/1']) {
        const res = await fhirFetch(`${fhirBase}/${path}`, { headers: { Accept: 'application/fhir+json' } });
        expect(res.status, path).toBe(401);
        expect(res.headers.get('www-authenticate'), path).toMatch(/^Bearer\b/);
        expectOperationOutcome(res);
      }
    });

    it('a forged token is 401 too', async () => {
      const res = await fhirFetch(`${fhirBase}/Patient`, { headers: { Authorization: 'Bearer not-a-token' } });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    });
  });

  describe.skipIf(!HTTPS)('https', () => {
    it('every URL of this server in discovery and the CapabilityStatement is https', () => {
      expectHttpsOnly(discovery);
      expectHttpsOnly(statement);
    });
  });
});

describe(`Provider Directory (${DIRECTORY})`, () => {
  const base = `${BASE}/${DIRECTORY}`;
  let statement: Json;
  beforeAll(async () => {
    statement = (await getJson(`${base}/metadata`)).body;
  });

  it('the CapabilityStatement is FHIR 4.0.1, instantiates Plan-Net and lists its profiles and searches', () => {
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    expect(statement.instantiates).toContain(
      'http://hl7.org/fhir/us/davinci-pdex-plan-net/CapabilityStatement/plan-net',
    );
    for (const [type, { profile, params }] of Object.entries(PLAN_NET_SEARCH)) {
      const resource = resourceOf(statement, type);
      expect(resource.supportedProfile ?? [], type).toContain(`${PLAN_NET}${profile}`);
      expect(searchNames(resource), type).toEqual(expect.arrayContaining(['_id', '_lastUpdated', ...params]));
    }
  });

  it.skipIf(!HTTPS)('every URL of this server in its CapabilityStatement is https', () => {
    expectHttpsOnly(statement);
  });

  it.each(Object.keys(PLAN_NET_SEARCH))(
    '%s: a public search without a token is a searchset of Plan-Net resources',
    async (type) => {
      const res = await getJson(`${base}/${type}?_count=5`, { Origin: ORIGIN });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
      expect(res.headers.get('access-control-allow-origin')).toMatch(new RegExp(`^(\\*|${ORIGIN})$`));
      expect(res.body.resourceType).toBe('Bundle');
      expect(res.body.type).toBe('searchset');
      expect(res.body.link?.find((l: Json) => l.relation === 'self')?.url).toMatch(/^https?:\/\//);
      for (const entry of res.body.entry ?? []) {
        expect(entry.resource.resourceType).toBe(type);
        expect(entry.resource.meta?.lastUpdated).toBeTruthy();
        expect(
          (entry.resource.meta?.profile ?? []).some((p: string) => p.startsWith(PLAN_NET)),
          entry.fullUrl,
        ).toBe(true);
      }
      if (HTTPS) expectHttpsOnly(res.body);
    },
  );

  it('searches by each Plan-Net parameter alone are answered (200 searchset)', async () => {
    // A value that matches nothing (a bare id for a reference): the search must still be understood.
    const sample = (param: string) => (param === 'near' ? '42.36|-71.06|10|km' : 'no-such-value');
    for (const [type, { params }] of Object.entries(PLAN_NET_SEARCH)) {
      for (const param of params) {
        const res = await getJson(`${base}/${type}?${param}=${encodeURIComponent(sample(param))}&_count=1`);
        expect(res.status, `${type}?${param}`).toBe(200);
        expect(res.body.type, `${type}?${param}`).toBe('searchset');
      }
    }
  });
});

describe('bad input', () => {
  it('a malformed search value is 400 with an OperationOutcome, no stack trace', async () => {
    const res = await getJson(`${BASE}/${DIRECTORY}/Location?_lastUpdated=notadate`);
    expect(res.status).toBe(400);
    expectOperationOutcome(res);
  });

  it('an unknown id is 404 with an OperationOutcome', async () => {
    const res = await getJson(`${BASE}/${DIRECTORY}/Organization/no-such-organization-id`);
    expect(res.status).toBe(404);
    expectOperationOutcome(res);
  });

  it('an unknown resource type is 4xx with an OperationOutcome', async () => {
    const res = await getJson(`${BASE}/${DIRECTORY}/NoSuchType`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectOperationOutcome(res);
  });
});

describe.skipIf(!HTTPS)('TLS', () => {
  it.each(['TLSv1.2', 'TLSv1.3'] as const)('a %s handshake succeeds with a valid certificate', async (version) => {
    expect(await tlsHandshake(BASE, version)).toEqual({ protocol: version });
  });

  it.each(['TLSv1', 'TLSv1.1'] as const)('%s is refused', async (version) => {
    expect(await tlsHandshake(BASE, version)).toHaveProperty('refused');
  });
});
