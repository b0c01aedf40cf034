import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandboxServer } from '@plan-api/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerStartConfig, ServerToHost } from '../host/protocol.ts';
import type { ParentChannel } from './channel.ts';
import { parentChannel } from './channel.ts';
import { detailsText, runServerChild } from './run.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** An in-process line between a host and the child logic: what a parent would send, and what it got back. */
function line(): { channel: ParentChannel; send(message: unknown): void; disconnect(): void; sent: ServerToHost[] } {
  const sent: ServerToHost[] = [];
  let onMessage: (message: unknown) => void = () => undefined;
  let onDisconnect: () => void = () => undefined;
  return {
    sent,
    channel: {
      send: (message) => sent.push(message),
      onMessage: (listener) => (onMessage = listener),
      onDisconnect: (listener) => (onDisconnect = listener),
    },
    send: (message) => onMessage(message),
    disconnect: () => onDisconnect(),
  };
}

async function until<T>(get: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 20));
  }
}

describe('runServerChild', () => {
  let dataDir: string;
  let config: ServerStartConfig;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plan-api-child-'));
    config = {
      host: '127.0.0.1',
      port: 0,
      dataDir,
      token: 'child-token',
      tokenHint: 'in a test',
      uiDir: join(ROOT, 'packages', 'ui', 'dist'),
      terminologyDir: join(ROOT, 'resources', 'terminology'),
      directorySize: 40,
    };
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts the sandbox on start, answers ready with its URL, and on stop says stopped and exits 0', async () => {
    const l = line();
    const exits: number[] = [];
    runServerChild({ channel: l.channel, createServer: createSandboxServer, exit: (code) => exits.push(code) });
    l.send({ type: 'start', config });
    const ready = await until(() => l.sent.find((m) => m.type === 'ready'));
    expect(ready.type === 'ready' && ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const url = ready.type === 'ready' ? ready.url : '';
    const res = await fetch(`${url}/api/apps`, { headers: { Authorization: 'Bearer child-token' } });
    expect(res.status).toBe(200);
    expect(l.sent).toContainEqual(expect.objectContaining({ type: 'log', level: 'info' }));
    // The directory was made from the configured terminology folder: its resources are there.
    const directory = await fetch(`${url}/directory/fhir/Organization?_count=1`);
    expect(((await directory.json()) as { entry?: unknown[] }).entry).toHaveLength(1);

    l.send({ type: 'start', config: { ...config, token: 'second' } });
    l.send({ type: 'stop' });
    await until(() => exits[0]);
    expect(exits).toEqual([0]);
    expect(l.sent.filter((m) => m.type === 'ready')).toHaveLength(1);
    expect(l.sent.at(-1)).toEqual({ type: 'stopped' });
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 60_000);

  it('says failed with the error code and exits 1 when the sandbox cannot start', async () => {
    const l = line();
    const exits: number[] = [];
    runServerChild({ channel: l.channel, createServer: createSandboxServer, exit: (code) => exits.push(code) });
    l.send('garbage');
    l.send({ type: 'start', config: { ...config, port: -1 } });
    expect(l.sent).toEqual([]);
    l.send({ type: 'start', config: { ...config, host: '203.0.113.1' } });
    await until(() => exits[0]);
    expect(exits).toEqual([1]);
    expect(l.sent.find((m) => m.type === 'failed')).toMatchObject({ type: 'failed', code: 'EADDRNOTAVAIL' });
  }, 60_000);

  it('stops and exits 0 when its parent goes away', async () => {
    const l = line();
    const exits: number[] = [];
    runServerChild({ channel: l.channel, createServer: createSandboxServer, exit: (code) => exits.push(code) });
    l.disconnect();
    await until(() => exits[0]);
    expect(exits).toEqual([0]);
  });
});

describe('detailsText', () => {
  it('keeps what an Error says, which JSON.stringify alone would drop', () => {
    const error = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    const parsed = JSON.parse(detailsText({ error }) ?? '') as { error: Record<string, string> };
    expect(parsed.error).toMatchObject({ name: 'Error', message: 'listen EADDRINUSE', code: 'EADDRINUSE' });
    expect(parsed.error.stack).toContain('listen EADDRINUSE');
    expect(detailsText(undefined)).toBeUndefined();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(detailsText(cyclic)).toBe('[details that cannot be shown as JSON]');
  });
});

describe('parentChannel', () => {
  it("uses Electron's parentPort in a utility process, unwrapping each message event", () => {
    const posted: unknown[] = [];
    let deliver: (event: { data: unknown }) => void = () => undefined;
    const utility = {
      parentPort: {
        postMessage: (message: unknown) => posted.push(message),
        on: (_event: 'message', listener: (event: { data: unknown }) => void) => (deliver = listener),
      },
    } as unknown as NodeJS.Process;
    const channel = parentChannel(utility);
    const received: unknown[] = [];
    channel.onMessage((message) => received.push(message));
    deliver({ data: { type: 'stop' } });
    channel.send({ type: 'stopped' });
    expect(received).toEqual([{ type: 'stop' }]);
    expect(posted).toEqual([{ type: 'stopped' }]);
  });

  it('refuses to run without a parent to talk to', () => {
    expect(() => parentChannel({} as NodeJS.Process)).toThrow('start it from the desktop app');
  });
});
