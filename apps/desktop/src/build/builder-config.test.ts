import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundledResources } from '../host/paths.ts';

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROOT = resolve(APP_DIR, '..', '..');
const CONFIG_FILE = join(ROOT, 'electron-builder.yml');
/** The parts of electron-builder's configuration these tests read. */
interface BuilderConfig {
  appId: string;
  productName: string;
  electronVersion: string;
  directories: Record<string, string>;
  files: string[];
  asar: boolean;
  extraResources: { from: string; to: string }[];
  linux: { target: string[]; maintainer: string; icon: string };
  deb: { packageName: string };
  mac: { target: string; category: string; icon: string };
  win: { target: string; icon: string };
}
const config = parse(readFileSync(CONFIG_FILE, 'utf8')) as BuilderConfig;
const appPackage = JSON.parse(readFileSync(join(APP_DIR, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
  devDependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('names the app and lays out the project from the repository root', () => {
    expect(config.appId).toBe('org.planapi.sandbox');
    expect(config.productName).toBe('Plan API Sandbox');
    expect(config.productName).toBe(appPackage.productName);
    expect(config.directories).toEqual({ app: 'apps/desktop', output: 'dist-desktop', buildResources: 'resources' });
    expect(config.asar).toBe(true);
  });

  it('packages the electron-vite output only, and the files the server reads beside app.asar', () => {
    expect(config.files).toContain('out/**/*');
    expect(appPackage.main).toBe('out/main/index.js');
    const extra = config.extraResources;
    const packaged = bundledResources({ isPackaged: true, resourcesPath: '/R', appPath: '/R/app.asar' });
    expect(extra).toContainEqual({ from: 'packages/ui/dist', to: basename(packaged.uiDir) });
    expect(extra).toContainEqual({ from: 'resources/terminology', to: basename(packaged.terminologyDir) });
    expect(existsSync(join(ROOT, 'resources', 'terminology', 'us-places.json'))).toBe(true);
    // Bundled: nothing at run time comes from node_modules.
    expect(Object.keys((appPackage as { dependencies?: object }).dependencies ?? {})).toEqual([]);
  });

  it('targets AppImage and deb (with a maintainer), dmg in Developer Tools, and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.deb.packageName).toMatch(/^[a-z0-9][a-z0-9+.-]+$/);
    expect(config.mac.target).toBe('dmg');
    expect(config.mac.category).toBe('public.app-category.developer-tools');
    expect(config.win.target).toBe('nsis');
  });

  it('uses the icons in resources/icons: a 1024 px PNG, an icns and an ico with a 256 px image', () => {
    expect(config.linux.icon).toBe('resources/icons/icon.png');
    expect(config.mac.icon).toBe('resources/icons/icon.icns');
    expect(config.win.icon).toBe('resources/icons/icon.ico');
    const png = readFileSync(join(ROOT, config.linux.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    const icns = readFileSync(join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const ico = readFileSync(join(ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
  });

  it('packages the Electron version apps/desktop is built with', () => {
    const installed = JSON.parse(readFileSync(join(APP_DIR, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(config.electronVersion).toBe(installed.version);
    expect(appPackage.devDependencies.electron).toBe(installed.version);
    // Electron 38 embeds Node 22, which the bundles target.
    expect(Number(installed.version.split('.')[0])).toBe(38);
  });

  it("passes electron-builder's own loading and schema validation", async () => {
    // app-builder-lib is electron-builder's dependency: reach it through electron-builder's location.
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
      getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
      validateConfiguration(
        config: Record<string, unknown>,
        logger: { isEnabled: boolean; add(): void },
      ): Promise<void>;
    };
    const logger = { isEnabled: false, add: () => undefined };
    const loaded = await getConfig(ROOT, null, null);
    expect(loaded.appId).toBe('org.planapi.sandbox');
    await expect(validateConfiguration(loaded, logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...loaded, mac: { categroy: 'typo' } }, logger)).rejects.toThrow(
      'Invalid configuration object',
    );
  });
});
