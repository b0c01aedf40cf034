import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTlsCredentials } from '@plan-api/http';
import type { TlsCredentials } from '@plan-api/http';

/** The production server's settings (DESIGN.md "Processes"), read from the environment. */
export interface ServerConfig {
  host: string;
  /** 0 = any free port. */
  port: number;
  /** The absolute URL members, vendors and apps reach the server at; undefined = derived from the bound address. */
  publicUrl: string | undefined;
  /** PostgreSQL (`DATABASE_URL`); undefined = lowdb files in the data dir (the embedded default for trying it out). */
  databaseUrl: string | undefined;
  /** The PostgreSQL schema (`DATABASE_SCHEMA`, default `plan_api`); the sandbox's FHIR data is in `<schema>_sandbox`. */
  databaseSchema: string;
  dataDir: string;
  /** `SMTP_URL` (e.g. `smtp://127.0.0.1:2525`); undefined = mail is kept in the outbox and written to files. */
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  /** `PLAN_API_SECRET`; undefined = one generated at the first start and kept in the database or data dir. */
  secret: string | undefined;
  planName: string;
  /** Express's `trust proxy` (`PLAN_API_TRUST_PROXY`): how the client address is read behind a load balancer. */
  trustProxy: boolean | number | string;
  /** `json` lines, or `text` for a person at a terminal (default: text on a TTY, JSON otherwise). */
  logFormat: 'json' | 'text';
  /**
   * `PLAN_API_TLS_CERT` and `PLAN_API_TLS_KEY` (PEM files): the server terminates TLS itself (TLS 1.2 and 1.3
   * only); undefined = plain HTTP (behind a TLS-terminating proxy).
   */
  tls: TlsFiles | undefined;
  /** The plan's own OpenID Connect provider for member sign-in (`PLAN_OIDC_*`); undefined = not offered. */
  memberOidc: MemberOidcConfig | undefined;
  /**
   * `PLAN_API_REQUIRE_PKCE` (default true): the production realm requires PKCE from every app, confidential ones
   * too (OAuth 2.0 Security BCP). `false` requires it from public apps only.
   */
  requirePkce: boolean;
  /** The web UI build and the terminology of this checkout (the CLI runs from source). */
  uiDir: string;
  terminologyDir: string;
}

/** `PLAN_OIDC_ISSUER`, `PLAN_OIDC_CLIENT_ID`, `PLAN_OIDC_CLIENT_SECRET` and the button's `PLAN_OIDC_LABEL`. */
export interface MemberOidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
}

/** The paths of the PEM certificate (chain) and private key the server terminates TLS with. */
export interface TlsFiles {
  certPath: string;
  keyPath: string;
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

/** The per-user data folder of the server's embedded mode (beside the desktop sandbox's, never inside it). */
export function defaultServerDataDir(platform: NodeJS.Platform, env: Env, home: string): string {
  if (platform === 'win32')
    return win32.join(nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming'), 'Plan API Server');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Plan API Server');
  const xdg = nonEmpty(env.XDG_DATA_HOME);
  return join(xdg !== undefined && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'plan-api-server');
}

function parsePort(value: string | undefined): number {
  const text = nonEmpty(value);
  if (text === undefined) return 4020;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new ConfigError(
      `PORT must be a whole number from 0 to 65535 (0 = any free port); got "${text.slice(0, 40)}".`,
    );
  }
  return Number(text);
}

function parseUrl(name: string, value: string | undefined, protocols: string[], example: string): string | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${name} must be an absolute URL such as ${example}.`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(
      `${name} must be a ${protocols.map((p) => p.slice(0, -1)).join(' or ')} URL such as ${example}.`,
    );
  }
  return text;
}

function parsePublicUrl(value: string | undefined): string | undefined {
  const text = parseUrl('PLAN_API_PUBLIC_URL', value, ['http:', 'https:'], 'https://plan.example.org');
  if (text === undefined) return undefined;
  const url = new URL(text);
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError(`PLAN_API_PUBLIC_URL must not have a query or fragment; got "${text}".`);
  }
  return url.href.replace(/\/+$/, '');
}

function parseSchema(value: string | undefined): string {
  const text = nonEmpty(value) ?? 'plan_api';
  if (!/^[a-z_][a-z0-9_]{0,50}$/.test(text)) {
    throw new ConfigError(
      `DATABASE_SCHEMA must be a lower-case SQL name (letters, digits, _); got "${text.slice(0, 60)}".`,
    );
  }
  return text;
}

function parseSecret(value: string | undefined): string | undefined {
  const text = nonEmpty(value);
  if (text !== undefined && text.length < 32) {
    throw new ConfigError('PLAN_API_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`).');
  }
  return text;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  const text = nonEmpty(value);
  if (text === undefined || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  return text;
}

function parseRequirePkce(value: string | undefined): boolean {
  const text = nonEmpty(value)?.toLowerCase() ?? 'true';
  if (text === 'true' || text === 'false') return text === 'true';
  throw new ConfigError(`PLAN_API_REQUIRE_PKCE must be true or false; got "${text.slice(0, 40)}".`);
}

function parseMemberOidc(env: Env, planName: string): MemberOidcConfig | undefined {
  const issuer = parseUrl('PLAN_OIDC_ISSUER', env.PLAN_OIDC_ISSUER, ['http:', 'https:'], 'https://id.plan.example');
  const clientId = nonEmpty(env.PLAN_OIDC_CLIENT_ID);
  const clientSecret = nonEmpty(env.PLAN_OIDC_CLIENT_SECRET);
  if (issuer === undefined && clientId === undefined && clientSecret === undefined) return undefined;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) {
    throw new ConfigError(
      'Member sign-in with OpenID Connect needs PLAN_OIDC_ISSUER, PLAN_OIDC_CLIENT_ID and PLAN_OIDC_CLIENT_SECRET together.',
    );
  }
  return { issuer, clientId, clientSecret, label: nonEmpty(env.PLAN_OIDC_LABEL) ?? `Sign in with ${planName}` };
}

function parseTls(env: Env): TlsFiles | undefined {
  const cert = nonEmpty(env.PLAN_API_TLS_CERT);
  const key = nonEmpty(env.PLAN_API_TLS_KEY);
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined || key === undefined) {
    throw new ConfigError(
      'TLS needs PLAN_API_TLS_CERT (the PEM certificate file) and PLAN_API_TLS_KEY (its PEM private key file) together.',
    );
  }
  return { certPath: resolve(cert), keyPath: resolve(key) };
}

function readPem(name: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(`${name}: cannot read ${path} (${reason}).`);
  }
}

/**
 * Reads the certificate and key files and checks that they make a TLS context; a ConfigError names the variable
 * and what is wrong (missing or unreadable file, not PEM, a key that does not match the certificate).
 */
export function readTlsCredentials(files: TlsFiles): TlsCredentials {
  const credentials = {
    cert: readPem('PLAN_API_TLS_CERT', files.certPath),
    key: readPem('PLAN_API_TLS_KEY', files.keyPath),
  };
  try {
    checkTlsCredentials(credentials);
  } catch (error) {
    throw new ConfigError(
      `PLAN_API_TLS_CERT and PLAN_API_TLS_KEY must be a PEM certificate and its matching private key: ${(error as Error).message}`,
    );
  }
  return credentials;
}

/** Where this checkout keeps the web UI build and the terminology (apps/server/src/config.ts is three below). */
function checkout(): { uiDir: string; terminologyDir: string } {
  return {
    uiDir: fileURLToPath(new URL('../../../packages/ui/dist', import.meta.url)),
    terminologyDir: fileURLToPath(new URL('../../../resources/terminology', import.meta.url)),
  };
}

/**
 * Reads the server's settings: PORT (4020), HOST (0.0.0.0), PLAN_API_PUBLIC_URL, DATABASE_URL, PLAN_API_DATA_DIR,
 * SMTP_URL, MAIL_FROM, PLAN_API_SECRET, PLAN_NAME, PLAN_API_TRUST_PROXY, PLAN_API_LOG_FORMAT, PLAN_API_TLS_CERT,
 * PLAN_API_TLS_KEY, PLAN_OIDC_*, PLAN_API_REQUIRE_PKCE. Throws ConfigError for a value it cannot use.
 */
export function loadServerConfig(
  env: Env = process.env,
  options: { platform?: NodeJS.Platform; home?: string; tty?: boolean } = {},
): ServerConfig {
  const dataDirSetting = nonEmpty(env.PLAN_API_DATA_DIR);
  const logFormat = nonEmpty(env.PLAN_API_LOG_FORMAT);
  if (logFormat !== undefined && logFormat !== 'json' && logFormat !== 'text') {
    throw new ConfigError(`PLAN_API_LOG_FORMAT must be json or text; got "${logFormat.slice(0, 40)}".`);
  }
  return {
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    port: parsePort(env.PORT),
    publicUrl: parsePublicUrl(env.PLAN_API_PUBLIC_URL),
    databaseUrl: parseUrl(
      'DATABASE_URL',
      env.DATABASE_URL,
      ['postgres:', 'postgresql:'],
      'postgres://user@db:5432/plan',
    ),
    databaseSchema: parseSchema(env.DATABASE_SCHEMA),
    dataDir:
      dataDirSetting !== undefined
        ? resolve(dataDirSetting)
        : defaultServerDataDir(options.platform ?? process.platform, env, options.home ?? homedir()),
    smtpUrl: parseUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:'], 'smtp://127.0.0.1:2525'),
    mailFrom: nonEmpty(env.MAIL_FROM),
    secret: parseSecret(env.PLAN_API_SECRET),
    planName: nonEmpty(env.PLAN_NAME) ?? 'Plan API Health Plan',
    trustProxy: parseTrustProxy(env.PLAN_API_TRUST_PROXY),
    logFormat: logFormat ?? ((options.tty ?? process.stdout.isTTY) ? 'text' : 'json'),
    tls: parseTls(env),
    memberOidc: parseMemberOidc(env, nonEmpty(env.PLAN_NAME) ?? 'Plan API Health Plan'),
    requirePkce: parseRequirePkce(env.PLAN_API_REQUIRE_PKCE),
    ...checkout(),
  };
}
