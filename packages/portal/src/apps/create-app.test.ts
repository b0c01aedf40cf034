import { describe, expect, it } from 'vitest';
import { PortalError } from '../types.ts';
import { appInput, createTestPortal, rejection, OWNER } from '../testing/harness.ts';

/** The PortalError a createApp call fails with. */
async function createError(input: unknown): Promise<PortalError> {
  const { portal } = createTestPortal();
  const error = await rejection(portal.createApp(OWNER, input));
  expect(error).toBeInstanceOf(PortalError);
  return error as PortalError;
}

describe('createApp credentials', () => {
  it('a secret app gets a 128-bit URL-safe client id and a 256-bit client secret', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput());
    expect(app.clientId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(app.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(app.clientSecret ?? '', 'base64url')).toHaveLength(32);
    expect(app.productionRequest).toEqual({ state: 'draft' });
    expect(app.ownerId).toBe('sandbox');
    expect(app.createdAt).toBe('2026-07-01T12:00:00.000Z');
    expect(app.updatedAt).toBe(app.createdAt);
  });

  it('a pkce app gets a client id and no secret', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput({ oauthType: 'pkce' }));
    expect(app.clientId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(app).not.toHaveProperty('clientSecret');
  });

  it('credentials come from the injected random source', async () => {
    const { portal } = createTestPortal({ random: (size) => Buffer.alloc(size, 0xfb) });
    const app = await portal.createApp(OWNER, appInput());
    expect(app.clientId).toBe(Buffer.alloc(16, 0xfb).toString('base64url'));
    expect(app.clientSecret).toBe(Buffer.alloc(32, 0xfb).toString('base64url'));
  });

  it('with the default random source two apps never share a client id or secret', async () => {
    const { portal } = createTestPortal({ random: undefined });
    const a = await portal.createApp(OWNER, appInput());
    const b = await portal.createApp(OWNER, appInput());
    expect(a.clientId).not.toBe(b.clientId);
    expect(a.clientSecret).not.toBe(b.clientSecret);
    expect(a.id).not.toBe(b.id);
  });

  it('stores every field of the management API and returns it from getApp', async () => {
    const { portal } = createTestPortal();
    const input = appInput({
      logoUrl: 'https://wallet.example.com/logo.png',
      organizationName: 'Wallet Inc.',
      organizationUrl: 'https://wallet.example.com',
      privacyPolicyUrl: 'https://wallet.example.com/privacy',
      securityPolicyUrl: 'https://wallet.example.com/security',
      termsOfServiceUrl: 'https://wallet.example.com/terms',
      description: 'Shows your claims.',
    });
    const app = await portal.createApp(OWNER, input);
    expect(app).toMatchObject(input);
    expect(await portal.getApp(OWNER, app.id)).toEqual(app);
  });

  it('empty strings and null in optional fields mean "not set"', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(OWNER, appInput({ launchUrl: '', logoUrl: null, description: '  ' }));
    expect(app).not.toHaveProperty('launchUrl');
    expect(app).not.toHaveProperty('logoUrl');
    expect(app).not.toHaveProperty('description');
  });
});

describe('createApp validation', () => {
  it.each([
    ['name', { name: undefined }, 'Name is required.'],
    ['name', { name: '   ' }, 'Name is required: it is what members see on the consent screen.'],
    ['name', { name: 'x'.repeat(101) }, 'Name must be at most 100 characters.'],
    ['name', { name: 'Health \u202Etellaw' }, 'Name must not contain control or text-direction characters'],
    ['name', { name: 'Health\nWallet' }, 'Name must not contain control or text-direction characters'],
    ['name', { name: 'Wallet\u2067x\u2069' }, 'Name must not contain control or text-direction characters'],
    ['name', { name: 'Wallet\uD83D' }, 'Name must not contain control or text-direction characters'],
    ['organizationName', { organizationName: 'Acme\u200F' }, 'must not contain control or text-direction characters'],
    ['oauthType', { oauthType: 'implicit' }, 'oauthType must be "secret"'],
    ['redirectUris', { redirectUris: undefined }, 'Register at least one redirect URI'],
    ['redirectUris', { redirectUris: [] }, 'Register at least one redirect URI'],
    ['redirectUris', { redirectUris: 'https://a.example.com/cb' }, 'redirectUris must be an array of URLs'],
    [
      'redirectUris',
      { redirectUris: Array.from({ length: 11 }, (_, i) => `https://a.example.com/${i}`) },
      'at most 10',
    ],
    ['redirectUris.0', { redirectUris: ['http://wallet.example.com/cb'] }, 'must use https'],
    ['redirectUris.1', { redirectUris: ['https://a.example.com/cb', 'https://*.example.com/cb'] }, 'wildcards'],
    ['redirectUris.0', { redirectUris: ['https://a.example.com/cb#x'] }, 'fragment'],
    ['redirectUris.1', { redirectUris: ['https://a.example.com/cb', 'https://a.example.com/cb'] }, 'listed twice'],
    ['launchUrl', { launchUrl: 'wallet.example.com/launch' }, 'The launch URL must be an absolute URL'],
    ['logoUrl', { logoUrl: 'http://cdn.example.com/logo.png' }, 'The logo URL must use https'],
    ['organizationName', { organizationName: 'x'.repeat(201) }, 'at most 200 characters'],
    ['organizationUrl', { organizationUrl: 'ftp://x.example.com' }, 'The organization URL must be an https URL'],
    ['privacyPolicyUrl', { privacyPolicyUrl: '/privacy' }, 'The privacy policy URL must be an absolute URL'],
    [
      'securityPolicyUrl',
      { securityPolicyUrl: 'https://x.example.com/#s' },
      'The security policy URL cannot contain a fragment',
    ],
    ['termsOfServiceUrl', { termsOfServiceUrl: 42 }, 'The terms of service URL must be a string.'],
    ['description', { description: 'x'.repeat(2001) }, 'Description must be at most 2000 characters.'],
    ['description', { description: 'See \u202Ebelow' }, 'must not contain control or text-direction characters'],
    ['description', { description: 'Bell\u0007' }, 'must not contain control or text-direction characters'],
    ['scopes', { scopes: 'patient/*.read' }, '"scopes" is not a field of an app; the fields are name, oauthType'],
    ['clientId', { clientId: 'mine' }, 'clientId is assigned by the sandbox'],
  ])('a bad %s gets its own message (%j)', async (field, overrides, message) => {
    const error = await createError(appInput(overrides));
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields)).toEqual([field]);
    expect(error.fields[field]).toContain(message);
    expect(error.message).toContain(field);
  });

  it('a description keeps its line breaks; names are kept in Unicode NFC', async () => {
    const { portal } = createTestPortal();
    const app = await portal.createApp(
      OWNER,
      appInput({ name: 'Cafe\u0301 Wallet', organizationName: 'Zoe\u0308 Inc.', description: 'One.\r\n\tTwo.' }),
    );
    expect(app.name).toBe('Caf\u00E9 Wallet');
    expect(app.organizationName).toBe('Zo\u00EB Inc.');
    expect(app.description).toBe('One.\r\n\tTwo.');
  });

  it('every invalid field is reported at once, one message each', async () => {
    const error = await createError({ oauthType: 'x', redirectUris: ['http://a.example.com', 'nope'], extra: 1 });
    expect(Object.keys(error.fields).sort()).toEqual([
      'extra',
      'name',
      'oauthType',
      'redirectUris.0',
      'redirectUris.1',
    ]);
    expect(error.message).toBe(
      'The app was not saved because 5 fields are invalid (name, oauthType, redirectUris.0, redirectUris.1, extra); see "fields" for what to fix in each.',
    );
  });

  it('a body that is not an object is rejected without field messages', async () => {
    for (const body of [null, [], 'app', 3]) {
      const error = await createError(body);
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(/must be a JSON object/);
    }
  });

  it('localhost, 127.0.0.1 and [::1] may use http', async () => {
    const { portal } = createTestPortal();
    const uris = ['http://localhost:3000/cb', 'http://127.0.0.1:3000/cb', 'http://[::1]:3000/cb'];
    const app = await portal.createApp(
      OWNER,
      appInput({ redirectUris: uris, launchUrl: 'http://localhost:3000/launch' }),
    );
    expect(app.redirectUris).toEqual(uris);
  });

  it('nothing is stored when validation fails', async () => {
    const { portal } = createTestPortal();
    await rejection(portal.createApp(OWNER, appInput({ name: '' })));
    expect(await portal.listApps(OWNER)).toEqual([]);
  });
});
