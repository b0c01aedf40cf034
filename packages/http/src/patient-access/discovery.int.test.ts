import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAUTH_URIS, bearer, fhirFetch, startPatientAccess } from '../testing/patient-access.ts';
import type { Json, PatientAccessServer } from '../testing/patient-access.ts';

let server: PatientAccessServer;
beforeAll(async () => {
  server = await startPatientAccess();
});
afterAll(async () => {
  await server.stop();
});

const OAUTH_URIS_EXTENSION = 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris';

describe('SMART discovery', () => {
  it('.well-known/smart-configuration is application/json even when the client asks for HTML', async () => {
    const res = await fhirFetch(`${server.url}/.well-known/smart-configuration`, {
      headers: { Accept: 'text/html' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.token_endpoint).toBe(OAUTH_URIS.token);
    expect(res.body.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('discovery needs no token and answers browser apps', async () => {
    const res = await fhirFetch(`${server.url}/.well-known/smart-configuration`, {
      headers: { Origin: 'https://app.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('the CapabilityStatement', () => {
  let statement: Json;
  beforeAll(async () => {
    const res = await fhirFetch(`${server.url}/metadata`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/fhir+json');
    statement = res.body;
  });

  it('is served without a token', () => {
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
  });

  it('advertises the SMART endpoints string-equal to discovery', async () => {
    const discovery: Json = (await fhirFetch(`${server.url}/.well-known/smart-configuration`)).body;
    const security = statement.rest[0].security;
    expect(security.service[0].coding[0].code).toBe('SMART-on-FHIR');
    const uris: Json[] = security.extension.find((e: Json) => e.url === OAUTH_URIS_EXTENSION).extension;
    const uri = (name: string) => uris.find((e) => e.url === name)?.valueUri;
    expect(uri('authorize')).toBe(discovery.authorization_endpoint);
    expect(uri('token')).toBe(discovery.token_endpoint);
    expect(uri('revoke')).toBe(discovery.revocation_endpoint);
    expect(uri('introspect')).toBe(discovery.introspection_endpoint);
  });

  it('is read-only, offers Patient/$everything and no type-level history', () => {
    const resources: Json[] = statement.rest[0].resource;
    const patient = resources.find((r) => r.type === 'Patient');
    expect(patient.operation.map((o: Json) => o.name)).toContain('everything');
    for (const resource of resources) {
      const codes = resource.interaction.map((i: Json) => i.code);
      expect(codes).toContain('search-type');
      expect(codes).not.toContain('create');
      expect(codes).not.toContain('history-type');
    }
    expect(statement.rest[0].interaction ?? []).toEqual([]);
  });
});

describe('CORS', () => {
  it('a preflight is answered without a token and allows Authorization and Content-Type', async () => {
    const res = await fetch(`${server.url}/Observation`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization, x-custom',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    expect(allowed).toContain('authorization');
    expect(allowed).toContain('content-type');
    expect(allowed).toContain('x-custom');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('a 401 is readable by a browser app, WWW-Authenticate included', async () => {
    const res = await fetch(`${server.url}/Patient`, { headers: { Origin: 'https://app.example' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
  });

  it('an authorized read exposes ETag and Location to the app', async () => {
    const res = await fetch(`${server.url}/Patient/${server.a.patientId}`, bearer('token-a'));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const exposed = res.headers.get('access-control-expose-headers') ?? '';
    expect(exposed).toContain('ETag');
    expect(exposed).toContain('Location');
    expect(res.headers.get('etag')).toBe('W/"1"');
  });
});
