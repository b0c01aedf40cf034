import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize } from './fixtures/codes.ts';
import type { AuthorizeResult } from './fixtures/codes.ts';
import { registerCast, startSandbox } from './fixtures/sandbox.ts';
import type { Cast, E2eSandbox } from './fixtures/sandbox.ts';

/** The request ended on a page of the sandbox, not at the app: nothing left for the redirect_uri. */
function expectErrorPage(result: AuthorizeResult): void {
  expect(result.outcome.location, JSON.stringify(result.outcome.hops)).toBeUndefined();
  expect(result.outcome.status).toBeGreaterThanOrEqual(400);
  expect(result.outcome.contentType).toContain('text/html');
  expect(result.outcome.body ?? '').not.toMatch(/\bat \S+\.(?:ts|js):\d+/);
}

/** The app got an OAuth error redirect with the same state, and no code. */
function expectErrorRedirect(result: AuthorizeResult, error: string): void {
  expect(result.outcome.location?.href.startsWith(result.redirectUri), JSON.stringify(result.outcome.hops)).toBe(true);
  expect(result.query.get('error')).toBe(error);
  expect(result.query.get('state')).toBe(result.state);
  expect(result.code).toBeUndefined();
}

/** No code, and a refusal: an OAuth error redirect to the app or an error page of the sandbox. */
function expectRefused(result: AuthorizeResult): void {
  expect(result.code, JSON.stringify(result.outcome.hops)).toBeUndefined();
  if (result.outcome.location) {
    expect(result.query.get('error'), result.outcome.location.href).toMatch(/^[a-z_]+$/);
    expect(result.query.get('state')).toBe(result.state);
  } else {
    expect(result.outcome.status, JSON.stringify(result.outcome.hops)).toBeGreaterThanOrEqual(400);
    expect(result.outcome.contentType).toContain('text/html');
  }
}

describe('the authorization endpoint refuses what CONFORMANCE.md says it must', () => {
  let sandbox: E2eSandbox;
  let cast: Cast;
  beforeAll(async () => {
    sandbox = await startSandbox();
    cast = await registerCast(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('a valid request gets a code at the registered redirect_uri with the same state', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id);
    expect(result.outcome.location?.origin + (result.outcome.location?.pathname ?? '')).toBe(result.redirectUri);
    expect(result.code).toMatch(/.{16,}/);
    expect(result.query.get('state')).toBe(result.state);
    expect(result.query.get('error')).toBeNull();
  });

  it('a POST to the authorization endpoint gets a code like a GET', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, { method: 'POST' });
    expect(result.code).toBeDefined();
    expect(result.query.get('state')).toBe(result.state);
  });

  it('an unknown client_id shows an error page and never redirects', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, { params: { client_id: 'no-such-client' } });
    expectErrorPage(result);
  });

  it('an unregistered redirect_uri shows an error page and never redirects', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, {
      redirectUri: 'http://127.0.0.1:9/elsewhere',
    });
    expectErrorPage(result);
  });

  it('a redirect_uri altered by an extra path segment shows an error page and never redirects', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, {
      redirectUri: `${cast.pub.redirectUris[0] ?? ''}/more`,
    });
    expectErrorPage(result);
  });

  it('a redirect_uri altered by an added query shows an error page and never redirects', async () => {
    const result = await authorize(sandbox, cast.confidential, cast.member.id, {
      redirectUri: `${cast.confidential.redirectUris[0] ?? ''}?next=https://evil.example`,
    });
    expectErrorPage(result);
  });

  it('aud other than the FHIR base yields no code', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, {
      params: { aud: 'https://evil.example/fhir' },
    });
    expectRefused(result);
  });

  it('aud equal to the FHIR base with a trailing path yields no code', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, {
      params: { aud: `${sandbox.fhirBase}/Patient` },
    });
    expectRefused(result);
  });

  it('a request without aud yields no code', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, { omit: ['aud'] });
    expectRefused(result);
  });

  it('response_type=token is unsupported_response_type and no token is issued', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, { params: { response_type: 'token' } });
    expect(result.code).toBeUndefined();
    const where = result.outcome.location;
    expect(`${where?.search ?? ''}${where?.hash ?? ''}`).not.toContain('access_token');
    const hash = new URLSearchParams(where?.hash.slice(1) ?? '');
    expect(result.query.get('error') ?? hash.get('error')).toBe('unsupported_response_type');
  });

  it('a public client without code_challenge is invalid_request', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, { pkce: null });
    expectErrorRedirect(result, 'invalid_request');
  });

  it('code_challenge_method=plain is invalid_request for a public client', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, {
      params: { code_challenge_method: 'plain' },
    });
    expectErrorRedirect(result, 'invalid_request');
  });

  it('code_challenge_method=plain is invalid_request for a confidential client too', async () => {
    const result = await authorize(sandbox, cast.confidential, cast.member.id, {
      params: { code_challenge_method: 'plain' },
    });
    expectErrorRedirect(result, 'invalid_request');
  });

  it('a launch value used twice yields no code the second time', async () => {
    const first = await authorize(sandbox, cast.pub, cast.member.id);
    expect(first.code).toBeDefined();
    const second = await authorize(sandbox, cast.pub, cast.member.id, { launch: first.launch });
    expectRefused(second);
  });

  it('a launch value created for another app yields no code', async () => {
    const { launch } = await sandbox.api.createLaunch(cast.confidential.id, {
      patientId: cast.member.id,
      skipConsent: true,
    });
    const result = await authorize(sandbox, cast.pub, cast.member.id, { launch });
    expectRefused(result);
  });

  it('an unknown launch value yields no code', async () => {
    const result = await authorize(sandbox, cast.pub, cast.member.id, { launch: 'not-a-launch' });
    expectRefused(result);
  });
});
