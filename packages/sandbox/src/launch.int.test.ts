import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from './testing/index.ts';
import type { TestSandbox } from './testing/index.ts';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.stop();
});

type Json = Record<string, unknown>;
const REDIRECT = 'https://wired.example.com/cb';

/** Follows the authorization server's redirects (with its cookies) until it sends the browser back to the app. */
async function authorize(start: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (location === null) throw new Error(`authorize stopped at ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const next = new URL(location, url);
    if (next.href.startsWith(REDIRECT)) return next;
    url = next.href;
  }
  throw new Error('too many redirects');
}

describe('the composed sandbox', () => {
  it('carries an EHR launch with skipConsent through /auth and /fhir into the access log and the launch log', async () => {
    const app = (
      await sandbox.api('POST', '/apps', {
        name: 'Wired',
        oauthType: 'secret',
        redirectUris: [REDIRECT],
        launchUrl: 'https://wired.example.com/launch',
      })
    ).body as Json;
    const patient = (await sandbox.api('POST', '/patients', { seed: 'wiring' })).body as Json;
    const created = (
      await sandbox.api('POST', `/apps/${app.id as string}/launch`, { patientId: patient.id, skipConsent: true })
    ).body as { launchUrl: string; launch: { id: string } };
    const launchUrl = new URL(created.launchUrl);
    const iss = launchUrl.searchParams.get('iss') ?? '';

    const discovery = (await (await fetch(`${iss}/.well-known/smart-configuration`)).json()) as Json;
    expect(discovery.authorization_endpoint).toBe(`${sandbox.url}/auth/authorize`);
    const verifier = randomBytes(32).toString('base64url');
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId as string,
      redirect_uri: REDIRECT,
      scope: 'launch openid fhirUser patient/*.read',
      state: 'wired-state',
      aud: iss,
      launch: launchUrl.searchParams.get('launch') ?? '',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const back = await authorize(`${discovery.authorization_endpoint as string}?${query}`);
    expect(back.searchParams.get('state')).toBe('wired-state');

    // The token endpoint reads its own form body: nothing in front of /auth may consume it.
    const tokenResponse = await fetch(discovery.token_endpoint as string, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`${app.clientId as string}:${app.clientSecret as string}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code') ?? '',
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      }),
    });
    expect(tokenResponse.status).toBe(200);
    const token = (await tokenResponse.json()) as { access_token: string; patient: string };
    expect(token.patient).toBe(patient.id);

    const read = await fetch(`${iss}/Patient/${token.patient}`, {
      headers: { Authorization: `Bearer ${token.access_token}` },
    });
    expect(read.status).toBe(200);

    // The access log is written once the response is finished.
    let log: Json[] = [];
    for (let i = 0; i < 50 && log.length === 0; i++) {
      log = (await sandbox.api('GET', `/access-log?patientId=${patient.id as string}`)).body as Json[];
      if (log.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(log).toMatchObject([
      { clientId: app.clientId, method: 'GET', request: `Patient/${token.patient}`, status: 200 },
    ]);
    const detail = (await sandbox.api('GET', `/launches/${created.launch.id}`)).body as { steps: { step: string }[] };
    const steps = detail.steps.map((s) => s.step);
    expect(steps).toEqual(expect.arrayContaining(['authorize', 'token', 'fhir']));
  });
});
