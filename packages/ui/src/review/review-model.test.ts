import { describe, expect, it } from 'vitest';
import { reviewListQueryString } from '../api/review.ts';
import {
  attestationRows,
  historyText,
  isSafeLink,
  listFilterParams,
  parseListFilters,
  PUBLISHED_FILTERS,
  reasonError,
  REQUEST_FILTERS,
  snapshotRows,
} from './review-model.ts';

describe('the lists filters', () => {
  it('reads the status and search from the address, unknown status as the default', () => {
    expect(parseListFilters(new URLSearchParams('status=pending&q=acme'), REQUEST_FILTERS, 'all')).toEqual({
      status: 'pending',
      q: 'acme',
    });
    expect(parseListFilters(new URLSearchParams('status=bogus'), REQUEST_FILTERS, 'all')).toEqual({
      status: 'all',
      q: '',
    });
    expect(parseListFilters(new URLSearchParams(''), PUBLISHED_FILTERS, 'all').status).toBe('all');
    expect(parseListFilters(new URLSearchParams('status=suspended'), PUBLISHED_FILTERS, 'all').status).toBe(
      'suspended',
    );
  });

  it('writes only what differs from the default', () => {
    expect(listFilterParams({ status: 'all', q: '  ' }, 'all')).toEqual({});
    expect(listFilterParams({ status: 'rejected', q: 'Acme' }, 'all')).toEqual({ status: 'rejected', q: 'Acme' });
  });

  it('asks the API with the status always and the trimmed search when there is one', () => {
    expect(reviewListQueryString({ status: 'all' })).toBe('?status=all');
    expect(reviewListQueryString({ status: 'pending', q: '  ' })).toBe('?status=pending');
    expect(reviewListQueryString({ status: 'pending', q: ' dev@a.example ' })).toBe(
      '?status=pending&q=dev%40a.example',
    );
  });
});

describe('the request page', () => {
  it('needs a reason of at most 2000 characters', () => {
    expect(reasonError('  ')).toBe('Enter the reason: the vendor reads it in the email.');
    expect(reasonError('x'.repeat(2001))).toBe('The reason must be at most 2000 characters.');
    expect(reasonError('No privacy policy.')).toBeUndefined();
  });

  it('shows every field of the app in the form order', () => {
    const rows = snapshotRows({
      name: 'Acme',
      oauthType: 'pkce',
      clientId: 'c1',
      redirectUris: ['https://a.example/cb'],
      privacyPolicyUrl: 'https://a.example/privacy',
    });
    expect(rows.map((r) => r.label)).toEqual([
      'Application Name',
      'Client ID',
      'Client OAuth Type',
      'Redirect URL',
      'Launch URL',
      'Logo URL',
      'Description',
      'Organization/Company Name',
      'Organization/Company Website URL',
      'Privacy Policy URL',
      'Security Policy URL',
      'Terms of Service URL',
    ]);
    expect(rows.find((r) => r.field === 'oauthType')?.value).toBe('Authorization Code + PKCE');
    expect(rows.find((r) => r.field === 'launchUrl')?.value).toBeUndefined();
  });

  it('shows the type and public keys of a Private Key JWT app', () => {
    const jwks = { keys: [{ kty: 'RSA', n: 'modulus', e: 'AQAB' }] };
    const rows = snapshotRows({
      name: 'Acme',
      oauthType: 'private_key_jwt',
      clientId: 'c1',
      redirectUris: ['https://a.example/cb'],
      jwks,
    });
    expect(rows.slice(2, 5).map((r) => [r.label, r.value])).toEqual([
      ['Client OAuth Type', 'Authorization Code + Private Key JWT'],
      ['JWKS URL', undefined],
      ['JWKS', JSON.stringify(jwks, null, 2)],
    ]);
  });

  it('links only http(s) addresses', () => {
    expect(isSafeLink('https://a.example/x')).toBe(true);
    expect(isSafeLink('javascript:alert(1)')).toBe(false);
    expect(isSafeLink('not a url')).toBe(false);
  });

  it('words the attestation and the history', () => {
    expect(
      attestationRows({
        sellsData: 'no',
        sharesWithThirdParties: 'yes',
        membersCanDelete: 'yes',
        followsCarinCode: 'no',
      }),
    ).toEqual([
      { key: 'sellsData', question: "Does the app sell members' data?", answer: 'No' },
      {
        key: 'sharesWithThirdParties',
        question: "Does the app share members' data with third parties?",
        answer: 'Yes',
      },
      { key: 'membersCanDelete', question: 'Can members have their data deleted from the app?', answer: 'Yes' },
      { key: 'followsCarinCode', question: 'Does the app follow the CARIN Alliance code of conduct?', answer: 'No' },
    ]);
    expect(historyText({ type: 'rejected', at: '2026-01-01T00:00:00Z', version: 2, by: 'r@plan.example' })).toBe(
      'Version 2 rejected by r@plan.example',
    );
  });
});
