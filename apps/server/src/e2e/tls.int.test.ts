/**
 * Issue 14, TLS: `pnpm server` terminates TLS itself (PLAN_API_TLS_CERT, PLAN_API_TLS_KEY) with TLS 1.2 and 1.3
 * only, and with an https public URL every URL of the server in discovery, the OpenID configuration and the
 * CapabilityStatements of both realms (production at /fhir, the hosted sandbox at /sandbox/fhir) and of the
 * Provider Directory is https. Then `pnpm conformance` runs its public certification checks against this server
 * (and fails against one that is not a Plan API server).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:http';
import { get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../testing/certificate.ts';
import type { TestCertificate } from '../testing/certificate.ts';
import { tlsHandshake } from '../testing/conformance/tls.ts';
import { insecureServerUrls } from '../testing/conformance/urls.ts';
import { freePort, ROOT, runServerCommand, startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';

let dir: string;
let certificate: TestCertificate;
let server: ServerProcess;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plan-api-tls-'));
  certificate = await selfSignedCertificate(dir);
  const port = await freePort();
  url = `https://127.0.0.1:${port}`;
  server = await startServerProcess({
    PORT: String(port),
    PLAN_API_TLS_CERT: certificate.certPath,
    PLAN_API_TLS_KEY: certificate.keyPath,
    PLAN_API_PUBLIC_URL: url,
  });
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** GET over https trusting the test certificate; the parsed JSON body. */
function getJson(target: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    get(target, { ca: certificate.cert, headers: { accept: 'application/fhir+json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    }).on('error', reject);
  });
}

/** Runs `pnpm conformance ARGS` (tsx, from source) trusting the test certificate. */
function runConformance(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'scripts', 'conformance.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, NODE_EXTRA_CA_CERTS: certificate.certPath }, timeout: 240_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

describe('pnpm server with PLAN_API_TLS_CERT and PLAN_API_TLS_KEY', () => {
  it('listens with https and says so', () => {
    expect(server.url).toBe(url);
    expect(server.listenUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(['TLSv1.2', 'TLSv1.3'] as const)('accepts a %s handshake', async (version) => {
    expect(await tlsHandshake(url, version, certificate.cert)).toEqual({ protocol: version });
  });

  it.each(['TLSv1', 'TLSv1.1'] as const)('refuses %s', async (version) => {
    expect(await tlsHandshake(url, version, certificate.cert)).toEqual({
      refused: expect.stringMatching(/protocol|version/i),
    });
  });

  it('(the same client does get TLS 1.1 from a server that still allows it: the refusal is the server’s)', async () => {
    const legacy = createTlsServer({
      cert: certificate.cert,
      key: certificate.key,
      minVersion: 'TLSv1.1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    legacy.on('secureConnection', (socket) => socket.end());
    await new Promise<void>((resolve) => legacy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = legacy.address() as AddressInfo;
      expect(await tlsHandshake(`https://127.0.0.1:${port}`, 'TLSv1.1', certificate.cert)).toEqual({
        protocol: 'TLSv1.1',
      });
    } finally {
      await new Promise((resolve) => legacy.close(resolve));
    }
  });

  it.each([
    ['/fhir/.well-known/smart-configuration'],
    ['/auth/.well-known/openid-configuration'],
    ['/fhir/metadata'],
    ['/sandbox/fhir/.well-known/smart-configuration'],
    ['/sandbox/auth/.well-known/openid-configuration'],
    ['/sandbox/fhir/metadata'],
    ['/directory/fhir/metadata'],
  ])('every URL of the server in %s is https', async (path) => {
    const { status, body } = await getJson(`${url}${path}`);
    expect(status).toBe(200);
    const { insecure, served } = insecureServerUrls(body, url);
    expect(insecure).toEqual([]);
    expect(served).toBeGreaterThan(0);
  });

  it('the issuers the discovery documents name are the https ones checked above', async () => {
    expect(((await getJson(`${url}/fhir/.well-known/smart-configuration`)).body as { issuer: string }).issuer).toBe(
      `${url}/auth`,
    );
    expect(
      ((await getJson(`${url}/sandbox/fhir/.well-known/smart-configuration`)).body as { issuer: string }).issuer,
    ).toBe(`${url}/sandbox/auth`);
  });
});

describe('pnpm conformance <base-url>', () => {
  it('passes every public certification check against this server, TLS included', async () => {
    const { code, output } = await runConformance([url]);
    expect(code, output).toBe(0);
    expect(output).toMatch(/SMART realm fhir/);
    expect(output).toMatch(/SMART realm sandbox\/fhir/);
    expect(output).toMatch(/a TLSv1\.3 handshake succeeds/);
    expect(output).not.toMatch(/skipped/);
  }, 240_000);

  it('fails against a server that is not a Plan API server', async () => {
    const impostor: Server = createHttpServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = impostor.address() as AddressInfo;
      const { code, output } = await runConformance([`http://127.0.0.1:${port}`]);
      expect(code, output).toBe(1);
      expect(output).toMatch(/failed/);
    } finally {
      await new Promise((resolve) => impostor.close(resolve));
    }
  }, 240_000);

  it('refuses a base URL that is not http(s), with the usage', async () => {
    const { code, output } = await runConformance(['ftp://plan.example.org']);
    expect(code).toBe(2);
    expect(output).toMatch(/base URL must be an http or https URL/);
    expect(output).toMatch(/Usage: pnpm conformance <base-url>/);
  });
});

describe('a TLS setting that cannot be used stops the start with a clear message (exit 2)', () => {
  const start = (env: Record<string, string>) =>
    runServerCommand(['start'], { HOST: '127.0.0.1', PORT: '0', PLAN_API_DATA_DIR: join(dir, 'data'), ...env });

  it('a certificate without a key', async () => {
    const { code, stderr } = await start({ PLAN_API_TLS_CERT: certificate.certPath });
    expect(code).toBe(2);
    expect(stderr).toMatch(/TLS needs PLAN_API_TLS_CERT .* and PLAN_API_TLS_KEY .* together/);
  });

  it('a key file that is not there', async () => {
    const missing = join(dir, 'missing.key.pem');
    const { code, stderr } = await start({ PLAN_API_TLS_CERT: certificate.certPath, PLAN_API_TLS_KEY: missing });
    expect(code).toBe(2);
    expect(stderr).toContain(`PLAN_API_TLS_KEY: cannot read ${missing} (ENOENT)`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a key that is not PEM', async () => {
    const garbage = join(dir, 'garbage.key.pem');
    await writeFile(garbage, 'not a key\n');
    const { code, stderr } = await start({ PLAN_API_TLS_CERT: certificate.certPath, PLAN_API_TLS_KEY: garbage });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /PLAN_API_TLS_CERT and PLAN_API_TLS_KEY must be a PEM certificate and its matching private key/,
    );
  });

  it('a key that belongs to another certificate', async () => {
    const other = await selfSignedCertificate(dir, 'other');
    const { code, stderr } = await start({ PLAN_API_TLS_CERT: certificate.certPath, PLAN_API_TLS_KEY: other.keyPath });
    expect(code).toBe(2);
    expect(stderr).toMatch(/must be a PEM certificate and its matching private key: .*mismatch/);
  });
});

describe('stopping', () => {
  it('SIGTERM drains and stops the TLS server cleanly (exit 0)', async () => {
    expect(await server.stop()).toBe(0);
    expect(server.other.join('\n')).not.toMatch(/error/i);
  });
});
