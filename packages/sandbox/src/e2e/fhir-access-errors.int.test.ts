import type { Bundle, FhirResource } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirGet, tokens } from './fixtures/codes.ts';
import { registerCast, startSandbox } from './fixtures/sandbox.ts';
import type { Cast, E2eSandbox } from './fixtures/sandbox.ts';

const ALL_V2 = 'launch openid fhirUser offline_access patient/*.rs';

function ids(bundle: Bundle): string[] {
  return (bundle.entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`).sort();
}

function patientRefs(bundle: Bundle): Set<string> {
  const refs = new Set<string>();
  for (const e of bundle.entry ?? []) {
    const r = e.resource as FhirResource & { subject?: { reference?: string }; patient?: { reference?: string } };
    const ref = r.subject?.reference ?? r.patient?.reference;
    if (ref !== undefined) refs.add(ref);
  }
  return refs;
}

describe('the Patient Access API refuses what CONFORMANCE.md says it must', () => {
  let sandbox: E2eSandbox;
  let cast: Cast;
  let token: string;
  let otherObservation: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    cast = await registerCast(sandbox);
    token = (await tokens(sandbox, cast.confidential, cast.member.id, { scope: ALL_V2 })).token.body.access_token;
    const data = (await sandbox.api.raw('GET', `/api/patients/${cast.other.id}/data`)).body as Bundle;
    const obs = (data.entry ?? []).find((e) => e.resource?.resourceType === 'Observation')?.resource;
    if (!obs?.id) throw new Error('the other member has no Observation in My Data');
    otherObservation = obs.id;
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('no token gets 401 with WWW-Authenticate: Bearer and an OperationOutcome', async () => {
    const res = await fhirGet(sandbox, `Patient/${cast.member.id}`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    expect(res.body?.resourceType).toBe('OperationOutcome');
  });

  it('a random bearer token gets 401', async () => {
    const res = await fhirGet(sandbox, `Patient/${cast.member.id}`, 'not-a-token');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
  });

  it('a JWT that this server did not sign gets 401', async () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const forged = `${part({ alg: 'none', typ: 'at+jwt' })}.${part({
      iss: sandbox.smart.issuer,
      aud: sandbox.fhirBase,
      sub: cast.member.id,
      patient: cast.member.id,
      scope: ALL_V2,
      client_id: cast.confidential.clientId,
      exp: now + 600,
      iat: now,
    })}.`;
    expect((await fhirGet(sandbox, `Patient/${cast.member.id}`, forged)).status).toBe(401);
  });

  it('a token in the query string instead of the header is not accepted', async () => {
    expect((await fhirGet(sandbox, `Patient/${cast.member.id}?access_token=${token}`)).status).toBe(401);
  });

  it('a type not in scope gets 403 with an OperationOutcome', async () => {
    const narrow = await tokens(sandbox, cast.confidential, cast.member.id, {
      scope: 'launch openid offline_access patient/Patient.rs',
    });
    const at = narrow.token.body.access_token as string;
    expect((await fhirGet(sandbox, `Patient/${cast.member.id}`, at)).status).toBe(200);
    const res = await fhirGet(sandbox, `Observation?patient=${cast.member.id}`, at);
    expect(res.status).toBe(403);
    expect(res.body?.resourceType).toBe('OperationOutcome');
    expect((await fhirGet(sandbox, `ExplanationOfBenefit?patient=${cast.member.id}`, at)).status).toBe(403);
  });

  it("another member's Patient is 404 on read", async () => {
    const res = await fhirGet(sandbox, `Patient/${cast.other.id}`, token);
    expect(res.status).toBe(404);
    expect(res.body?.resourceType).toBe('OperationOutcome');
  });

  it("another member's Observation is 404 on read", async () => {
    expect((await fhirGet(sandbox, `Observation/${otherObservation}`, token)).status).toBe(404);
  });

  it("a search naming another member returns none of that member's resources", async () => {
    const res = await fhirGet(sandbox, `Observation?patient=${cast.other.id}`, token);
    expect([200, 403, 404]).toContain(res.status);
    if (res.status === 200) expect(ids(res.body as Bundle)).toEqual([]);
  });

  it("a search without a patient parameter returns only the member's resources", async () => {
    const res = await fhirGet(sandbox, 'Observation?_count=200', token);
    expect(res.status).toBe(200);
    const bundle = res.body as Bundle;
    expect(bundle.entry?.length ?? 0).toBeGreaterThan(0);
    expect([...patientRefs(bundle)].map((r) => r.replace(/^.*Patient\//, ''))).toEqual([cast.member.id]);
    expect(ids(bundle)).not.toContain(`Observation/${otherObservation}`);
  });

  it("a search by _id for another member's resource returns nothing", async () => {
    const res = await fhirGet(sandbox, `Observation?_id=${otherObservation}`, token);
    expect(res.status).toBe(200);
    expect(ids(res.body as Bundle)).toEqual([]);
  });

  it('patient=<id> and patient=Patient/<id> return the same results', async () => {
    const bare = await fhirGet(sandbox, `ExplanationOfBenefit?patient=${cast.member.id}&_count=100`, token);
    const typed = await fhirGet(sandbox, `ExplanationOfBenefit?patient=Patient/${cast.member.id}&_count=100`, token);
    expect(bare.status).toBe(200);
    expect(ids(bare.body as Bundle).length).toBeGreaterThan(0);
    expect(ids(typed.body as Bundle)).toEqual(ids(bare.body as Bundle));
  });

  it('POST Observation/_search returns the same results as the GET search', async () => {
    const query = `patient=${cast.member.id}&category=laboratory&_count=100`;
    const get = await fhirGet(sandbox, `Observation?${query}`, token);
    const post = await fetch(`${sandbox.fhirBase}/Observation/_search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: query,
    });
    expect(post.status).toBe(200);
    expect(ids((await post.json()) as Bundle)).toEqual(ids(get.body as Bundle));
  });

  it('a v2 granular scope restricts Observation results to its category', async () => {
    const granular = await tokens(sandbox, cast.confidential, cast.member.id, {
      scope: 'launch openid patient/Patient.rs patient/Observation.rs?category=laboratory',
    });
    const at = granular.token.body.access_token as string;
    const all = await fhirGet(sandbox, `Observation?patient=${cast.member.id}&_count=500`, token);
    const labs = await fhirGet(sandbox, `Observation?patient=${cast.member.id}&_count=500`, at);
    expect(labs.status).toBe(200);
    const labEntries = (labs.body as Bundle).entry ?? [];
    expect(labEntries.length).toBeGreaterThan(0);
    expect(labEntries.length).toBeLessThan(((all.body as Bundle).entry ?? []).length);
    for (const e of labEntries) expect(JSON.stringify(e.resource)).toContain('"laboratory"');
  });

  it("Patient/$everything returns the member's record and nobody else's", async () => {
    const res = await fhirGet(sandbox, `Patient/${cast.member.id}/$everything`, token);
    expect(res.status).toBe(200);
    const all = ids(res.body as Bundle);
    expect(all).toContain(`Patient/${cast.member.id}`);
    expect(all).not.toContain(`Patient/${cast.other.id}`);
    expect(all).not.toContain(`Observation/${otherObservation}`);
  });

  it('a malformed search value is 400 with an OperationOutcome and no stack trace', async () => {
    const res = await fhirGet(sandbox, `Observation?patient=${cast.member.id}&date=notadate`, token);
    expect(res.status).toBe(400);
    expect(res.body?.resourceType).toBe('OperationOutcome');
    expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+\.(?:ts|js):\d+/);
  });
});
