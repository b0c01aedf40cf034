import { describe, expect, it } from 'vitest';
import { manualClock } from '../testing/harness.ts';
import { RAE, createTestReview, publishedRecord, requestRecord, snapshot, version } from '../testing/review.ts';

describe('productionClientFor', () => {
  it("serves the approved snapshot with the sandbox app's client ID and secret", async () => {
    const test = createTestReview(manualClock());
    await test.seed({
      requests: [requestRecord()],
      apps: [{ id: 'app-1', clientId: 'client-wallet', clientSecret: 's3cret' }],
    });
    expect(await test.portal.productionClientFor('client-wallet')).toBeUndefined();
    await test.portal.approve(RAE, 'req-1', {});
    expect(await test.portal.productionClientFor('client-wallet')).toEqual({
      clientId: 'client-wallet',
      clientSecret: 's3cret',
      redirectUris: ['https://wallet.example/callback'],
      name: 'Health Wallet',
      appId: 'app-1',
      logoUri: 'https://wallet.example/logo.png',
      clientUri: 'https://wallet.example',
      policyUri: 'https://wallet.example/privacy',
      tosUri: 'https://wallet.example/terms',
      organizationName: 'Wallet Inc.',
    });
  });

  it('is undefined for unknown and suspended apps, and for a confidential app without a secret', async () => {
    const test = createTestReview(manualClock());
    const request = requestRecord({ status: 'approved' });
    const other = requestRecord({
      id: 'req-2',
      versions: [version(1, '2026-06-01T00:00:00.000Z', snapshot({ clientId: 'client-2' }))],
    });
    const { clientSecret: _secret, ...noSecret } = publishedRecord(other);
    await test.seed({
      published: [
        publishedRecord(request, {
          status: 'suspended',
          suspension: { at: '2026-06-02T00:00:00.000Z', by: RAE.email, reason: 'x' },
        }),
        noSecret,
      ],
    });
    expect(await test.portal.productionClientFor('client-wallet')).toBeUndefined();
    expect(await test.portal.productionClientFor('client-2')).toBeUndefined();
    expect(await test.portal.productionClientFor('nope')).toBeUndefined();
    expect(await test.portal.productionClientFor('')).toBeUndefined();
  });

  it('serves a public (PKCE) app without a secret', async () => {
    const test = createTestReview(manualClock());
    const pkce = requestRecord({
      versions: [version(1, '2026-06-01T00:00:00.000Z', snapshot({ oauthType: 'pkce', logoUrl: undefined }))],
    });
    await test.seed({ published: [publishedRecord(pkce)] });
    const client = await test.portal.productionClientFor('client-wallet');
    expect(client).toMatchObject({ clientId: 'client-wallet', name: 'Health Wallet' });
    expect(client).not.toHaveProperty('clientSecret');
    expect(client).not.toHaveProperty('logoUri');
  });

  it('serves a private_key_jwt app with its public keys and no secret, and never one without keys', async () => {
    const test = createTestReview(manualClock());
    const jwks = { keys: [{ kty: 'RSA', n: 'AQAB-modulus', e: 'AQAB', kid: 'k1' }] };
    const keyed = requestRecord({
      versions: [version(1, '2026-06-01T00:00:00.000Z', snapshot({ oauthType: 'private_key_jwt', jwks }))],
    });
    const keyless = requestRecord({
      id: 'req-2',
      versions: [
        version(1, '2026-06-01T00:00:00.000Z', snapshot({ clientId: 'client-2', oauthType: 'private_key_jwt' })),
      ],
    });
    const { clientSecret: _secret, ...published } = publishedRecord(keyed);
    await test.seed({ published: [published, publishedRecord(keyless)] });
    const client = await test.portal.productionClientFor('client-wallet');
    expect(client).toMatchObject({ clientId: 'client-wallet', jwks });
    expect(client).not.toHaveProperty('clientSecret');
    expect(await test.portal.productionClientFor('client-2')).toBeUndefined();
  });

  it('keeps serving the approved snapshot while a new version is pending, and the new one once approved', async () => {
    const clock = manualClock();
    const test = createTestReview(clock);
    const approved = requestRecord({ id: 'req-0', status: 'approved' });
    const added = ['https://wallet.example/callback', 'https://wallet.example/new-callback'];
    const pending = requestRecord({
      kind: 'update',
      versions: [version(1, '2026-06-20T00:00:00.000Z', snapshot({ name: 'Health Wallet Pro', redirectUris: added }))],
    });
    await test.seed({
      requests: [approved, pending],
      published: [publishedRecord(approved)],
      apps: [{ id: 'app-1', clientId: 'client-wallet', clientSecret: 'secret-published' }],
    });
    expect(await test.portal.productionClientFor('client-wallet')).toMatchObject({
      name: 'Health Wallet',
      redirectUris: ['https://wallet.example/callback'],
    });
    await test.portal.approve(RAE, 'req-1', {});
    expect(await test.portal.productionClientFor('client-wallet')).toMatchObject({
      name: 'Health Wallet Pro',
      redirectUris: added,
    });
  });
});
