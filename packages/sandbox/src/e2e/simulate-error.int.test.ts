import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, exchange, fhirGet, tokens } from './fixtures/codes.ts';
import type { LaunchWithSteps } from './fixtures/management.ts';
import { registerCast, startSandbox } from './fixtures/sandbox.ts';
import type { Cast, E2eSandbox } from './fixtures/sandbox.ts';

/** The launch log has an error step for `code` whose message says what happened. */
function expectErrorStep(launch: LaunchWithSteps, code: string): void {
  const step = launch.steps.find((s) => s.status === 'error' && (s.error === code || s.message.includes(code)));
  expect(step, JSON.stringify(launch.steps, null, 1)).toBeDefined();
  expect(step?.message.length).toBeGreaterThan(10);
  expect(step?.message, JSON.stringify(launch.steps, null, 1)).toMatch(/simulat/i);
}

describe('simulateError makes a launch fail where the vendor asked, and the launch log says so', () => {
  let sandbox: E2eSandbox;
  let cast: Cast;
  beforeAll(async () => {
    sandbox = await startSandbox();
    cast = await registerCast(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('simulateError access_denied redirects with access_denied and the same state', async () => {
    const result = await authorize(sandbox, cast.confidential, cast.member.id, { simulateError: 'access_denied' });
    expect(result.code).toBeUndefined();
    expect(result.query.get('error')).toBe('access_denied');
    expect(result.query.get('state')).toBe(result.state);
    expectErrorStep(await sandbox.api.getLaunch(result.launch), 'access_denied');
  });

  it('simulateError invalid_client fails the token request with 401 invalid_client', async () => {
    const result = await authorize(sandbox, cast.confidential, cast.member.id, { simulateError: 'invalid_client' });
    expect(result.code).toBeDefined();
    const res = await exchange(sandbox, cast.confidential, result);
    expect(res.status).toBe(401);
    expect(res.body?.error).toBe('invalid_client');
    expect(res.body?.access_token).toBeUndefined();
    expectErrorStep(await sandbox.api.getLaunch(result.launch), 'invalid_client');
  });

  it('simulateError invalid_scope fails the launch with invalid_scope', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, { simulateError: 'invalid_scope' });
    if (result.code === undefined) {
      expect(result.query.get('error')).toBe('invalid_scope');
      expect(result.query.get('state')).toBe(result.state);
    } else {
      const res = await exchange(sandbox, cast.pub, result);
      expect(res.status).toBe(400);
      expect(res.body?.error).toBe('invalid_scope');
    }
    expectErrorStep(await sandbox.api.getLaunch(result.launch), 'invalid_scope');
  });

  it('simulateError expired_token makes the FHIR API answer 401 with an invalid_token Bearer challenge', async () => {
    const { result, token } = await tokens(sandbox, cast.pub, cast.member.id, { simulateError: 'expired_token' });
    const res = await fhirGet(sandbox, `Patient/${cast.member.id}`, token.body.access_token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer\b.*invalid_token/);
    expect(res.body?.resourceType).toBe('OperationOutcome');
    expectErrorStep(await sandbox.api.getLaunch(result.launch), 'expired_token');
  });

  it('simulateError server_error makes the FHIR API answer 500 with an OperationOutcome', async () => {
    const { result, token } = await tokens(sandbox, cast.pub, cast.member.id, { simulateError: 'server_error' });
    const res = await fhirGet(sandbox, `Observation?patient=${cast.member.id}`, token.body.access_token);
    expect(res.status).toBe(500);
    expect(res.body?.resourceType).toBe('OperationOutcome');
    expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+\.(?:ts|js):\d+/);
    expectErrorStep(await sandbox.api.getLaunch(result.launch), 'server_error');
  });

  it('a launch without simulateError logs authorize, token and FHIR steps without errors', async () => {
    const { result, token } = await tokens(sandbox, cast.pub, cast.member.id);
    expect((await fhirGet(sandbox, `Patient/${cast.member.id}`, token.body.access_token)).status).toBe(200);
    const launch = await sandbox.api.getLaunch(result.launch);
    const steps = launch.steps.map((s) => s.step);
    expect(steps).toEqual(expect.arrayContaining(['authorize', 'token', 'fhir']));
    expect(launch.steps.filter((s) => s.status === 'error')).toEqual([]);
    const fhirStep = launch.steps.find((s) => s.step === 'fhir');
    expect(fhirStep?.httpStatus).toBe(200);
    expect(fhirStep?.request).toContain(`Patient/${cast.member.id}`);
  });

  it('an unknown simulateError code is refused when the launch is created', async () => {
    const res = await sandbox.api.raw('POST', `/api/apps/${cast.pub.id}/launch`, {
      patientId: cast.member.id,
      simulateError: 'make_it_rain',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('simulateError');
  });
});
