/**
 * Issue 14 on the production server (`pnpm server` on PostgreSQL): the checks the sandbox realm runs in
 * packages/sandbox/src/e2e/search-stored-values.int.test.ts, here over the PostgreSQL store. A synthetic member
 * (and with it the plan's synthetic directory) is loaded by `pnpm server members synthetic`; an approved app gets
 * the member's token through the sign-in and consent forms; EOB dates and `_lastUpdated` exactly as stored are
 * searched over the Patient Access API, and `/directory/fhir` answers `_lastUpdated` as stored and the Plan-Net
 * combination `HealthcareService?specialty=&_has:OrganizationAffiliation:service:network=`.
 */
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { startTestSmtpServer } from '@plan-api/mail/testing';
import type { TestSmtpServer } from '@plan-api/mail/testing';
import { checkDirectorySearches, checkEobSearches, NOWHERE, searchGet } from '@plan-api/sandbox/testing';
import { testDatabaseSchema, TEST_DATABASE_URL } from '../testing/database.ts';
import {
  activateMember,
  addReviewer,
  inviteMember,
  memberAccessToken,
  publishApp,
  syntheticMembers,
} from '../testing/production.ts';
import { startServerProcess } from '../testing/server-process.ts';
import type { ServerProcess } from '../testing/server-process.ts';
import { enrollVendor } from '../testing/vendors.ts';

// Server commands and SMTP round trips on a 2-core machine.
vi.setConfig({ testTimeout: 90_000 });

const MEMBER = 'sol.member@acme.example';
const db = testDatabaseSchema('search');
let smtp: TestSmtpServer;
let server: ServerProcess;
let patientId = '';
let accessToken = '';

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: db.schema, SMTP_URL: smtp.url };
  server = await startServerProcess(env);
  const commandEnv = { ...env, PLAN_API_PUBLIC_URL: server.url };
  const [vendor, reviewer, members] = await Promise.all([
    enrollVendor(server.url, smtp, 'sam@claims.example', 'Sam Ito'),
    addReviewer(server.url, smtp, commandEnv, 'ray.reviewer@acme.example'),
    syntheticMembers(commandEnv, 1, 'search'),
  ]);
  patientId = members[0] ?? '';
  const app = await publishApp(server.url, vendor, reviewer, { name: 'Claim Finder', redirectUris: [NOWHERE] });
  const invited = await inviteMember(server.url, smtp, commandEnv, patientId, MEMBER);
  await activateMember(server.url, invited.token);
  accessToken = await memberAccessToken(server.url, app, NOWHERE, MEMBER, 'ExplanationOfBenefit');
}, 240_000);
afterAll(async () => {
  await Promise.allSettled([server?.stop(), smtp?.stop()]);
  await db.drop();
});

describe('searches by stored values and the Plan-Net combination on the production server (PostgreSQL)', () => {
  it('Patient Access: EOB billable-period-start, service-start-date and _lastUpdated as stored', async () => {
    await checkEobSearches(searchGet(`${server.url}/fhir`, accessToken), patientId);
  });

  it('Provider Directory: _lastUpdated as stored and specialty with _has:OrganizationAffiliation:service:network', async () => {
    await checkDirectorySearches(searchGet(`${server.url}/directory/fhir`));
  });
});
