import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLowdbKeyValueStore } from '@plan-api/store';
import { authorize, authorizeParams, Browser, clientAuth, exchangeCode, postForm } from './testing/flow.ts';
import { CONFIDENTIAL, startHarness } from './testing/harness.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('authorization state in the data dir', () => {
  it('refresh tokens, grants and the signing key survive a restart on the lowdb store', async () => {
    dir = await mkdtemp(join(tmpdir(), 'smart-kv-'));
    const first = await startHarness({ kv: await createLowdbKeyValueStore({ dir }) });
    const launch = first.launch({ clientId: CONFIDENTIAL.clientId, patientId: 'pat-disk', skipConsent: true });
    const params = authorizeParams(first, CONFIDENTIAL, {
      scope: 'launch openid offline_access patient/*.read',
      launch,
    });
    const outcome = await authorize(first, new Browser(), params);
    const tokens = await exchangeCode(first, CONFIDENTIAL, outcome.redirect?.searchParams.get('code') ?? '');
    expect(tokens.status).toBe(200);
    const jwks = await (await fetch(`${first.issuer}/jwks`)).json();
    await first.close();
    await first.kv.close();
    const port = Number(new URL(first.origin).port);
    const second = await startHarness({ kv: await createLowdbKeyValueStore({ dir }), port });
    try {
      expect(await (await fetch(`${second.issuer}/jwks`)).json()).toEqual(jwks);
      const { basic } = clientAuth(CONFIDENTIAL);
      const refreshed = await postForm(
        `${second.issuer}/token`,
        { grant_type: 'refresh_token', refresh_token: String(tokens.body.refresh_token) },
        basic,
      );
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.patient).toBe('pat-disk');
      const grant = await second.auth.verifyAccessToken(String(refreshed.body.access_token));
      expect(grant).toMatchObject({ patientId: 'pat-disk', launchId: launch });
      expect(await second.auth.revokeAccess(CONFIDENTIAL.clientId, 'pat-disk')).toBe(1);
    } finally {
      await second.close();
      await second.kv.close();
    }
  });
});
