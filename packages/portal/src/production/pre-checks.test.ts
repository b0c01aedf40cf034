import { describe, expect, it } from 'vitest';
import { completeApp } from '../testing/production.ts';
import type { AppSnapshot, PreCheck } from './model.ts';
import { diffSnapshots, preCheckApp, sameSnapshot, snapshotOf } from './pre-checks.ts';

const complete = { ...completeApp(), clientId: 'client-123' } as unknown as AppSnapshot;
const failedOf = (checks: PreCheck[]) =>
  checks.filter((c) => !c.passed).map((c) => [c.id, c.field, c.severity] as const);

describe('preCheckApp', () => {
  it('passes a complete app with https URLs: every check passed', () => {
    const checks = preCheckApp(complete);
    expect(failedOf(checks)).toEqual([]);
    expect(checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'name',
        'redirect-https',
        'launch-url',
        'launch-https',
        'privacy-policy',
        'terms-of-service',
        'security-policy',
        'organization',
        'description',
        'logo',
        'organization-url',
      ]),
    );
  });

  it('blocks each missing required field, naming the field and what to fix', () => {
    const bare: AppSnapshot = { name: ' ', oauthType: 'pkce', clientId: 'c', redirectUris: [] };
    const checks = preCheckApp(bare);
    expect(failedOf(checks)).toEqual([
      ['name', 'name', 'blocking'],
      ['redirect-uris', 'redirectUris', 'blocking'],
      ['launch-url', 'launchUrl', 'blocking'],
      ['privacy-policy', 'privacyPolicyUrl', 'blocking'],
      ['terms-of-service', 'termsOfServiceUrl', 'blocking'],
      ['security-policy', 'securityPolicyUrl', 'blocking'],
      ['organization', 'organizationName', 'blocking'],
      ['description', 'description', 'blocking'],
      ['logo', 'logoUrl', 'blocking'],
      ['organization-url', 'organizationUrl', 'advisory'],
    ]);
    expect(checks.find((c) => c.id === 'privacy-policy')?.message).toBe(
      'The privacy policy URL is missing: enter it on the app form (members read it before they connect the app).',
    );
  });

  it('a loopback http redirect is advisory (RFC 8252); other http redirects are blocking', () => {
    const checks = preCheckApp({
      ...complete,
      redirectUris: [
        'http://127.0.0.1:8765/cb',
        'http://[::1]/cb',
        'http://localhost/cb',
        'http://wallet.example.com/cb',
      ],
    });
    expect(failedOf(checks)).toEqual([
      ['redirect-https', 'redirectUris.0', 'advisory'],
      ['redirect-https', 'redirectUris.1', 'advisory'],
      ['redirect-https', 'redirectUris.2', 'advisory'],
      ['redirect-https', 'redirectUris.3', 'blocking'],
    ]);
    expect(checks.find((c) => c.field === 'redirectUris.0')?.message).toContain(
      'native app loopback redirect (RFC 8252)',
    );
    expect(checks.find((c) => c.field === 'redirectUris.3')?.message).toContain('must use https in production');
  });

  it('an http launch URL is blocking, also on loopback; localhost in other URLs is blocking', () => {
    expect(failedOf(preCheckApp({ ...complete, launchUrl: 'http://localhost:3000/launch' }))).toEqual([
      ['launch-https', 'launchUrl', 'blocking'],
      ['launch-public', 'launchUrl', 'blocking'],
    ]);
    expect(failedOf(preCheckApp({ ...complete, launchUrl: 'https://127.0.0.1/launch' }))).toEqual([
      ['launch-public', 'launchUrl', 'blocking'],
    ]);
    expect(failedOf(preCheckApp({ ...complete, privacyPolicyUrl: 'http://localhost:3000/privacy' }))).toEqual([
      ['privacy-policy-public', 'privacyPolicyUrl', 'blocking'],
    ]);
  });

  it('warns about a short description and a logo not served over https', () => {
    expect(
      failedOf(preCheckApp({ ...complete, description: 'Claims.', logoUrl: 'http://127.0.0.1/logo.png' })),
    ).toEqual([
      ['logo-public', 'logoUrl', 'blocking'],
      ['description-length', 'description', 'advisory'],
      ['logo-https', 'logoUrl', 'advisory'],
    ]);
  });
});

describe('the JWKS of a private_key_jwt app', () => {
  const keyed = (fields: Partial<AppSnapshot>): AppSnapshot => ({
    ...complete,
    oauthType: 'private_key_jwt',
    ...fields,
  });
  const jwks = { keys: [{ kty: 'RSA', n: 'AQAB-modulus', e: 'AQAB', kid: 'k1' }] };

  it('blocks a JWKS URL that is not https or only exists on the vendor machine; an inline JWKS passes', () => {
    expect(failedOf(preCheckApp(keyed({ jwksUri: 'https://wallet.example/jwks.json' })))).toEqual([]);
    expect(failedOf(preCheckApp(keyed({ jwksUri: 'http://localhost:8080/jwks.json' })))).toEqual([
      ['jwks-uri-https', 'jwksUri', 'blocking'],
      ['jwks-uri-public', 'jwksUri', 'blocking'],
    ]);
    expect(failedOf(preCheckApp(keyed({ jwks })))).toEqual([]);
  });

  it('is copied into the snapshot, and the review diff shows the JWKS URL and the JWKS', () => {
    const before = snapshotOf(keyed({ jwksUri: 'https://wallet.example/jwks.json' }));
    const after = snapshotOf(keyed({ jwks }));
    expect(after.jwks).toEqual(jwks);
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'jwksUri', label: 'JWKS URL', published: 'https://wallet.example/jwks.json' },
      { field: 'jwks', label: 'JWKS', requested: JSON.stringify(jwks, null, 2) },
    ]);
    expect(diffSnapshots(after, snapshotOf(keyed({ jwks: { keys: [{ ...jwks.keys[0], kid: 'k2' }] } })))).toEqual([
      expect.objectContaining({ field: 'jwks', published: expect.stringContaining('"k1"') as unknown }),
    ]);
  });
});

describe('snapshotOf and diffSnapshots', () => {
  it('copies the reviewed fields and never the secret', () => {
    const app = { ...complete, id: 'a', ownerId: 'o', clientSecret: 's3cr3t-value', createdAt: 'x', updatedAt: 'x' };
    const snapshot = snapshotOf(app as never);
    expect(snapshot).toEqual(complete);
    expect(JSON.stringify(snapshot)).not.toContain('s3cr3t-value');
  });

  it('lists changed fields in form order with the form labels, arrays joined by newlines', () => {
    const { description: _d, ...withoutDescription } = complete;
    const requested: AppSnapshot = {
      ...withoutDescription,
      name: 'Wallet 2',
      redirectUris: ['https://wallet.example.com/callback', 'https://wallet.example.com/cb2'],
      organizationName: 'Wallet LLC',
    };
    expect(diffSnapshots(complete, requested)).toEqual([
      { field: 'name', label: 'Application Name', published: 'Health Wallet', requested: 'Wallet 2' },
      {
        field: 'redirectUris',
        label: 'Redirect URL',
        published: 'https://wallet.example.com/callback',
        requested: 'https://wallet.example.com/callback\nhttps://wallet.example.com/cb2',
      },
      { field: 'description', label: 'Description', published: complete.description },
      {
        field: 'organizationName',
        label: 'Organization/Company Name',
        published: 'Wallet Inc.',
        requested: 'Wallet LLC',
      },
    ]);
    expect(sameSnapshot(complete, { ...complete })).toBe(true);
    expect(diffSnapshots(complete, complete)).toEqual([]);
  });
});
