import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createMemoryKeyValueStore } from '@plan-api/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionRouter } from './routes.ts';
import type { SessionRouter } from './routes.ts';
import { createSessions } from './sessions.ts';
import type { Sessions } from './sessions.ts';

const TOKEN = 'the-management-token-of-this-test-0123';
const FORM = 'application/x-www-form-urlencoded';

let server: Server;
let origin: string;
let session: SessionRouter;
let sessions: Sessions;

beforeAll(async () => {
  const app = express();
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sessions = createSessions({ kv: createMemoryKeyValueStore(), secret: 'test-secret', secure: false });
  session = createSessionRouter({
    token: TOKEN,
    sessions,
    publicOrigin: origin,
    failedSignInLimit: { limit: 6, windowMs: 60_000 },
  });
  app.use(session.router);
});
afterAll(async () => {
  session.close();
  await new Promise((resolve) => server.close(resolve));
});

const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': FORM, ...headers },
    body: new URLSearchParams(fields).toString(),
  });

const signedIn = async (res: Response) => {
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return cookie !== '' && (await sessions.fromHeaders({ cookie })) !== undefined;
};

describe('sign-in by POST /login', () => {
  it('the sign-in page posts its form (the token never goes into the address bar)', async () => {
    const page = await fetch(`${origin}/login?next=%2Fapps`);
    expect(page.status).toBe(401);
    const html = await page.text();
    expect(html).toContain('<form class="signin" method="post" action="/login">');
    expect(html).toContain('name="next" value="/apps"');
  });

  it('starts a session and 303-redirects to next, from our own origin or a client without Origin', async () => {
    const res = await post({ token: TOKEN, next: '/apps/a1' }, { origin });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/apps/a1');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await signedIn(res)).toBe(true);
    const curl = await post({ token: TOKEN });
    expect(curl.status).toBe(303);
    expect(curl.headers.get('location')).toBe('/');
    expect(await signedIn(curl)).toBe(true);
    // Another site as next is ignored.
    expect((await post({ token: TOKEN, next: '//evil.example/' }, { origin })).headers.get('location')).toBe('/');
  });

  it('refuses a post from another site (login CSRF) even with the right token', async () => {
    const refused: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of refused) {
      const res = await post({ token: TOKEN }, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('keeps GET /login?token= working for the printed link', async () => {
    const res = await fetch(`${origin}/login?token=${TOKEN}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(await signedIn(res)).toBe(true);
  });

  it('answers a wrong token 401, then 429 once failed attempts exceed the limit', async () => {
    const wrong = await post({ token: 'nope' }, { origin });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('wrong token');
    // The signed-out page and the four CSRF refusals above counted too: this is the 7th failure of 6 allowed.
    expect((await post({ token: 'nope' }, { origin })).status).toBe(429);
    expect((await post({ token: TOKEN }, { origin })).status).toBe(429);
  });
});
