import { describe, expect, it } from 'vitest';
import { ConfigError, defaultServerDataDir, loadServerConfig } from './config.ts';

const opts = { platform: 'linux' as const, home: '/home/op', tty: false };

describe('loadServerConfig', () => {
  it('has the defaults of DESIGN.md: port 4020 on every interface, lowdb in the data dir, JSON logs off a terminal', () => {
    const config = loadServerConfig({}, opts);
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 4020,
      publicUrl: undefined,
      databaseUrl: undefined,
      databaseSchema: 'plan_api',
      dataDir: '/home/op/.local/share/plan-api-server',
      smtpUrl: undefined,
      secret: undefined,
      planName: 'Plan API Health Plan',
      trustProxy: false,
      logFormat: 'json',
      tls: undefined,
      memberOidc: undefined,
      requirePkce: true,
    });
    expect(loadServerConfig({}, { ...opts, tty: true }).logFormat).toBe('text');
  });

  it('reads every variable', () => {
    const config = loadServerConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        PLAN_API_PUBLIC_URL: 'https://plan.example.org/',
        DATABASE_URL: 'postgres://app@db:5432/plan',
        DATABASE_SCHEMA: 'acme',
        PLAN_API_DATA_DIR: '/srv/plan',
        SMTP_URL: 'smtp://mail:25',
        MAIL_FROM: 'Acme <no-reply@acme.example>',
        PLAN_API_SECRET: 'x'.repeat(40),
        PLAN_NAME: 'Acme Health',
        PLAN_API_TRUST_PROXY: '1',
        PLAN_API_LOG_FORMAT: 'text',
        PLAN_OIDC_ISSUER: 'https://id.acme.example',
        PLAN_OIDC_CLIENT_ID: 'plan-api',
        PLAN_OIDC_CLIENT_SECRET: 'oidc-secret',
        PLAN_API_REQUIRE_PKCE: 'false',
        PLAN_API_TLS_CERT: '/etc/plan/cert.pem',
        PLAN_API_TLS_KEY: '/etc/plan/key.pem',
      },
      opts,
    );
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      publicUrl: 'https://plan.example.org',
      databaseUrl: 'postgres://app@db:5432/plan',
      databaseSchema: 'acme',
      dataDir: '/srv/plan',
      smtpUrl: 'smtp://mail:25',
      mailFrom: 'Acme <no-reply@acme.example>',
      planName: 'Acme Health',
      trustProxy: 1,
      logFormat: 'text',
      tls: { certPath: '/etc/plan/cert.pem', keyPath: '/etc/plan/key.pem' },
      memberOidc: {
        issuer: 'https://id.acme.example',
        clientId: 'plan-api',
        clientSecret: 'oidc-secret',
        label: 'Sign in with Acme Health',
      },
      requirePkce: false,
    });
  });

  it.each([
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535/],
    [{ PLAN_API_PUBLIC_URL: 'plan.example.org' }, /PLAN_API_PUBLIC_URL must be an absolute URL/],
    [{ PLAN_API_PUBLIC_URL: 'https://plan.example.org/?x=1' }, /must not have a query/],
    [{ DATABASE_URL: 'mysql://db/plan' }, /DATABASE_URL must be a postgres or postgresql URL/],
    [{ SMTP_URL: 'http://mail' }, /SMTP_URL must be a smtp or smtps URL/],
    [{ PLAN_API_SECRET: 'short' }, /PLAN_API_SECRET must be at least 32 characters/],
    [{ DATABASE_SCHEMA: 'Plan-API' }, /DATABASE_SCHEMA must be a lower-case SQL name/],
    [{ PLAN_API_LOG_FORMAT: 'xml' }, /PLAN_API_LOG_FORMAT must be json or text/],
    [{ PLAN_API_REQUIRE_PKCE: 'no' }, /PLAN_API_REQUIRE_PKCE must be true or false/],
    [{ PLAN_API_TLS_KEY: '/etc/plan/key.pem' }, /TLS needs PLAN_API_TLS_CERT .* and PLAN_API_TLS_KEY .* together/],
    [
      { PLAN_OIDC_ISSUER: 'https://id.example' },
      /needs PLAN_OIDC_ISSUER, PLAN_OIDC_CLIENT_ID and PLAN_OIDC_CLIENT_SECRET/,
    ],
    [
      { PLAN_OIDC_ISSUER: 'id.example', PLAN_OIDC_CLIENT_ID: 'a', PLAN_OIDC_CLIENT_SECRET: 'b' },
      /PLAN_OIDC_ISSUER must be/,
    ],
  ])('refuses %j with a message that says what is wrong', (env, message) => {
    expect(() => loadServerConfig(env, opts)).toThrow(ConfigError);
    expect(() => loadServerConfig(env, opts)).toThrow(message);
  });

  it('keeps the data of its embedded mode beside the desktop sandbox, never in it', () => {
    expect(defaultServerDataDir('darwin', {}, '/Users/op')).toBe(
      '/Users/op/Library/Application Support/Plan API Server',
    );
    expect(defaultServerDataDir('win32', { APPDATA: 'C:\\Users\\op\\AppData\\Roaming' }, 'C:\\Users\\op')).toBe(
      'C:\\Users\\op\\AppData\\Roaming\\Plan API Server',
    );
    expect(defaultServerDataDir('linux', { XDG_DATA_HOME: '/data' }, '/home/op')).toBe('/data/plan-api-server');
  });
});
