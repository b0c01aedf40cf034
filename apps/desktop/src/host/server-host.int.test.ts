import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerStatus } from '../shared/api.ts';
import { nodeFork } from './node-child.ts';
import { bundledResources, desktopPaths, type DesktopPaths } from './paths.ts';
import { readRememberedPort, rememberPort } from './port.ts';
import type { ServerStartConfig } from './protocol.ts';
import { prepareServerStart } from './server-config.ts';
import { createServerHost, type ServerHost, type ServerHostOptions } from './server-host.ts';
import { signIn, type CookieDetails } from './sign-in.ts';

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The server entry the utility process runs, here in a Node child (run as TypeScript through tsx). */
const ENTRY = join(APP_DIR, 'src', 'server', 'index.ts');
const RESOURCES = bundledResources({ isPackaged: false, resourcesPath: '', appPath: APP_DIR });

const cookieHeader = (cookie: CookieDetails): string => `${cookie.name}=${cookie.value}`;
const portOf = (url: string): number => Number(new URL(url).port);

async function appNames(url: string, auth: { token?: string; cookie?: CookieDetails }): Promise<string[]> {
  const headers: Record<string, string> = auth.token
    ? { Authorization: `Bearer ${auth.token}` }
    : { Cookie: auth.cookie ? cookieHeader(auth.cookie) : '' };
  const res = await fetch(`${url}/api/apps`, { headers });
  if (res.status !== 200) throw new Error(`GET /api/apps answered ${res.status}`);
  return ((await res.json()) as { name: string }[]).map((a) => a.name);
}

async function createApp(url: string, token: string, name: string): Promise<void> {
  const res = await fetch(`${url}/api/apps`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, oauthType: 'pkce', redirectUris: ['http://localhost:3000/cb'] }),
  });
  expect(res.status).toBe(201);
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

describe('the server host running the real server entry', () => {
  let userData: string;
  let paths: DesktopPaths;
  const hosts: ServerHost[] = [];
  const sockets: Server[] = [];
  beforeEach(async () => {
    userData = await mkdtemp(join(tmpdir(), 'plan-api-desktop-'));
    paths = desktopPaths(userData);
  });
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.stop()));
    await Promise.all(sockets.splice(0).map((s) => new Promise((done) => s.close(done))));
    await rm(userData, { recursive: true, force: true });
  });

  function desktopHost(extra: Partial<ServerHostOptions> = {}) {
    const statuses: ServerStatus[] = [];
    const prepared: ServerStartConfig[] = [];
    const host = createServerHost({
      fork: nodeFork(ENTRY, { execArgv: ['--import', 'tsx'] }),
      prepare: async (attempt) => {
        const config = await prepareServerStart({ paths, resources: RESOURCES, directorySize: 60 }, attempt);
        prepared.push(config);
        return config;
      },
      onReady: (url) => rememberPort(paths.serverStateFile, portOf(url)),
      onStatus: (status) => statuses.push(status),
      backoff: { initialMs: 50, factor: 2, maxMs: 200 },
      ...extra,
    });
    hosts.push(host);
    return { host, statuses, prepared };
  }

  it('serves the sandbox, signs in without the token in a page URL, and survives a crash on the same port with its data', async () => {
    const { host, statuses, prepared } = desktopHost();
    const url = await host.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'ready']);
    expect(await readRememberedPort(paths.serverStateFile)).toBe(portOf(url));
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });

    const token = prepared[0]?.token ?? '';
    expect(token).toHaveLength(43);
    const cookie = await signIn(url, token);
    expect(cookie).toMatchObject({
      url: `${url}/`,
      name: 'plan_api_session',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
    });
    expect(cookie.value).not.toContain(token);
    await createApp(url, token, 'Before the crash');
    expect(await appNames(url, { cookie })).toEqual(['Before the crash']);

    const pid = host.pid;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid ?? 0, 'SIGKILL');
    await until(() => statuses.filter((s) => s.state === 'ready').length === 2, 'the restart');
    const crash = statuses.find((s) => s.state === 'restarting');
    expect(crash).toMatchObject({ attempt: 1, retryInMs: 50 });
    expect(crash?.message).toBe('The sandbox server stopped unexpectedly (exit code none: killed).');
    expect(host.url).toBe(url);
    expect(host.pid).not.toBe(pid);
    // Same port and same data dir: the window's session and the vendor's app both survive.
    expect(await appNames(url, { cookie })).toEqual(['Before the crash']);

    await host.stop();
    expect(host.status.state).toBe('stopped');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 90_000);

  it('starts on another port when the remembered one is taken by someone else', async () => {
    const { host, statuses } = desktopHost();
    const first = await host.start();
    await host.stop();
    const squatter = createServer();
    sockets.push(squatter);
    await new Promise<void>((done) => squatter.listen(portOf(first), '127.0.0.1', done));
    const second = await host.start();
    expect(second).not.toBe(first);
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'ready', 'stopped', 'starting', 'ready']);
    expect(await readRememberedPort(paths.serverStateFile)).toBe(portOf(second));
  }, 90_000);

  it('retries at once on any port when the port it was given turns out to be taken', async () => {
    const squatter = createServer();
    sockets.push(squatter);
    await new Promise<void>((done) => squatter.listen(0, '127.0.0.1', done));
    const taken = (squatter.address() as { port: number }).port;
    await rememberPort(paths.serverStateFile, taken);
    const { host, statuses } = desktopHost({
      // As if the port were free when checked and taken a moment later.
      prepare: async (attempt) => ({
        ...(await prepareServerStart({ paths, resources: RESOURCES, directorySize: 60 }, attempt)),
        ...(attempt.portTaken ? {} : { port: taken }),
      }),
    });
    const url = await host.start();
    expect(portOf(url)).not.toBe(taken);
    const retry = statuses.find((s) => s.state === 'restarting');
    expect(retry).toMatchObject({ attempt: 1, retryInMs: 0 });
    expect(retry?.message).toContain('could not start');
  }, 90_000);

  it('gives up on a data dir it cannot use, saying why', async () => {
    const blocker = join(userData, 'a-file');
    await writeFile(blocker, 'not a folder');
    const { host, statuses } = desktopHost({
      maxAttempts: 2,
      prepare: async (attempt) => ({
        ...(await prepareServerStart({ paths, resources: RESOURCES, directorySize: 60 }, attempt)),
        dataDir: join(blocker, 'data'),
      }),
    });
    await expect(host.start()).rejects.toThrow(/could not start: .*(ENOTDIR|EEXIST).* Gave up after 2 attempts/);
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'restarting', 'restarting', 'failed']);
  }, 90_000);

  it('resets: stops, lets the data dir be deleted, and starts fresh with a new token', async () => {
    const { host, prepared } = desktopHost();
    const url = await host.start();
    const oldToken = prepared[0]?.token ?? '';
    const oldCookie = await signIn(url, oldToken);
    await createApp(url, oldToken, 'Gone after the reset');
    let serverWasDown = false;
    const again = await host.restart(async () => {
      serverWasDown = await fetch(`${url}/health`).then(
        () => false,
        () => true,
      );
      await rm(paths.dataDir, { recursive: true, force: true });
    });
    expect(serverWasDown).toBe(true);
    expect(again).toBe(url);
    const newToken = prepared.at(-1)?.token ?? '';
    expect(newToken).not.toBe(oldToken);
    await expect(signIn(url, oldToken)).rejects.toThrow('refused the sign-in (HTTP 401)');
    await expect(appNames(url, { cookie: oldCookie })).rejects.toThrow('answered 401');
    expect(await appNames(url, { cookie: await signIn(url, newToken) })).toEqual([]);
  }, 90_000);
});
