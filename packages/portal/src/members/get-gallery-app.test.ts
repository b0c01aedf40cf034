import { describe, expect, it } from 'vitest';
import { rejectionOf } from '../testing/accounts.ts';
import { createTestMembers, publish } from '../testing/members.ts';

describe('getGalleryApp', () => {
  it("shows a published app's details and links", async () => {
    const test = createTestMembers();
    await publish(test.records, 'c-1', {
      name: 'Wallet',
      organizationName: 'Wallet Inc.',
      organizationUrl: 'https://wallet.example',
      description: 'Claims on your phone.',
      privacyPolicyUrl: 'https://wallet.example/privacy',
      securityPolicyUrl: 'https://wallet.example/security',
      termsOfServiceUrl: 'https://wallet.example/terms',
      launchUrl: 'https://wallet.example/launch',
    });
    const app = await test.portal.getGalleryApp('c-1');
    expect(app).toMatchObject({
      clientId: 'c-1',
      name: 'Wallet',
      organizationName: 'Wallet Inc.',
      organizationUrl: 'https://wallet.example',
      description: 'Claims on your phone.',
      privacyPolicyUrl: 'https://wallet.example/privacy',
      securityPolicyUrl: 'https://wallet.example/security',
      termsOfServiceUrl: 'https://wallet.example/terms',
      launchUrl: 'https://wallet.example/launch',
    });
    expect(app.privacy).toHaveLength(4);
    expect(await test.portal.listGallery({})).toEqual([app]);
  });

  it('is not_found for an app that was never published or is suspended', async () => {
    const test = createTestMembers();
    await publish(test.records, 'c-off', {}, { status: 'suspended' });
    for (const id of ['c-off', 'c-none']) {
      const error = await rejectionOf(test.portal.getGalleryApp(id));
      expect(error.code).toBe('not_found');
      expect(error.message).toContain(`"${id}"`);
    }
  });
});
