import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './compare.ts';
import { snapshot } from './test-support.ts';

describe('diffSnapshots', () => {
  it('is empty for equal snapshots and treats an empty text as missing', () => {
    expect(diffSnapshots(snapshot(), snapshot())).toEqual([]);
    expect(diffSnapshots(snapshot({ description: undefined }), snapshot({ description: '' }))).toEqual([]);
  });

  it('lists added, removed and changed fields in form order, arrays one item a line', () => {
    const published = snapshot({ organizationUrl: undefined });
    const requested = snapshot({
      name: 'Wallet+',
      redirectUris: ['https://a.example/cb', 'https://b.example/cb'],
      organizationUrl: 'https://w.example',
      termsOfServiceUrl: undefined,
    });
    expect(diffSnapshots(published, requested)).toEqual([
      { field: 'name', label: 'App name', published: 'Health Wallet', requested: 'Wallet+' },
      {
        field: 'redirectUris',
        label: 'Redirect URIs',
        published: 'https://wallet.example/callback',
        requested: 'https://a.example/cb\nhttps://b.example/cb',
      },
      { field: 'organizationUrl', label: 'Organization website', requested: 'https://w.example' },
      { field: 'termsOfServiceUrl', label: 'Terms of service URL', published: 'https://wallet.example/terms' },
    ]);
  });
});
