import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerStatus } from '../shared/api.ts';
import { nodeFork } from './node-child.ts';
import type { ServerStartConfig } from './protocol.ts';
import { createServerHost, type ServerHost } from './server-host.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const TSX = ['--import', 'tsx'];
/** Never read: the fixture servers ignore their settings. */
const CONFIG: ServerStartConfig = {
  host: '127.0.0.1',
  port: 0,
  dataDir: '/nonexistent',
  token: 'unused',
  tokenHint: 'unused',
  uiDir: '/nonexistent',
  terminologyDir: '/nonexistent',
};

describe('createServerHost with misbehaving servers', () => {
  const hosts: ServerHost[] = [];
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((host) => host.stop()));
  });

  function host(fixture: string, extra: Partial<Parameters<typeof createServerHost>[0]> = {}) {
    const statuses: ServerStatus[] = [];
    const created = createServerHost({
      fork: nodeFork(join(HERE, '..', 'testing', fixture), { execArgv: TSX }),
      prepare: () => Promise.resolve(CONFIG),
      onStatus: (status) => statuses.push(status),
      backoff: { initialMs: 20, factor: 2, maxMs: 40 },
      ...extra,
    });
    hosts.push(created);
    return { host: created, statuses };
  }

  it('kills a server that never says ready, retries, and gives up after the allowed attempts', async () => {
    const { host: h, statuses } = host('silent-server.ts', { startTimeoutMs: 1_500, maxAttempts: 2 });
    await expect(h.start()).rejects.toThrow('Gave up after 2 attempts in a row');
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'restarting', 'restarting', 'failed']);
    expect(statuses[1]).toMatchObject({
      attempt: 1,
      retryInMs: 20,
      message: 'The sandbox server was not ready within 1500 ms.',
    });
    expect(h.status.state).toBe('failed');
    expect(h.url).toBeUndefined();
  }, 20_000);

  it('does not trust a ready message whose /health never answers ok', async () => {
    const { host: h, statuses } = host('unhealthy-server.ts', { startTimeoutMs: 1_500, maxAttempts: 1 });
    await expect(h.start()).rejects.toThrow(
      /never became healthy: .*\/health did not answer ok .*HTTP 503 \(starting\)/,
    );
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'failed']);
  }, 20_000);

  it('stops promptly while waiting to retry, and says it is stopped', async () => {
    const { host: h, statuses } = host('silent-server.ts', {
      startTimeoutMs: 1_000,
      backoff: { initialMs: 60_000, factor: 2, maxMs: 60_000 },
    });
    const started = h.start();
    started.catch(() => undefined);
    while (h.status.state !== 'restarting' || h.status.retryInMs === undefined) {
      await new Promise((done) => setTimeout(done, 50));
    }
    const t0 = Date.now();
    await h.stop();
    expect(Date.now() - t0).toBeLessThan(2_000);
    await expect(started).rejects.toThrow('was stopped');
    expect(statuses.at(-1)?.state).toBe('stopped');
  }, 20_000);

  it('reports a server that cannot be prepared as a failed attempt', async () => {
    const { host: h, statuses } = host('silent-server.ts', {
      maxAttempts: 1,
      prepare: () => Promise.reject(new Error('disk full')),
    });
    await expect(h.start()).rejects.toThrow('could not be prepared: disk full');
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', attempt: 1 });
  });
});
