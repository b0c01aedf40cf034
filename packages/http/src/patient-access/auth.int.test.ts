import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, fhirFetch, startPatientAccess } from '../testing/patient-access.ts';
import type { PatientAccessServer } from '../testing/patient-access.ts';

let server: PatientAccessServer;
beforeAll(async () => {
  server = await startPatientAccess();
});
afterAll(async () => {
  await server.stop();
});

describe('bearer tokens on the Patient Access API', () => {
  it('a request without a token gets 401, an OperationOutcome and a Bearer challenge naming the realm', async () => {
    const res = await fhirFetch(`${server.url}/Patient/${server.a.patientId}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/fhir+json');
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0].code).toBe('login');
    expect(res.headers.get('www-authenticate')).toBe(`Bearer realm="${server.url}"`);
  });

  it('a search without a token gets 401 too, and returns no data', async () => {
    const res = await fhirFetch(`${server.url}/Observation?patient=${server.a.patientId}`);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(server.a.patientId);
  });

  it('an unknown token gets 401 with error="invalid_token"', async () => {
    const res = await fhirFetch(`${server.url}/Patient/${server.a.patientId}`, bearer('not-a-token'));
    expect(res.status).toBe(401);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+", error="invalid_token"/);
  });

  it('a grant past its expiry gets 401 invalid_token even if the authorization server returned it', async () => {
    const res = await fhirFetch(`${server.url}/Patient/${server.a.patientId}`, bearer('token-a-expired'));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('an Authorization header that is not "Bearer <token>" gets 401 invalid_token', async () => {
    const res = await fhirFetch(`${server.url}/Patient/${server.a.patientId}`, {
      headers: { Authorization: 'Basic dXNlcjpwYXNz' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('the scheme is case-insensitive', async () => {
    const res = await fhirFetch(`${server.url}/Patient/${server.a.patientId}`, {
      headers: { Authorization: 'bearer token-a' },
    });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(server.a.patientId);
  });
});

describe('scopes on the Patient Access API', () => {
  it('a search of a type the scopes do not grant gets 403 naming the scope to ask for', async () => {
    const res = await fhirFetch(`${server.url}/Observation`, bearer('token-a-no-observation'));
    expect(res.status).toBe(403);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0].code).toBe('forbidden');
    expect(res.body.issue[0].diagnostics).toContain('patient/Observation.rs');
    expect(res.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('a read and a POST _search of an ungranted type get 403 as well', async () => {
    const id = server.a.resources.find((r) => r.resourceType === 'Observation')?.id ?? '';
    const read = await fhirFetch(`${server.url}/Observation/${id}`, bearer('token-a-no-observation'));
    expect(read.status).toBe(403);
    const post = await fhirFetch(
      `${server.url}/Observation/_search`,
      bearer('token-a-no-observation', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'category=laboratory',
      }),
    );
    expect(post.status).toBe(403);
  });

  it('the other types of the same token still work', async () => {
    const res = await fhirFetch(`${server.url}/Condition`, bearer('token-a-no-observation'));
    expect(res.status).toBe(200);
    expect(res.body.entry.length).toBeGreaterThan(0);
  });

  it('an unknown resource type is 404, not 403', async () => {
    const res = await fhirFetch(`${server.url}/Spaceship`, bearer('token-a'));
    expect(res.status).toBe(404);
  });
});

describe('a read-only base', () => {
  it.each([
    ['POST', '/Observation'],
    ['PUT', '/Patient/x'],
    ['DELETE', '/Patient/x'],
  ])('%s %s with a valid token answers 405 and changes nothing', async (method, path) => {
    const body = method === 'DELETE' ? undefined : JSON.stringify({ resourceType: path.split('/')[1], id: 'x' });
    const res = await fhirFetch(
      `${server.url}${path}`,
      bearer('token-a', { method, headers: { 'Content-Type': 'application/fhir+json' }, ...(body ? { body } : {}) }),
    );
    expect(res.status).toBe(405);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('type-level history is refused: it would list every member', async () => {
    const res = await fhirFetch(`${server.url}/Observation/_history`, bearer('token-a'));
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(server.b.patientId);
  });
});

describe("the refuse hook (the sandbox's simulated failures come in through it)", () => {
  it("answers the hook's 401 with its challenge instead of the data", async () => {
    const res = await fhirFetch(`${server.url}/Patient/${server.a.patientId}`, bearer('token-a-refused-expired'));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(res.body.issue[0].diagnostics).toBe('hook: the token counts as expired');
    expect(res.text).not.toContain('"resourceType":"Patient"');
  });

  it("answers the hook's 500 with its OperationOutcome, and does not log it as a server error", async () => {
    const before = server.errors.length;
    const res = await fhirFetch(`${server.url}/Observation`, bearer('token-a-refused-failing'));
    expect(res.status).toBe(500);
    expect(res.body.resourceType).toBe('OperationOutcome');
    expect(res.body.issue[0].diagnostics).toBe('hook: the server counts as failing');
    expect(server.errors.length).toBe(before);
  });
});
