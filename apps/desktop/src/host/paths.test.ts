import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledResources, desktopPaths } from './paths.ts';

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('desktopPaths', () => {
  it('keeps the sandbox data in its own folder under userData, apart from logs and app state', () => {
    const paths = desktopPaths('/home/me/.config/Plan API Sandbox');
    expect(paths).toEqual({
      userData: '/home/me/.config/Plan API Sandbox',
      dataDir: '/home/me/.config/Plan API Sandbox/sandbox-data',
      logsDir: '/home/me/.config/Plan API Sandbox/logs',
      logFile: '/home/me/.config/Plan API Sandbox/logs/main.log',
      windowStateFile: '/home/me/.config/Plan API Sandbox/window-state.json',
      serverStateFile: '/home/me/.config/Plan API Sandbox/server.json',
    });
    for (const other of [paths.logsDir, paths.windowStateFile, paths.serverStateFile]) {
      expect(other.startsWith(`${paths.dataDir}/`)).toBe(false);
    }
  });
});

describe('bundledResources', () => {
  it('uses the copies beside app.asar once packaged', () => {
    expect(
      bundledResources({ isPackaged: true, resourcesPath: '/opt/Plan API Sandbox/resources', appPath: '/x/app.asar' }),
    ).toEqual({
      uiDir: '/opt/Plan API Sandbox/resources/ui',
      terminologyDir: '/opt/Plan API Sandbox/resources/terminology',
    });
  });

  it('finds the repository copies from apps/desktop in development', () => {
    const found = bundledResources({ isPackaged: false, resourcesPath: '/electron/resources', appPath: APP_DIR });
    expect(found.terminologyDir).toBe(resolve(APP_DIR, '../../resources/terminology'));
    expect(existsSync(join(found.terminologyDir, 'loinc.json'))).toBe(true);
    expect(found.uiDir).toBe(resolve(APP_DIR, '../../packages/ui/dist'));
    expect(existsSync(join(found.uiDir, '..', 'package.json'))).toBe(true);
  });
});
