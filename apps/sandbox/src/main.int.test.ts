import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** What the root `sandbox` script runs. */
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'apps', 'sandbox', 'src', 'main.ts');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startSandbox(env: Record<string, string>): Running {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete childEnv.PLAN_API_SANDBOX_TOKEN;
  delete childEnv.PLAN_API_PUBLIC_URL;
  if (env.PLAN_API_SUPPORTED_TYPES === undefined) delete childEnv.PLAN_API_SUPPORTED_TYPES;
  // Detached: its own process group, so a failed test can still kill everything it started.
  const child = spawn(TSX, [MAIN], { cwd: ROOT, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

/** Waits for the printed sign-in URL (the sandbox prints it once ready). */
async function signInUrl(running: Running, timeoutMs = 90_000): Promise<URL> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /^ {4}(http:\/\/\S+\/login\?token=\S+)$/m.exec(running.output());
    if (match?.[1]) return new URL(match[1]);
    if (running.child.exitCode !== null) throw new Error(`the sandbox exited early:\n${running.output()}`);
    if (Date.now() > deadline) throw new Error(`no sign-in URL within ${timeoutMs} ms:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function terminate(running: Running): Promise<number | null> {
  running.child.kill('SIGTERM');
  return running.exited;
}

describe('pnpm sandbox (apps/sandbox/src/main.ts)', () => {
  let dataDir: string;
  const started: Running[] = [];
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plan-api-main-'));
  });
  afterAll(async () => {
    for (const running of started) {
      if (running.child.exitCode === null && running.child.pid !== undefined) {
        try {
          process.kill(-running.child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints a working sign-in URL, keeps its data across a SIGTERM restart and exits 0', async () => {
    const env = { PORT: '0', HOST: '127.0.0.1', PLAN_API_DATA_DIR: dataDir };
    const first = startSandbox(env);
    started.push(first);
    const login = await signInUrl(first);
    const base = login.origin;
    const token = login.searchParams.get('token') ?? '';
    const printed = first.output();
    expect(printed).toContain(`FHIR base (Patient Access):  ${base}/fhir`);
    expect(printed).toContain(`Provider Directory base:     ${base}/directory/fhir`);
    expect(printed).toContain(`${base}/fhir/.well-known/smart-configuration`);
    expect(printed).toContain(`${join(dataDir, 'sandbox-token')} (just created)`);
    // README says Node.js 20.19+: no dependency may say otherwise at start.
    expect(printed).not.toMatch(/Unsupported runtime|WARNING/);

    const tokenFile = join(dataDir, 'sandbox-token');
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    expect((await readFile(tokenFile, 'utf8')).trim()).toBe(token);

    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    const signIn = await fetch(login, { redirect: 'manual' });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/');
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await fetch(`${base}/api/apps`, { headers: { Cookie: cookie } })).status).toBe(200);

    const created = await fetch(`${base}/api/apps`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Kept App', oauthType: 'pkce', redirectUris: ['http://localhost:8080/cb'] }),
    });
    expect(created.status).toBe(201);
    const app = (await created.json()) as { id: string };

    expect(await terminate(first)).toBe(0);
    expect(first.output()).toContain('Sandbox stopped.');

    const second = startSandbox(env);
    started.push(second);
    const again = await signInUrl(second);
    expect(again.searchParams.get('token')).toBe(token);
    expect(second.output()).not.toContain('(just created)');
    const apps = (await (
      await fetch(`${again.origin}/api/apps`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { id: string }[];
    expect(apps.map((a) => a.id)).toEqual([app.id]);
    expect(await terminate(second)).toBe(0);
  }, 240_000);

  it('PLAN_API_SUPPORTED_TYPES sets what the FHIR API serves and the scopes grant; a type it cannot serve is refused', async () => {
    const types = ['Patient', 'Coverage', 'ExplanationOfBenefit'];
    const running = startSandbox({
      PORT: '0',
      HOST: '127.0.0.1',
      PLAN_API_DATA_DIR: join(dataDir, 'types'),
      PLAN_API_SUPPORTED_TYPES: types.join(','),
    });
    started.push(running);
    const base = (await signInUrl(running)).origin;
    const metadata = (await (await fetch(`${base}/fhir/metadata`)).json()) as {
      rest: { resource: { type: string }[] }[];
    };
    expect(metadata.rest[0]?.resource.map((resource) => resource.type).sort()).toEqual([...types].sort());
    const smart = (await (await fetch(`${base}/fhir/.well-known/smart-configuration`)).json()) as {
      scopes_supported: string[];
    };
    expect(smart.scopes_supported).toContain('patient/Coverage.read');
    expect(smart.scopes_supported).not.toContain('patient/Observation.read');
    expect(await terminate(running)).toBe(0);

    const refused = startSandbox({
      PORT: '0',
      PLAN_API_DATA_DIR: dataDir,
      PLAN_API_SUPPORTED_TYPES: 'Patient,Endpoint',
    });
    started.push(refused);
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain(
      'PLAN_API_SUPPORTED_TYPES names types the Patient Access API does not serve: "Endpoint"',
    );
  }, 240_000);

  it('exits 1 with a clear message for a bad PORT', async () => {
    const running = startSandbox({ PORT: 'eighty', PLAN_API_DATA_DIR: dataDir });
    started.push(running);
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain(
      'Cannot start the sandbox: PORT must be a whole number from 0 to 65535 (0 = any free port); got "eighty".',
    );
  }, 60_000);
});
