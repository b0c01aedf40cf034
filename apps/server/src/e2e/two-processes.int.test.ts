/**
 * Two `pnpm server` processes on one PostgreSQL behind a round-robin proxy (a load balancer stand-in): every
 * request goes to the other process than the one before. A vendor signed in on one is signed in on the other, an
 * authorization started on one completes on the other, and the sign-in rate limit counts across both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRecord, SandboxPatientRecord } from '@plan-api/portal';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appInput, fhirGet, tokens } from '@plan-api/sandbox/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { startRoundRobin } from '../testing/round-robin.ts';
import type { RoundRobin } from '../testing/round-robin.ts';
import { runServerCommand, startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor, TEST_PASSWORD } from '../testing/vendors.ts';
import type { TestVendor } from '../testing/vendors.ts';

const db = testDatabaseSchema('two');
let smtp: TestSmtpServer;
let proxy: RoundRobin;
let servers: ServerProcess[] = [];
let vendor: TestVendor;
let env: Record<string, string>;

/** Waits (up to 5 s) until `check` holds: another process learns of a change after its commit. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  [smtp, proxy] = await Promise.all([startTestSmtpServer(), startRoundRobin()]);
  env = {
    DATABASE_URL: TEST_DATABASE_URL,
    DATABASE_SCHEMA: db.schema,
    SMTP_URL: smtp.url,
    PLAN_API_PUBLIC_URL: proxy.url,
  };
  // Both start at once on a new schema: the migrations, the secret and the signing key are made once.
  servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  proxy.setUpstreams(servers.map((s) => s.listenUrl));
  vendor = await enrollVendor(proxy.url, smtp, 'dana@vendor.example', 'Dana');
}, 120_000);
afterAll(async () => {
  await Promise.allSettled(servers.map((s) => s.stop()));
  await proxy?.stop();
  await smtp?.stop();
  await db.drop();
});

describe('two server processes on one PostgreSQL', () => {
  it('a vendor signed in on one process is signed in on the other', async () => {
    const before = proxy.served.length;
    const answers = await Promise.all(
      [0, 1, 2, 3].map(
        async () => (await fetch(`${proxy.url}/api/session`, { headers: { cookie: vendor.cookie } })).status,
      ),
    );
    expect(answers).toEqual([200, 200, 200, 200]);
    expect(new Set(proxy.served.slice(before))).toEqual(new Set([0, 1]));
  });

  it('an authorization started on one completes on the other, and the token works on both', async () => {
    const api = vendor.sandbox.api;
    const [app, patient] = (await Promise.all([
      api.createApp(appInput('secret', { name: 'Two Process App' })),
      api.createPatient({ seed: 'two-process' }),
    ])) as [AppRecord, SandboxPatientRecord];
    const before = proxy.served.length;
    const { token, result } = await tokens(vendor.sandbox, app, patient.id);
    expect(result.code).toBeDefined();
    expect(new Set(proxy.served.slice(before))).toEqual(new Set([0, 1]));
    const at = String(token.body.access_token);
    const reads = await Promise.all([0, 1].map(() => fhirGet(vendor.sandbox, `Patient/${patient.id}`, at)));
    expect(reads.map((r) => r.status)).toEqual([200, 200]);
  });

  it('a token revoked on one process is refused by the other at once, though both had just accepted it', async () => {
    const api = vendor.sandbox.api;
    const [app, patient] = (await Promise.all([
      api.createApp(appInput('secret', { name: 'Revoked App' })),
      api.createPatient({ seed: 'two-process-revoke' }),
    ])) as [AppRecord, SandboxPatientRecord];
    const { token } = await tokens(vendor.sandbox, app, patient.id);
    const at = String(token.body.access_token);
    const read = (s: ServerProcess) =>
      fetch(`${s.listenUrl}/sandbox/fhir/Patient/${patient.id}`, { headers: { authorization: `Bearer ${at}` } });
    // Each process verifies the token, and remembers it verified.
    for (let i = 0; i < 2; i++) expect((await Promise.all(servers.map(read))).map((r) => r.status)).toEqual([200, 200]);
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const revoked = await fetch(`${first.listenUrl}/sandbox/auth/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret ?? ''}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token: at, token_type_hint: 'access_token' }),
    });
    expect(revoked.status).toBe(200);
    const after = await read(second);
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('invalid_token');
    expect((await read(first)).status).toBe(401);
  });

  it('the directory answers from memory on each process, and an import on another process is seen by both', async () => {
    const search = (s: ServerProcess) =>
      fetch(`${s.listenUrl}/directory/fhir/Organization?name=Zebra%20Two%20Process`).then(
        async (r) => ((await r.json()) as { entry?: unknown[] }).entry?.length ?? 0,
      );
    expect(await Promise.all(servers.map(search))).toEqual([0, 0]);
    const first = await fetch(`${servers[0]?.listenUrl ?? ''}/directory/fhir/Organization?name=Zebra%20Two%20Process`);
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    const again = await fetch(`${servers[0]?.listenUrl ?? ''}/directory/fhir/Organization?name=Zebra%20Two%20Process`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const dir = await mkdtemp(join(tmpdir(), 'plan-two-'));
    try {
      const file = join(dir, 'org.ndjson');
      await writeFile(
        file,
        `${JSON.stringify({ resourceType: 'Organization', id: 'zebra-2p', name: 'Zebra Two Process Clinic', active: true })}\n`,
      );
      const imported = await runServerCommand(['import', file], env);
      expect(imported.code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    for (const server of servers) await eventually(async () => (await search(server)) === 1);
  });

  it('publishes one signing key: an id_token from either process verifies against either JWKS', async () => {
    const jwks = await Promise.all(
      servers.map(
        async (s) => (await (await fetch(`${s.listenUrl}/sandbox/auth/jwks`)).json()) as { keys: { kid: string }[] },
      ),
    );
    expect(jwks[0]?.keys.map((k) => k.kid)).toEqual(jwks[1]?.keys.map((k) => k.kid));
  });

  it('a signing key rotated on one process (issue #15) is served by both: the same JWKS, new id_tokens with its kid', async () => {
    const api = vendor.sandbox.api;
    const [app, patient] = (await Promise.all([
      api.createApp(appInput('secret', { name: 'Rotating App' })),
      api.createPatient({ seed: 'two-process-rotation' }),
    ])) as [AppRecord, SandboxPatientRecord];
    const { result } = await tokens(vendor.sandbox, app, patient.id, { scope: 'launch openid fhirUser patient/*.rs' });
    const rotated = await api.lifecycle(result.launch, { action: 'rotate-signing-key' });
    expect(rotated.status).toBe(200);
    const kid = (rotated.body as { details: { kid: string } }).details.kid;
    const jwks = await Promise.all(
      servers.map(
        async (s) => (await (await fetch(`${s.listenUrl}/sandbox/auth/jwks`)).json()) as { keys: { kid: string }[] },
      ),
    );
    expect(jwks.map((set) => set.keys[0]?.kid)).toEqual([kid, kid]);
    for (const _ of [0, 1]) {
      const { token } = await tokens(vendor.sandbox, app, patient.id, { scope: 'launch openid fhirUser patient/*.rs' });
      const header = String(token.body.id_token).split('.')[0] ?? '';
      expect((JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid: string }).kid).toBe(kid);
    }
  });

  it('counts failed sign-ins across both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${proxy.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'fetch' },
        body: JSON.stringify({ email: 'dana@vendor.example', password: `wrong ${i} ${TEST_PASSWORD}` }),
      });
      statuses.push(res.status);
    }
    // Ten failures per address are allowed in the window; the next attempts are refused on either process.
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
