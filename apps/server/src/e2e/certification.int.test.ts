/**
 * The issue-14 certification checks on the production realm (`/auth`, `/fhir` of `pnpm server`, PostgreSQL and a
 * real SMTP server): an approved confidential app, a member who signs in and consents, another member. The server
 * requires PKCE from every app by default; a second process on the same database started with
 * PLAN_API_REQUIRE_PKCE=false leaves it optional for confidential apps.
 */
import { afterAll, beforeAll, vi } from 'vitest';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import { describeCertification, describePkcePolicy } from '@plan-api/sandbox/testing';
import type { CertificationRealm, SmartConfiguration } from '@plan-api/sandbox/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import {
  activateMember,
  addReviewer,
  authorizeAsMember,
  inviteMember,
  publishApp,
  syntheticMembers,
} from '../testing/production.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor } from '../testing/vendors.ts';

vi.setConfig({ testTimeout: 60_000 });

const MEMBER = 'cora.member@acme.example';
const db = testDatabaseSchema('certification');
let smtp: TestSmtpServer;
const servers: ServerProcess[] = [];
const realms: CertificationRealm[] = [];

/** The production realm of one server process as a certification realm. */
async function productionRealm(
  url: string,
  requirePkce: boolean,
  app: { clientId: string; clientSecret: string; redirectUri: string },
  patients: { member: string; other: string },
): Promise<CertificationRealm> {
  const res = await fetch(`${url}/fhir/.well-known/smart-configuration`);
  if (res.status !== 200) throw new Error(`smart-configuration answered ${res.status}`);
  return {
    fhirBase: `${url}/fhir`,
    smart: (await res.json()) as SmartConfiguration,
    app: {
      auth: { method: 'basic', clientId: app.clientId, secret: app.clientSecret },
      redirectUri: app.redirectUri,
    },
    ...patients,
    requirePkce,
    authorize: (params) => authorizeAsMember(url, params, MEMBER),
  };
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: db.schema, SMTP_URL: smtp.url };
  const server = await startServerProcess(env);
  servers.push(server);
  const commandEnv = { ...env, PLAN_API_PUBLIC_URL: server.url };
  const [vendor, reviewer, patients] = await Promise.all([
    enrollVendor(server.url, smtp, 'cert@vendor.example', 'Cert Vendor'),
    addReviewer(server.url, smtp, commandEnv, 'cert.reviewer@acme.example'),
    syntheticMembers(commandEnv, 2, 'certification'),
  ]);
  const [member = '', other = ''] = patients;
  const published = await publishApp(server.url, vendor, reviewer, { name: 'Blue Button Wallet' });
  await activateMember(server.url, (await inviteMember(server.url, smtp, commandEnv, member, MEMBER)).token);
  // The same plan (database) served by a process that leaves PKCE optional for confidential apps.
  servers.push(await startServerProcess({ ...env, PLAN_API_REQUIRE_PKCE: 'false' }));
  const app = {
    clientId: published.clientId,
    clientSecret: published.clientSecret,
    redirectUri: 'https://wallet.example.com/callback',
  };
  realms.push(...(await Promise.all(servers.map((s, i) => productionRealm(s.url, i === 0, app, { member, other })))));
}, 180_000);
afterAll(async () => {
  await Promise.allSettled([...servers.map((s) => s.stop()), smtp?.stop()]);
  await db.drop();
});

describeCertification('the production realm (PKCE required from every app, the default)', () => realms[0]!);
describePkcePolicy(() => realms[1]!);
