import { describe, expect, it } from 'vitest';
import { IPC, type AppInfo } from '../shared/api.ts';
import { createIpcHandlers, IpcRefused, type IpcDeps } from './ipc.ts';

const ORIGIN = 'http://127.0.0.1:51234';
const UI = `${ORIGIN}/apps`;

function setup(running = true): { deps: IpcDeps; done: string[] } {
  const origin = running ? ORIGIN : undefined;
  const done: string[] = [];
  const info: AppInfo = {
    name: 'Plan API Sandbox',
    version: '0.1.0',
    dataDir: '/u/sandbox-data',
    logFile: '/u/logs/main.log',
    serverUrl: origin,
  };
  return {
    done,
    deps: {
      appInfo: () => info,
      serverOrigin: () => origin,
      openExternal: (url) => {
        done.push(`external ${url}`);
        return Promise.resolve();
      },
      openFolder: (path) => {
        done.push(`folder ${path}`);
        return Promise.resolve();
      },
      showFile: (path) => done.push(`file ${path}`),
    },
  };
}

describe('createIpcHandlers', () => {
  it('has a handler for every invoke channel of the shared API, and none for the status event', () => {
    const handlers = createIpcHandlers(setup().deps);
    expect(Object.keys(handlers).sort()).toEqual(
      [IPC.appInfo, IPC.openDataFolder, IPC.openExternal, IPC.showLogs].sort(),
    );
  });

  it('answers the sandbox UI with the app info', async () => {
    const handlers = createIpcHandlers(setup().deps);
    expect(await handlers[IPC.appInfo](UI, [])).toMatchObject({ version: '0.1.0', dataDir: '/u/sandbox-data' });
  });

  it('opens http and https URLs in the system browser', async () => {
    const { deps, done } = setup();
    const handlers = createIpcHandlers(deps);
    await handlers[IPC.openExternal](UI, ['https://hl7.org/fhir/smart-app-launch/']);
    await handlers[IPC.openExternal](UI, ['http://localhost:3000/launch?iss=x']);
    expect(done).toEqual([
      'external https://hl7.org/fhir/smart-app-launch/',
      'external http://localhost:3000/launch?iss=x',
    ]);
  });

  it('refuses to open anything else, and opens nothing then', async () => {
    const { deps, done } = setup();
    const handlers = createIpcHandlers(deps);
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-msdt:/id',
      '/apps',
      42,
      null,
      { url: 'https://x' },
    ]) {
      await expect(handlers[IPC.openExternal](UI, [bad])).rejects.toThrow(IpcRefused);
    }
    await expect(handlers[IPC.openExternal](UI, [])).rejects.toThrow('takes 1 argument(s), got 0');
    await expect(handlers[IPC.openExternal](UI, ['https://a.example', 'https://b.example'])).rejects.toThrow(
      IpcRefused,
    );
    expect(done).toEqual([]);
  });

  it('opens the app’s own data folder and log file, ignoring any path the page sends', async () => {
    const { deps, done } = setup();
    const handlers = createIpcHandlers(deps);
    await handlers[IPC.openDataFolder](UI, []);
    await handlers[IPC.showLogs](UI, []);
    await expect(handlers[IPC.openDataFolder](UI, ['/etc'])).rejects.toThrow(IpcRefused);
    expect(done).toEqual(['folder /u/sandbox-data', 'file /u/logs/main.log']);
  });

  it('answers nothing to a page from another origin, or while the server is not running', async () => {
    const { deps, done } = setup();
    const handlers = createIpcHandlers(deps);
    for (const sender of ['https://evil.example/', 'http://127.0.0.1:51235/', 'data:text/html,x', 'file:///x.html']) {
      await expect(handlers[IPC.appInfo](sender, [])).rejects.toThrow('only answered to the sandbox UI');
      await expect(handlers[IPC.openExternal](sender, ['https://x.example'])).rejects.toThrow(IpcRefused);
    }
    const stopped = createIpcHandlers(setup(false).deps);
    await expect(stopped[IPC.showLogs](UI, [])).rejects.toThrow(IpcRefused);
    expect(done).toEqual([]);
  });
});
