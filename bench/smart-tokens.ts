/**
 * Tokens for the SMART benchmark, obtained as a vendor's CI would: register a confidential app and
 * initialize a member over the management API, then EHR launches with skipConsent whose authorize
 * redirects are followed by hand and whose codes are exchanged with the client secret.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface PreparedTokens {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  patientId: string;
  refreshTokens: string[];
  accessToken: string;
}

/** Token families prepared: one per load-generator connection. */
export const FAMILIES = 10;

const SCOPE = 'launch openid fhirUser offline_access patient/*.rs';
const REDIRECT = 'http://127.0.0.1:9/callback';

async function api<T>(origin: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`bench: ${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Follows the authorization server's redirects (carrying cookies) until one leaves for the app. */
async function codeFrom(url: string, origin: string): Promise<string> {
  const cookies = new Map<string, string>();
  let next = url;
  for (let hop = 0; hop < 10; hop++) {
    const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(next, { redirect: 'manual', headers: { cookie } });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    await res.body?.cancel();
    if (location === null) throw new Error(`bench: authorize stopped at ${next} with ${res.status}`);
    const target = new URL(location, next);
    if (target.origin !== origin) {
      const code = target.searchParams.get('code');
      if (code === null) throw new Error(`bench: authorize ended with ${target.search}`);
      return code;
    }
    next = target.href;
  }
  throw new Error('bench: too many redirects at authorize');
}

/** Registers the app and the member and completes `families` launches (one refresh token each). */
export async function smartTokens(origin: string, managementToken: string, families: number): Promise<PreparedTokens> {
  const discovery = (await (await fetch(`${origin}/fhir/.well-known/smart-configuration`)).json()) as Record<
    string,
    string
  >;
  const authorizeEndpoint = discovery.authorization_endpoint ?? '';
  const tokenEndpoint = discovery.token_endpoint ?? '';
  const app = await api<{ id: string; clientId: string; clientSecret: string }>(
    origin,
    managementToken,
    'POST',
    '/api/apps',
    {
      name: 'Bench App',
      oauthType: 'secret',
      redirectUris: [REDIRECT],
      launchUrl: 'http://127.0.0.1:9/launch',
    },
  );
  const patient = await api<{ id: string }>(origin, managementToken, 'POST', '/api/patients', { seed: 'bench' });
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(app.clientId)}:${encodeURIComponent(app.clientSecret)}`).toString('base64')}`;
  const refreshTokens: string[] = [];
  let accessToken = '';
  for (let i = 0; i < families; i++) {
    const { launchUrl } = await api<{ launchUrl: string }>(
      origin,
      managementToken,
      'POST',
      `/api/apps/${app.id}/launch`,
      {
        patientId: patient.id,
        skipConsent: true,
      },
    );
    const verifier = randomBytes(32).toString('base64url');
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: REDIRECT,
      scope: SCOPE,
      state: randomBytes(8).toString('hex'),
      aud: `${origin}/fhir`,
      launch: new URL(launchUrl).searchParams.get('launch') ?? '',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    const code = await codeFrom(`${authorizeEndpoint}?${params.toString()}`, origin);
    const res = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
      }),
    });
    const body = (await res.json()) as { access_token?: string; refresh_token?: string };
    if (!body.refresh_token || !body.access_token) throw new Error(`bench: token answered ${JSON.stringify(body)}`);
    refreshTokens.push(body.refresh_token);
    accessToken = body.access_token;
  }
  return {
    tokenEndpoint,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    patientId: patient.id,
    refreshTokens,
    accessToken,
  };
}
