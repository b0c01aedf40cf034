import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFork } from '../host/node-child.ts';
import { bundledResources, desktopPaths } from '../host/paths.ts';
import { prepareServerStart } from '../host/server-config.ts';
import { createServerHost, type ServerHost } from '../host/server-host.ts';
import { signIn } from '../host/sign-in.ts';

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(APP_DIR, 'out');
const MAIN = join(OUT, 'main', 'index.js');
const SERVER = join(OUT, 'main', 'server.js');
const PRELOAD = join(OUT, 'preload', 'index.cjs');

function read(file: string): string {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: build the desktop app first (pnpm --filter @plan-api/desktop build).`);
  }
  return readFileSync(file, 'utf8');
}

/** The modules one bundle file loads: import statements, dynamic imports, require calls (rolldown emits "..."). */
function loadedModules(code: string): string[] {
  const patterns = [
    /^import\s[^;]*?\bfrom\s*"([^"]+)";?\s*$/gm,
    /^import\s*"([^"]+)";?\s*$/gm,
    /(?<![\w$.])(?:__require|require)\(\s*"([^"]+)"\s*\)/g,
    /(?<![\w$.])import\(\s*"([^"]+)"\s*\)/g,
  ];
  return [...new Set(patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1] ?? '')))];
}

/** The modules a bundle loads, through the chunks it shares with other entries. */
function loadedThrough(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  return loadedModules(read(file)).flatMap((name) =>
    name.startsWith('.') ? loadedThrough(join(dirname(file), name), seen) : [name],
  );
}

const isBuiltin = (name: string): boolean =>
  name.startsWith('node:') || builtinModules.includes(name.split('/')[0] ?? '');

describe('the electron-vite build (out/)', () => {
  it('has the entries package.json and the main process name', () => {
    const pkg = JSON.parse(read(join(APP_DIR, 'package.json'))) as { main: string };
    expect(join(APP_DIR, pkg.main)).toBe(MAIN);
    for (const file of [MAIN, SERVER, PRELOAD]) expect(existsSync(file), file).toBe(true);
    const main = read(MAIN);
    expect(main).toContain('server.js');
    expect(main).toContain('index.cjs');
  });

  it('bundles everything: the bundles load only Electron and Node built-ins', () => {
    for (const file of [MAIN, SERVER, PRELOAD]) {
      expect(
        loadedThrough(file).filter((name) => name !== 'electron' && !isBuiltin(name)),
        file,
      ).toEqual([]);
    }
    // The server runs in a utility process, where Electron's main-process modules do not exist.
    expect(loadedThrough(SERVER)).not.toContain('electron');
    expect(loadedThrough(MAIN)).toContain('electron');
    expect(loadedThrough(SERVER)).toContain('node:http');
  });

  it('has a CommonJS preload (a sandboxed preload cannot be ESM) that exposes window.planApi and nothing else', () => {
    const preload = read(PRELOAD);
    expect(preload).toMatch(/require\(["']electron["']\)/);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect([...preload.matchAll(/exposeInMainWorld\(\s*["'](\w+)["']/g)].map((m) => m[1])).toEqual(['planApi']);
  });

  it('finds nothing relative to its own file: the terminology and the web UI come in as config', () => {
    const server = read(SERVER);
    expect(server).not.toMatch(/resources\/terminology/);
    expect(server).not.toContain('__planApiTerminologyUrl');
    expect(server).not.toMatch(/new URL\(\s*["'`][^"'`]*["'`]\s*,\s*import\.meta\.url\s*\)/);
  });
});

describe('the bundled server entry, run in a Node child as the utility process runs it', () => {
  let userData: string;
  let host: ServerHost;
  let token = '';
  beforeAll(async () => {
    read(SERVER);
    userData = await mkdtemp(join(tmpdir(), 'plan-api-bundle-'));
    const paths = desktopPaths(userData);
    // Where the packaged app finds them is covered by paths.test.ts; here, the repository's copies.
    const resources = bundledResources({ isPackaged: false, resourcesPath: '', appPath: APP_DIR });
    host = createServerHost({
      fork: nodeFork(SERVER),
      prepare: async (attempt) => {
        const config = await prepareServerStart({ paths, resources, directorySize: 80 }, attempt);
        token = config.token;
        return config;
      },
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    await host.stop();
    await rm(userData, { recursive: true, force: true });
  });

  it('serves the synthetic directory (terminology found) and the web UI to the signed-in window', async () => {
    const url = await host.start();
    const bundle = (await (await fetch(`${url}/directory/fhir/PractitionerRole?_count=1`)).json()) as {
      total: number;
      entry: { resource: { specialty?: { coding: { system: string }[] }[] } }[];
    };
    expect(bundle.total).toBeGreaterThan(0);
    expect(bundle.entry[0]?.resource.specialty?.[0]?.coding[0]?.system).toBe('http://nucc.org/provider-taxonomy');

    const cookie = await signIn(url, token);
    const page = await fetch(`${url}/`, { headers: { Cookie: `${cookie.name}=${cookie.value}` }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script[^>]+src="\/assets\//);
  }, 90_000);
});
