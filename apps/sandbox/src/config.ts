import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SUPPORTED_TYPES, EmptyTokenFileError, PATIENT_ACCESS_TYPES, tokenFromFile } from '@plan-api/sandbox';

export { TOKEN_FILE } from '@plan-api/sandbox';

/** The headless sandbox's settings, from the environment. */
export interface SandboxEnvConfig {
  host: string;
  /** 0 = any free port. */
  port: number;
  dataDir: string;
  /** Undefined when PLAN_API_PUBLIC_URL is not set: the server derives it from the address it binds. */
  publicUrl: string | undefined;
  token: string;
  /** Where the token came from: the environment, or the file in the data dir (made now or earlier). */
  tokenSource: { kind: 'env' } | { kind: 'file'; path: string; created: boolean };
  /** The web UI build (`packages/ui/dist` of this checkout: `pnpm sandbox` builds it first). */
  uiDir: string;
  /** The code lists synthetic data is made from (`resources/terminology` of this checkout). */
  terminologyDir: string;
  /** The Patient Access types supported (PLAN_API_SUPPORTED_TYPES; default the seed's scope list plus Patient). */
  supportedTypes: readonly string[];
  /** PLAN_API_REQUIRE_PKCE: require PKCE from confidential apps too (default false: only public apps must). */
  requirePkce: boolean;
}

/** Where this checkout keeps the web UI build and the terminology (the CLI runs from source). */
export function checkoutPaths(): { uiDir: string; terminologyDir: string } {
  return {
    uiDir: fileURLToPath(new URL('../../../packages/ui/dist', import.meta.url)),
    terminologyDir: fileURLToPath(new URL('../../../resources/terminology', import.meta.url)),
  };
}

/** A setting that cannot be used, with a message that says which and why. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** The shortest PLAN_API_SANDBOX_TOKEN accepted (the generated one is 43 characters: 256 bits). */
export const MIN_TOKEN_LENGTH = 32;

/**
 * The OS's per-user app-data folder for Plan API: `$XDG_DATA_HOME/plan-api` (default
 * `~/.local/share/plan-api`) on Linux and other Unixes, `~/Library/Application Support/Plan API` on
 * macOS, `%APPDATA%\Plan API` on Windows.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: Env, home: string): string {
  if (platform === 'win32')
    return win32.join(nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming'), 'Plan API');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Plan API');
  const xdg = nonEmpty(env.XDG_DATA_HOME);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  return join(xdg !== undefined && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'plan-api');
}

/** PORT: a whole number from 0 to 65535 (default 4010). */
export function parsePort(value: string | undefined): number {
  const text = nonEmpty(value);
  if (text === undefined) return 4010;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new ConfigError(
      `PORT must be a whole number from 0 to 65535 (0 = any free port); got "${text.slice(0, 40)}".`,
    );
  }
  return Number(text);
}

/** PLAN_API_PUBLIC_URL: an absolute http(s) URL without query or fragment; the trailing slash is dropped. */
export function parsePublicUrl(value: string | undefined): string | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`PLAN_API_PUBLIC_URL must be an absolute URL such as http://127.0.0.1:4010; got "${text}".`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '') {
    throw new ConfigError(`PLAN_API_PUBLIC_URL must be an http or https URL without query or fragment; got "${text}".`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * PLAN_API_SUPPORTED_TYPES: comma-separated Patient Access resource types (e.g. `Patient,Coverage,
 * ExplanationOfBenefit`), each supported by the FHIR API; duplicates dropped, order kept. Default: the seed's
 * scope list plus Patient.
 */
export function parseSupportedTypes(value: string | undefined): readonly string[] {
  const text = nonEmpty(value);
  if (text === undefined) return DEFAULT_SUPPORTED_TYPES;
  const types = [...new Set(text.split(',').map((item) => item.trim()))].filter((item) => item !== '');
  const unknown = types.filter((type) => !PATIENT_ACCESS_TYPES.includes(type));
  if (unknown.length > 0) {
    throw new ConfigError(
      `PLAN_API_SUPPORTED_TYPES names types the Patient Access API does not serve: ${unknown
        .map((type) => `"${type.slice(0, 40)}"`)
        .join(', ')}; use a comma-separated list of ${PATIENT_ACCESS_TYPES.join(', ')}.`,
    );
  }
  if (types.length === 0) {
    throw new ConfigError('PLAN_API_SUPPORTED_TYPES must name at least one resource type, such as Patient.');
  }
  return types;
}

/** PLAN_API_REQUIRE_PKCE: `true` or `false` (default false, so a vendor can test both server policies). */
export function parseRequirePkce(value: string | undefined): boolean {
  const text = nonEmpty(value)?.toLowerCase() ?? 'false';
  if (text === 'true' || text === 'false') return text === 'true';
  throw new ConfigError(`PLAN_API_REQUIRE_PKCE must be true or false; got "${text.slice(0, 40)}".`);
}

/** The token file of the data dir (made when missing); an empty one is a ConfigError. */
async function readTokenFile(dataDir: string): Promise<{ token: string; path: string; created: boolean }> {
  try {
    return await tokenFromFile(dataDir);
  } catch (err) {
    if (err instanceof EmptyTokenFileError) throw new ConfigError(err.message);
    throw err;
  }
}

/**
 * Reads the sandbox settings from the environment: PORT (default 4010), HOST (default 127.0.0.1),
 * PLAN_API_DATA_DIR (default the OS's per-user app-data folder), PLAN_API_PUBLIC_URL (default
 * `http://HOST:PORT`, decided by the server once bound), PLAN_API_SANDBOX_TOKEN (else the token file in
 * the data dir), PLAN_API_SUPPORTED_TYPES (default the seed's scope list plus Patient), PLAN_API_REQUIRE_PKCE
 * (default false). Throws ConfigError for a value it cannot use.
 */
export async function loadSandboxConfig(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): Promise<SandboxEnvConfig> {
  const port = parsePort(env.PORT);
  const host = nonEmpty(env.HOST) ?? '127.0.0.1';
  const configuredDir = nonEmpty(env.PLAN_API_DATA_DIR);
  const dataDir = configuredDir !== undefined ? resolve(configuredDir) : defaultDataDir(platform, env, home);
  const publicUrl = parsePublicUrl(env.PLAN_API_PUBLIC_URL);
  const supportedTypes = parseSupportedTypes(env.PLAN_API_SUPPORTED_TYPES);
  const requirePkce = parseRequirePkce(env.PLAN_API_REQUIRE_PKCE);
  // The data dir holds secrets (signing keys, the cookie secret, the token): only this user may read it.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const envToken = nonEmpty(env.PLAN_API_SANDBOX_TOKEN);
  if (envToken !== undefined) {
    if (/\s/.test(envToken)) throw new ConfigError('PLAN_API_SANDBOX_TOKEN must not contain spaces.');
    if (envToken.length < MIN_TOKEN_LENGTH) {
      throw new ConfigError(
        `PLAN_API_SANDBOX_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters (it guards the sandbox's API and ` +
          `web UI); got ${envToken.length}. Make one with \`openssl rand -base64 32\`, or unset it to use the ` +
          'token file the sandbox generates.',
      );
    }
    return {
      host,
      port,
      dataDir,
      publicUrl,
      token: envToken,
      tokenSource: { kind: 'env' },
      supportedTypes,
      requirePkce,
      ...checkoutPaths(),
    };
  }
  const file = await readTokenFile(dataDir);
  return {
    host,
    port,
    dataDir,
    publicUrl,
    token: file.token,
    tokenSource: { kind: 'file', path: file.path, created: file.created },
    supportedTypes,
    requirePkce,
    ...checkoutPaths(),
  };
}
