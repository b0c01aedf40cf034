/**
 * Two `pnpm server` processes on one PostgreSQL behind a round-robin proxy (a load balancer stand-in): every
 * request goes to the other process than the one before. A vendor signed in on one is signed in on the other, an
 * authorization started on one completes on the other, and the sign-in rate limit counts across both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRecord, SandboxPatientRecord } from '@plan-api/portal';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import { appInput, fhirGet, tokens } from '@plan-api/sandbox/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import { startRoundRobin } from '../testing/round-robin.ts';
import type { RoundRobin } from '../testing/round-robin.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor, TEST_PASSWORD } from '../testing/vendors.ts';
import type { TestVendor } from '../testing/vendors.ts';

const db = testDatabaseSchema('two');
let smtp: TestSmtpServer;
let proxy: RoundRobin;
let servers: ServerProcess[] = [];
let vendor: TestVendor;

beforeAll(async () => {
  [smtp, proxy] = await Promise.all([startTestSmtpServer(), startRoundRobin()]);
  const env = {
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
