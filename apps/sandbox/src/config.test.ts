import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  defaultDataDir,
  loadSandboxConfig,
  parsePort,
  parsePublicUrl,
  parseRequirePkce,
  parseSupportedTypes,
  TOKEN_FILE,
} from './config.ts';

/** The repository root (this file is apps/sandbox/src/config.test.ts). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('defaultDataDir', () => {
  it('uses XDG_DATA_HOME on Linux, else ~/.local/share', () => {
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/data/me' }, '/home/me')).toBe('/data/me/plan-api');
    expect(defaultDataDir('linux', {}, '/home/me')).toBe('/home/me/.local/share/plan-api');
  });

  it('ignores a relative XDG_DATA_HOME, as the XDG spec says', () => {
    expect(defaultDataDir('linux', { XDG_DATA_HOME: 'rel/dir' }, '/home/me')).toBe('/home/me/.local/share/plan-api');
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultDataDir('darwin', {}, '/Users/me')).toBe('/Users/me/Library/Application Support/Plan API');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, 'C:\\Users\\me')).toBe(
      'C:\\Users\\me\\AppData\\Roaming\\Plan API',
    );
  });
});

describe('parsePort and parsePublicUrl', () => {
  it('defaults the port to 4010 and accepts 0 to 65535', () => {
    expect(parsePort(undefined)).toBe(4010);
    expect(parsePort(' ')).toBe(4010);
    expect(parsePort('0')).toBe(0);
    expect(parsePort('65535')).toBe(65535);
  });

  it('refuses a port that is not a whole number in range, naming the variable and the value', () => {
    for (const bad of ['abc', '-1', '65536', '80.5', '0x50', '4010a']) {
      expect(() => parsePort(bad)).toThrow(ConfigError);
      expect(() => parsePort(bad)).toThrow(
        `PORT must be a whole number from 0 to 65535 (0 = any free port); got "${bad}"`,
      );
    }
  });

  it('drops the trailing slash of the public URL and refuses non-http URLs', () => {
    expect(parsePublicUrl('https://sandbox.example.com/')).toBe('https://sandbox.example.com');
    expect(parsePublicUrl(undefined)).toBeUndefined();
    expect(() => parsePublicUrl('ftp://x')).toThrow(ConfigError);
    expect(() => parsePublicUrl('localhost:4010')).toThrow(ConfigError);
    expect(() => parsePublicUrl('http://x/?a=1')).toThrow(ConfigError);
  });
});

describe('parseSupportedTypes', () => {
  it("defaults to the seed's scope list plus Patient", () => {
    const seed = [
      'CareTeam',
      'Coverage',
      'ExplanationOfBenefit',
      'Encounter',
      'DiagnosticReport',
      'MedicationRequest',
      'Goal',
      'Condition',
      'CarePlan',
      'Procedure',
      'DocumentReference',
      'AllergyIntolerance',
      'Immunization',
      'Provenance',
      'Observation',
      'Device',
      'Practitioner',
      'Organization',
    ];
    for (const value of [undefined, '', '  ']) {
      expect([...parseSupportedTypes(value)].sort()).toEqual([...seed, 'Patient'].sort());
    }
  });

  it('reads a comma-separated list of Patient Access types, trimmed, once each', () => {
    expect(parseSupportedTypes(' Patient ,Coverage,,Patient, Medication ')).toEqual([
      'Patient',
      'Coverage',
      'Medication',
    ]);
  });

  it('refuses a type the Patient Access API does not serve, or no type at all, naming the variable', () => {
    for (const value of ['Patient,HealthcareService', 'patient', 'Patient,Foo', ',']) {
      expect(() => parseSupportedTypes(value)).toThrow(ConfigError);
      expect(() => parseSupportedTypes(value)).toThrow(/PLAN_API_SUPPORTED_TYPES/);
    }
    expect(() => parseSupportedTypes('Patient,HealthcareService')).toThrow(/"HealthcareService"/);
  });
});

describe('parseRequirePkce', () => {
  it('is off unless set: the sandbox lets a confidential app leave PKCE out', () => {
    for (const value of [undefined, '', ' ', 'false', 'FALSE']) expect(parseRequirePkce(value)).toBe(false);
    expect(parseRequirePkce(' true ')).toBe(true);
  });

  it('refuses anything but true or false, naming the variable', () => {
    for (const value of ['yes', '1', 'on']) expect(() => parseRequirePkce(value)).toThrow(/PLAN_API_REQUIRE_PKCE/);
  });
});

describe('loadSandboxConfig', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plan-api-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads every variable and prefers PLAN_API_SANDBOX_TOKEN to a token file', async () => {
    const config = await loadSandboxConfig(
      {
        PORT: '5000',
        HOST: '0.0.0.0',
        PLAN_API_DATA_DIR: dir,
        PLAN_API_PUBLIC_URL: 'https://sb.example.com',
        PLAN_API_SANDBOX_TOKEN: 'tok-123-a-long-enough-sandbox-token-value',
        PLAN_API_SUPPORTED_TYPES: 'Patient, Coverage,ExplanationOfBenefit',
        PLAN_API_REQUIRE_PKCE: 'true',
      },
      'linux',
      '/home/me',
    );
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 5000,
      dataDir: dir,
      publicUrl: 'https://sb.example.com',
      token: 'tok-123-a-long-enough-sandbox-token-value',
      tokenSource: { kind: 'env' },
      supportedTypes: ['Patient', 'Coverage', 'ExplanationOfBenefit'],
      requirePkce: true,
      uiDir: join(ROOT, 'packages', 'ui', 'dist'),
      terminologyDir: join(ROOT, 'resources', 'terminology'),
    });
    expect(existsSync(join(config.terminologyDir, 'us-places.json'))).toBe(true);
    await expect(stat(join(dir, TOKEN_FILE))).rejects.toThrow();
  });

  it('refuses a PLAN_API_SANDBOX_TOKEN shorter than 32 characters, saying how to make one', async () => {
    const load = loadSandboxConfig(
      { PLAN_API_DATA_DIR: dir, PLAN_API_SANDBOX_TOKEN: 'x'.repeat(31) },
      'linux',
      '/home/me',
    );
    await expect(load).rejects.toThrow(ConfigError);
    await expect(
      loadSandboxConfig({ PLAN_API_DATA_DIR: dir, PLAN_API_SANDBOX_TOKEN: 'short' }, 'linux', '/home/me'),
    ).rejects.toThrow(/PLAN_API_SANDBOX_TOKEN must be at least 32 characters .*got 5/);
    const ok = await loadSandboxConfig(
      { PLAN_API_DATA_DIR: dir, PLAN_API_SANDBOX_TOKEN: 'x'.repeat(32) },
      'linux',
      '/home/me',
    );
    expect(ok.token).toHaveLength(32);
  });

  it('generates a 256-bit token once, keeps it with mode 0600, and reads the same one next time', async () => {
    const first = await loadSandboxConfig({ PLAN_API_DATA_DIR: join(dir, 'nested') }, 'linux', '/home/me');
    const path = join(dir, 'nested', TOKEN_FILE);
    expect(first.tokenSource).toEqual({ kind: 'file', path, created: true });
    expect(Buffer.from(first.token, 'base64url')).toHaveLength(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await readFile(path, 'utf8')).trim()).toBe(first.token);
    const second = await loadSandboxConfig({ PLAN_API_DATA_DIR: join(dir, 'nested') }, 'linux', '/home/me');
    expect(second.token).toBe(first.token);
    expect(second.tokenSource).toEqual({ kind: 'file', path, created: false });
    expect(first.host).toBe('127.0.0.1');
    expect(first.port).toBe(4010);
    expect(first.publicUrl).toBeUndefined();
    expect(first.requirePkce).toBe(false);
  });

  it('tightens a token file that others can read to 0600', async () => {
    const path = join(dir, TOKEN_FILE);
    await writeFile(path, 'mine\n');
    await chmod(path, 0o644);
    const config = await loadSandboxConfig({ PLAN_API_DATA_DIR: dir }, 'linux', '/home/me');
    expect(config.token).toBe('mine');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('refuses an empty token file rather than guessing', async () => {
    await writeFile(join(dir, TOKEN_FILE), '\n');
    await expect(loadSandboxConfig({ PLAN_API_DATA_DIR: dir }, 'linux', '/home/me')).rejects.toThrow(/is empty/);
  });
});
