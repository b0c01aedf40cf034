/**
 * Issue 14 on the sandbox realm (memory stores, as `pnpm sandbox` without a data dir): searches by values exactly
 * as stored, over the Patient Access API with a member's token and over the public Provider Directory, and the
 * Plan-Net combination search on the synthetic directory. The production server runs the same checks on
 * PostgreSQL (apps/server/src/e2e/search-stored-values.int.test.ts).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { tokens } from '../testing/e2e/codes.ts';
import { registerCast, startSandbox } from '../testing/e2e/sandbox.ts';
import type { Cast, E2eSandbox } from '../testing/e2e/sandbox.ts';
import { checkDirectorySearches, checkEobSearches, searchGet } from '../testing/e2e/search-checks.ts';

describe('searches by stored values and the Plan-Net combination on the sandbox realm', () => {
  let sandbox: E2eSandbox;
  let cast: Cast;
  beforeAll(async () => {
    // The test sandbox's usual directory size, big enough for affiliations in every network.
    sandbox = await startSandbox({ directorySize: 300 });
    cast = await registerCast(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('Patient Access: EOB billable-period-start, service-start-date and _lastUpdated as stored', async () => {
    const { token } = await tokens(sandbox, cast.confidential, cast.member.id);
    await checkEobSearches(searchGet(sandbox.fhirBase, String(token.body.access_token)), cast.member.id);
  });

  it('Provider Directory: _lastUpdated as stored and specialty with _has:OrganizationAffiliation:service:network', async () => {
    await checkDirectorySearches(searchGet(`${sandbox.origin}/directory/fhir`));
  });
});
