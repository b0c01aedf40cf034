import { describe, expect, it } from 'vitest';
import { appInput, createTestPortal, OWNER } from '../testing/harness.ts';

describe('clientFor', () => {
  it('maps a secret app to the SmartClient the authorization server needs', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(
      OWNER,
      appInput({
        logoUrl: 'https://w.example.com/logo.png',
        organizationName: 'Wallet Inc.',
        organizationUrl: 'https://w.example.com',
        privacyPolicyUrl: 'https://w.example.com/privacy',
        termsOfServiceUrl: 'https://w.example.com/terms',
      }),
    );
    expect(await portal.clientFor(app.clientId)).toEqual({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      redirectUris: ['https://wallet.example.com/callback'],
      name: 'Health Wallet',
      logoUri: 'https://w.example.com/logo.png',
      clientUri: 'https://w.example.com',
      policyUri: 'https://w.example.com/privacy',
      tosUri: 'https://w.example.com/terms',
      organizationName: 'Wallet Inc.',
      appId: app.id,
    });
  });

  it('a pkce app is a public client without secret', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput({ oauthType: 'pkce' }));
    const client = await portal.clientFor(app.clientId);
    expect(client).toEqual({ clientId: app.clientId, redirectUris: app.redirectUris, name: app.name, appId: app.id });
  });

  it('an unknown or empty client id is undefined', async () => {
    const { portal } = createTestPortal();
    await portal.createApp(OWNER, appInput());
    expect(await portal.clientFor('unknown')).toBeUndefined();
    expect(await portal.clientFor('')).toBeUndefined();
  });

  it('works when detached from the portal, as a ClientSource function', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput());
    const source = portal.clientFor;
    expect((await source(app.clientId))?.appId).toBe(app.id);
  });
});
