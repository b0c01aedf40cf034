/**
 * Issue 13's hardening of the JSON API: 415 for a body that is not JSON, paged list endpoints, and failed bearer
 * tokens rate limited per client address. The sandbox's management API over a fake portal.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { OutboxMessage, OutboxReader } from '@plan-api/mail';
import { createMemoryKeyValueStore } from '@plan-api/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, createManagementApi, managementRouteSet } from './router.ts';
import { SANDBOX_API } from './openapi.ts';
import type { ManagementPortal } from './ports.ts';
import { accountAuth } from '../session/account-auth.ts';
import { managementAuth } from '../session/guard.ts';
import type { FailedAuthLimit } from '../session/failed-auth.ts';
import { createSessions } from '../session/sessions.ts';

const TOKEN = 'management-token-of-the-test-000000000';

interface Harness {
  base: string;
  close(): Promise<void>;
}

const apps = Array.from({ length: 7 }, (_, i) => ({
  id: `app${i}`,
  ownerId: 'owner',
  name: `App ${i}`,
}));

const messages: OutboxMessage[] = Array.from(
  { length: 3 },
  (_, i) =>
    ({
      id: `m${i}`,
      at: '2025-01-01T00:00:00.000Z',
      from: 'a@x',
      to: 'b@x',
      subject: `#${i}`,
    }) as unknown as OutboxMessage,
);

const fakePortal = {
  createApp: (_owner: string, body: unknown) => Promise.resolve({ id: 'new', ownerId: 'owner', body }),
  listApps: () => Promise.resolve(apps),
  listPatients: () => Promise.resolve([]),
  listLaunches: (_owner: string, options: { limit?: number } = {}) =>
    Promise.resolve(Array.from({ length: 5 }, (_, i) => ({ id: `l${i}` })).slice(0, options.limit ?? 100)),
  listAccessLog: (_owner: string, query: { limit?: number } = {}) =>
    Promise.resolve(Array.from({ length: 4 }, (_, i) => ({ id: `a${i}` })).slice(0, query.limit ?? 500)),
  deleteApp: () => Promise.resolve(),
  createLaunch: () => Promise.resolve({ launch: { id: 'l1' } }),
} as unknown as ManagementPortal;

const outbox: OutboxReader = {
  list: (options = {}) => Promise.resolve(messages.slice(0, options.limit ?? 100)),
  get: (id) => Promise.resolve(messages.find((m) => m.id === id)),
};

async function start(failedAuthLimit?: FailedAuthLimit): Promise<Harness> {
  const app = express();
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sessions = createSessions({ kv: createMemoryKeyValueStore(), secret: 'test-secret', secure: false });
  app.use(
    '/api',
    createManagementApi({
      portal: fakePortal,
      outbox,
      authenticate: managementAuth({
        token: TOKEN,
        owner: 'owner',
        sessions,
        publicOrigin: origin,
        ...(failedAuthLimit ? { failedAuthLimit } : {}),
      }),
      serverUrl: `${origin}/api`,
      logger: { error: (message, details) => console.error(message, details) },
    }),
  );
  return { base: `${origin}/api`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const bearer = { authorization: `Bearer ${TOKEN}` };

describe('the JSON API refuses bodies that are not JSON', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.close());

  it('answers 415 unsupported_media_type to a text/plain, form or untyped body', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx', undefined]) {
      const res = await fetch(`${h.base}/apps`, {
        method: 'POST',
        headers: { ...bearer, ...(type ? { 'content-type': type } : {}) },
        body: type === undefined ? new Blob(['{"name":"x"}']) : '{"name":"x"}',
      });
      expect(res.status, String(type)).toBe(415);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe('unsupported_media_type');
      expect(body.message).toMatch(/application\/json/);
    }
  });

  it('accepts application/json with a charset, and requests without a body', async () => {
    const res = await fetch(`${h.base}/apps`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json; charset=utf-8' },
      body: '{"name":"x"}',
    });
    expect(res.status).toBe(201);
    expect((await fetch(`${h.base}/apps`, { headers: bearer })).status).toBe(200);
    expect((await fetch(`${h.base}/apps/app1`, { method: 'DELETE', headers: bearer })).status).toBe(204);
    const empty = await fetch(`${h.base}/apps/app1/launch`, { method: 'POST', headers: bearer });
    expect(empty.status).toBe(201);
  });
});

/** A FailureCounter in memory, with a clock the test moves. */
function memoryCounter(clock: { ms: number }): FailedAuthLimit['counter'] {
  const entries = new Map<string, { count: number; until: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    return entry !== undefined && entry.until > clock.ms ? entry : undefined;
  };
  return {
    increment: (key, windowSeconds) => {
      const entry = live(key) ?? { count: 0, until: clock.ms + windowSeconds * 1000 };
      entry.count += 1;
      entries.set(key, entry);
      return Promise.resolve(entry.count);
    },
    current: (key) => Promise.resolve(live(key)?.count ?? 0),
  };
}

describe('failed bearer tokens are rate limited per client address', () => {
  const clock = { ms: Date.UTC(2025, 0, 1, 0, 0, 10) };
  let h: Harness;
  beforeAll(async () => {
    h = await start({ counter: memoryCounter(clock), max: 3, windowSeconds: 60, now: () => clock.ms });
  });
  afterAll(() => h.close());

  const withToken = (token: string) => fetch(`${h.base}/apps`, { headers: { authorization: `Bearer ${token}` } });

  it('answers 401 up to the limit, then 429 with Retry-After even for the right token, until the window ends', async () => {
    expect((await withToken(TOKEN)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await withToken(`wrong-${i}`)).status).toBe(401);
    const blocked = await withToken('wrong-again');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('50');
    expect(((await blocked.json()) as { error: string }).error).toBe('rate_limited');
    const right = await withToken(TOKEN);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.ms += 60_000;
    expect((await withToken(TOKEN)).status).toBe(200);
  });

  it('without the option nothing is limited', async () => {
    const open = await start();
    try {
      for (let i = 0; i < 10; i++) {
        const res = await fetch(`${open.base}/apps`, { headers: { authorization: 'Bearer wrong' } });
        expect(res.status).toBe(401);
      }
      expect((await fetch(`${open.base}/apps`, { headers: bearer })).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('failed API keys are rate limited per client address (accountAuth)', () => {
  it('answers 429 with Retry-After past the limit, even for a valid key', async () => {
    const clock = { ms: Date.UTC(2025, 0, 1) };
    const vendor = { id: 'v1', kind: 'vendor', email: 'v@example.org', status: 'active' } as const;
    const app = express();
    const server: Server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    app.use(
      '/api',
      createApi({
        sets: [managementRouteSet(fakePortal)],
        authenticate: accountAuth({
          sessions: createSessions({ kv: createMemoryKeyValueStore(), secret: 's', secure: false }),
          accounts: {
            authenticateApiKey: (key: string) => Promise.resolve(key === 'good-key' ? vendor : undefined),
            getAccount: () => Promise.resolve(undefined),
          } as never,
          publicOrigin: origin,
          signInHint: 'Sign in.',
          failedAuthLimit: { counter: memoryCounter(clock), max: 2, windowSeconds: 600, now: () => clock.ms },
        }),
        serverUrl: `${origin}/api`,
        description: SANDBOX_API,
        logger: { error: () => undefined },
      }),
    );
    const withKey = (key: string) => fetch(`${origin}/api/apps`, { headers: { authorization: `Bearer ${key}` } });
    try {
      expect((await withKey('good-key')).status).toBe(200);
      expect((await withKey('bad-1')).status).toBe(401);
      expect((await withKey('bad-2')).status).toBe(401);
      const blocked = await withKey('good-key');
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe('600');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('list endpoints page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(() => h.close());

  const get = async (path: string) => {
    const res = await fetch(`${h.base}${path}`, { headers: bearer });
    return { status: res.status, link: res.headers.get('link'), body: (await res.json()) as { id: string }[] };
  };
  /** The path (below /api) of a Link header's rel="next". */
  const nextOf = (link: string | null) => {
    const match = /^<\/api([^>]+)>; rel="next"$/.exec(link ?? '');
    if (!match) throw new Error(`no next link in ${String(link)}`);
    return match[1] as string;
  };

  it('GET /apps answers pages of `limit` with a rel="next" Link until the last page', async () => {
    const first = await get('/apps?limit=3');
    expect(first.body.map((a) => a.id)).toEqual(['app0', 'app1', 'app2']);
    const second = await get(nextOf(first.link));
    expect(second.body.map((a) => a.id)).toEqual(['app3', 'app4', 'app5']);
    const last = await get(nextOf(second.link));
    expect(last.body.map((a) => a.id)).toEqual(['app6']);
    expect(last.link).toBeNull();
    const all = await get('/apps');
    expect(all.body).toHaveLength(7);
    expect(all.link).toBeNull();
  });

  it('launches, access log and outbox page the same way, keeping their filters in the next link', async () => {
    const launches = await get('/launches?appId=x&limit=2');
    expect(launches.body.map((l) => l.id)).toEqual(['l0', 'l1']);
    expect(nextOf(launches.link)).toMatch(/^\/launches\?appId=x&limit=2&cursor=/);
    expect((await get(nextOf(launches.link))).body.map((l) => l.id)).toEqual(['l2', 'l3']);
    const log = await get('/access-log?limit=3');
    expect(log.body).toHaveLength(3);
    expect((await get(nextOf(log.link))).body.map((e) => e.id)).toEqual(['a3']);
    const outboxPage = await get('/outbox?limit=2');
    expect(outboxPage.body.map((m) => m.id)).toEqual(['m0', 'm1']);
    const rest = await get(nextOf(outboxPage.link));
    expect(rest.body.map((m) => m.id)).toEqual(['m2']);
    expect(rest.link).toBeNull();
    expect((await get('/patients?limit=500')).status).toBe(200);
  });

  it('refuses a limit outside 1..500 and a cursor it did not give with 400 invalid_query', async () => {
    for (const path of [
      '/apps?limit=0',
      '/apps?limit=501',
      '/outbox?limit=x',
      '/apps?cursor=bogus',
      '/launches?cursor=',
    ]) {
      const res = await get(path);
      if (path.endsWith('cursor=')) expect(res.status, path).toBe(200);
      else expect(res.status, path).toBe(400);
    }
  });
});
