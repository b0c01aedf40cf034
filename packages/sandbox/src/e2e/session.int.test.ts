import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../testing/index.ts';
import type { TestSandbox } from '../testing/index.ts';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({
    signInRateLimit: { limit: 3, windowMs: 60_000 },
    tokenHint: 'in /tmp/x/token',
    uiDir: fileURLToPath(new URL('./fixtures/ui-build', import.meta.url)),
  });
});
afterAll(async () => {
  await sandbox.stop();
});

/** Signs in with the token; returns the `name=value` part of the session cookie. */
async function signIn(): Promise<string> {
  const res = await fetch(`${sandbox.url}/login?token=${encodeURIComponent(sandbox.token)}`, { redirect: 'manual' });
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

const app = { name: 'Cookie App', oauthType: 'pkce', redirectUris: ['http://localhost:5173/cb'] };

describe('sign-in with the management token', () => {
  it('sets an httpOnly SameSite=Lax session cookie and redirects to / without the token', async () => {
    const res = await fetch(`${sandbox.url}/login?token=${encodeURIComponent(sandbox.token)}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^plan_api_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(cookie).not.toContain(sandbox.token);
    expect(cookie).not.toContain('Secure');
  });

  it('lets the cookie read the management API and the home page', async () => {
    const cookie = await signIn();
    const res = await fetch(`${sandbox.url}/api/apps`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const home = await fetch(`${sandbox.url}/`, { headers: { Cookie: cookie } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Plan API sandbox');
  });

  it('refuses a change by cookie without X-Requested-With (CSRF) and accepts it with the header', async () => {
    const cookie = await signIn();
    const post = (headers: Record<string, string>) =>
      fetch(`${sandbox.url}/api/apps`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(app),
      });
    const refused = await post({});
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'csrf_failed' });
    const crossSite = await post({ 'X-Requested-With': 'fetch', Origin: 'https://evil.example.com' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: 'csrf_failed' });
    const accepted = await post({ 'X-Requested-With': 'fetch', Origin: sandbox.url });
    expect(accepted.status).toBe(201);
  });

  it('refuses a forged or tampered cookie with 401', async () => {
    const cookie = await signIn();
    const tampered = cookie.slice(0, -2) + (cookie.endsWith('A') ? 'BB' : 'AA');
    for (const c of [tampered, 'plan_api_session=made-up.signature']) {
      const res = await fetch(`${sandbox.url}/api/apps`, { headers: { Cookie: c } });
      expect(res.status).toBe(401);
    }
  });

  it('ends the session on logout', async () => {
    const cookie = await signIn();
    const out = await fetch(`${sandbox.url}/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-Requested-With': 'fetch' },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^plan_api_session=; Max-Age=0/);
    expect((await fetch(`${sandbox.url}/api/apps`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('answers a wrong or missing token with a 401 page that says how to get the link', async () => {
    for (const path of ['/login?token=wrong', '/login']) {
      const res = await fetch(`${sandbox.url}${path}`, { redirect: 'manual' });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('set-cookie')).toBeNull();
      const html = await res.text();
      expect(html).toContain('pnpm sandbox');
      expect(html).toContain('in /tmp/x/token');
    }
  });

  it('rate-limits failed sign-ins per address (429), the right token included once blocked', async () => {
    const own = await startTestSandbox({ signInRateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await fetch(`${own.url}/login?token=guess-${i}`, { redirect: 'manual' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const right = await fetch(`${own.url}/login?token=${encodeURIComponent(own.token)}`, { redirect: 'manual' });
      expect(right.status).toBe(429);
      expect(await right.text()).toContain('Too many sign-in attempts');
    } finally {
      await own.stop();
    }
  });

  it('successful sign-ins do not count toward the limit', async () => {
    const own = await startTestSandbox({ signInRateLimit: { limit: 2, windowMs: 60_000 } });
    try {
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${own.url}/login?token=${encodeURIComponent(own.token)}`, { redirect: 'manual' });
        expect(res.status).toBe(303);
      }
    } finally {
      await own.stop();
    }
  });

  it('marks the cookie Secure with the __Host- prefix when the public URL is https', async () => {
    const own = await startTestSandbox({ publicUrl: 'https://sandbox.example.test' });
    try {
      const res = await fetch(`${own.listenUrl}/login?token=${encodeURIComponent(own.token)}`, {
        redirect: 'manual',
      });
      expect(res.headers.get('set-cookie')).toMatch(
        /^__Host-plan_api_session=[^;]+; .*HttpOnly; SameSite=Lax; Secure$/,
      );
    } finally {
      await own.stop();
    }
  });
});
