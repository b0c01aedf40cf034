import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { choosePort, isPortFree, readRememberedPort, rememberPort } from './port.ts';

const HOST = '127.0.0.1';

function listen(port = 0): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(port, HOST, () => done(server));
  });
}

const portOf = (server: Server): number => (server.address() as { port: number }).port;
const close = (server: Server): Promise<void> => new Promise((done) => server.close(() => done()));

describe('port choice', () => {
  let dir: string;
  let file: string;
  const servers: Server[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plan-api-port-'));
    file = join(dir, 'state', 'server.json');
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close));
    await rm(dir, { recursive: true, force: true });
  });

  it('sees a port taken by a listening socket, and free once it is closed', async () => {
    const server = await listen();
    const port = portOf(server);
    expect(await isPortFree(HOST, port)).toBe(false);
    await close(server);
    expect(await isPortFree(HOST, port)).toBe(true);
  });

  it('remembers a port across reads, in a file it creates', async () => {
    expect(await readRememberedPort(file)).toBeUndefined();
    await rememberPort(file, 51234);
    expect(await readRememberedPort(file)).toBe(51234);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ port: 51234 });
  });

  it('ignores a remembered value that is not a usable port', async () => {
    await rememberPort(file, 1);
    for (const text of ['{"port":80}', '{"port":"5000"}', '{"port":70000}', '{"port":5000.5}', 'not json', '[]']) {
      await writeFile(file, text);
      expect(await readRememberedPort(file), text).toBeUndefined();
    }
  });

  it('reuses the remembered port when it is free', async () => {
    const server = await listen();
    const port = portOf(server);
    await close(server);
    await rememberPort(file, port);
    expect(await choosePort({ host: HOST, file })).toBe(port);
  });

  it('falls back to any free port (0) when the remembered one is taken, or none is remembered', async () => {
    const server = await listen();
    servers.push(server);
    await rememberPort(file, portOf(server));
    expect(await choosePort({ host: HOST, file })).toBe(0);
    await rm(file);
    expect(await choosePort({ host: HOST, file })).toBe(0);
  });

  it('falls back to 0 when told the remembered port just failed to bind', async () => {
    const server = await listen();
    const port = portOf(server);
    await close(server);
    await rememberPort(file, port);
    expect(await choosePort({ host: HOST, file, avoidRemembered: true })).toBe(0);
  });
});
