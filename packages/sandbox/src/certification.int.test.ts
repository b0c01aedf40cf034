/**
 * The issue-14 certification checks on the sandbox realm (the desktop and headless sandbox's `/auth` and `/fhir`):
 * authorizations are EHR launches with skipConsent, as a vendor's CI runs them. The sandbox leaves PKCE optional
 * for confidential apps by default; a sandbox started with requirePkce refuses them without it.
 */
import { afterAll, beforeAll } from 'vitest';
import { authOf, authorize } from './testing/e2e/codes.ts';
import { describeCertification, describePkcePolicy } from './testing/e2e/certification.ts';
import type { CertificationRealm } from './testing/e2e/certification.ts';
import { registerCast, startSandbox } from './testing/e2e/sandbox.ts';
import type { E2eSandbox } from './testing/e2e/sandbox.ts';

const realms: { sandbox: E2eSandbox; realm: CertificationRealm }[] = [];

/** A sandbox with a confidential app and two members, as a certification realm. */
async function sandboxRealm(requirePkce: boolean): Promise<{ sandbox: E2eSandbox; realm: CertificationRealm }> {
  const sandbox = await startSandbox({ requirePkce });
  const cast = await registerCast(sandbox);
  const app = cast.confidential;
  const realm: CertificationRealm = {
    fhirBase: sandbox.fhirBase,
    smart: sandbox.smart,
    app: { auth: authOf(app), redirectUri: app.redirectUris[0] ?? '' },
    member: cast.member.id,
    other: cast.other.id,
    requirePkce,
    authorize: async ({ scope = '', ...params }) =>
      (await authorize(sandbox, app, cast.member.id, { scope: `launch ${scope}`, pkce: null, params })).query,
  };
  return { sandbox, realm };
}

beforeAll(async () => {
  realms.push(...(await Promise.all([sandboxRealm(false), sandboxRealm(true)])));
}, 60_000);
afterAll(async () => {
  await Promise.all(realms.map(({ sandbox }) => sandbox.stop()));
});

describeCertification('the sandbox realm (PKCE optional for confidential apps, the default)', () => realms[0]!.realm);
describePkcePolicy(() => realms[1]!.realm);
