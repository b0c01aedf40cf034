import { describe, expect, it } from 'vitest';
import { createTestMembers, publish } from '../testing/members.ts';
import { rejectionOf } from '../testing/accounts.ts';

describe('listGallery', () => {
  it('lists published apps in name order and never a suspended one, without secrets or redirect URIs', async () => {
    const test = createTestMembers();
    await publish(test.records, 'c-wallet', { name: 'wallet' });
    await publish(test.records, 'c-claims', { name: 'Claims Buddy', logoUrl: 'https://claims.example/logo.png' });
    await publish(test.records, 'c-bad', { name: 'Another App' }, { status: 'suspended' });
    const apps = await test.portal.listGallery({});
    expect(apps.map((a) => a.name)).toEqual(['Claims Buddy', 'wallet']);
    expect(apps[0]).toMatchObject({
      clientId: 'c-claims',
      logoUrl: 'https://claims.example/logo.png',
      approvedAt: '2026-07-01T09:00:00.000Z',
    });
    const text = JSON.stringify(apps);
    expect(text).not.toContain('secret-of');
    expect(text).not.toContain('redirectUris');
    expect(text).not.toContain('vendor-1');
  });

  it('shows the privacy attestation in plain words, in the order of the questions', async () => {
    const test = createTestMembers();
    await publish(
      test.records,
      'c-1',
      {},
      {
        attestation: {
          sellsData: 'yes',
          sharesWithThirdParties: 'no',
          membersCanDelete: 'no',
          followsCarinCode: 'yes',
        },
      },
    );
    const [app] = await test.portal.listGallery(undefined);
    expect(app?.privacy).toEqual([
      { key: 'sellsData', question: "Does the app sell members' data?", answer: 'yes', plain: "Sells members' data" },
      {
        key: 'sharesWithThirdParties',
        question: "Does the app share members' data with third parties?",
        answer: 'no',
        plain: "Does not share members' data with third parties",
      },
      {
        key: 'membersCanDelete',
        question: 'Can members have their data deleted from the app?',
        answer: 'no',
        plain: 'Members cannot have their data deleted',
      },
      {
        key: 'followsCarinCode',
        question: 'Does the app follow the CARIN Alliance code of conduct?',
        answer: 'yes',
        plain: 'Follows the CARIN Alliance code of conduct',
      },
    ]);
  });

  it('searches name, organization and description, case-insensitively; other parameters are ignored', async () => {
    const test = createTestMembers();
    await publish(test.records, 'c-1', { name: 'Wallet', organizationName: 'Acme Apps' });
    await publish(test.records, 'c-2', { name: 'Claims', description: 'Your EOBs on your PHONE' });
    await publish(test.records, 'c-3', { name: 'Other', organizationUrl: 'https://acme.example' });
    const names = async (q: string) => (await test.portal.listGallery({ q, page: '2' })).map((a) => a.name);
    expect(await names('acme')).toEqual(['Wallet']);
    expect(await names('phone')).toEqual(['Claims']);
    expect(await names('WALL')).toEqual(['Wallet']);
    expect(await names('  ')).toEqual(['Claims', 'Other', 'Wallet']);
    expect(await names('nothing like it')).toEqual([]);
  });

  it('refuses a search text that is not a string or too long, as a field error', async () => {
    const test = createTestMembers();
    expect((await rejectionOf(test.portal.listGallery({ q: ['a', 'b'] }))).fields).toEqual({
      q: 'Search text must be a string.',
    });
    expect((await rejectionOf(test.portal.listGallery({ q: 'x'.repeat(201) }))).fields).toEqual({
      q: 'Search text must be at most 200 characters.',
    });
    expect((await rejectionOf(test.portal.listGallery('q=x'))).code).toBe('validation_failed');
  });
});
