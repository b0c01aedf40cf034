import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  accountPrefixFor,
  createSession,
  deleteSession,
  enrollVendor,
  getSession,
  requestPasswordReset,
  setPasswordWithLink,
} from './session.ts';
import { changeVendorPassword, createApiKey, getVendor, listApiKeys, revokeApiKey } from './vendor.ts';
import type { AccountView } from './types.ts';

const ACCOUNT: AccountView = {
  id: 'acc-1',
  kind: 'vendor',
  email: 'dev@example.com',
  name: 'Dana Developer',
  status: 'active',
  createdAt: '2025-01-01T00:00:00Z',
  organizationName: 'Example Apps',
};

const ENROLLMENT = {
  name: 'Dana',
  email: 'dev@example.com',
  organizationName: 'Example Apps',
  organizationUrl: 'https://example.com',
  phone: '+1 555 0100',
  acceptTerms: true,
};

/** Stubs fetch with one answer and returns the recorded calls as [url, method, body]. */
function answer(status: number, body?: unknown) {
  const calls: [string, string, unknown][] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push([url, init.method ?? 'GET', init.body === undefined ? undefined : JSON.parse(String(init.body))]);
    return body === undefined
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the account client functions', () => {
  it('reads the session, and a 401 as no one signed in', async () => {
    answer(200, { kind: 'vendor', account: ACCOUNT });
    expect(await getSession()).toEqual({ kind: 'vendor', account: ACCOUNT });
    answer(401, { error: 'unauthorized', message: 'Sign in.' });
    expect(await getSession()).toBeNull();
    answer(500, { error: 'internal', message: 'Broken.' });
    await expect(getSession()).rejects.toMatchObject({ status: 500 });
  });

  it('call the paths, methods and bodies the server provides', async () => {
    const calls = answer(202, { message: 'Check your email.' });
    await createSession({ email: 'dev@example.com', password: 'p' });
    await enrollVendor(ENROLLMENT);
    await requestPasswordReset('dev@example.com');
    await setPasswordWithLink({ token: 't0k', password: 'a long password' });
    await changeVendorPassword({ currentPassword: 'old', newPassword: 'new' });
    await createApiKey('CI');
    await revokeApiKey('key/1');
    await deleteSession();
    await getVendor();
    await listApiKeys();
    expect(calls).toEqual([
      ['/api/session', 'POST', { email: 'dev@example.com', password: 'p' }],
      ['/api/vendor-enrollments', 'POST', ENROLLMENT],
      ['/api/password-resets', 'POST', { email: 'dev@example.com' }],
      ['/api/password-links', 'POST', { token: 't0k', password: 'a long password' }],
      ['/api/vendor/password', 'PUT', { currentPassword: 'old', newPassword: 'new' }],
      ['/api/vendor/api-keys', 'POST', { name: 'CI' }],
      ['/api/vendor/api-keys/key%2F1', 'DELETE', undefined],
      ['/api/session', 'DELETE', undefined],
      ['/api/vendor', 'GET', undefined],
      ['/api/vendor/api-keys', 'GET', undefined],
    ]);
  });

  it('use the member routes under /api/account in the member portal', async () => {
    expect(accountPrefixFor('portal')).toBe('/account');
    expect(accountPrefixFor('local')).toBe('');
    const calls = answer(200, { kind: 'member', account: { ...ACCOUNT, kind: 'member' } });
    await getSession(undefined, '/account');
    await createSession({ email: 'm@example.com', password: 'p' }, '/account');
    await requestPasswordReset('m@example.com', '/account');
    await setPasswordWithLink({ token: 't', password: 'a long password' }, '/account');
    await deleteSession('/account');
    expect(calls.map(([url, method]) => `${method} ${url}`)).toEqual([
      'GET /api/account/session',
      'POST /api/account/session',
      'POST /api/account/password-resets',
      'POST /api/account/password-links',
      'DELETE /api/account/session',
    ]);
  });

  it('use the reviewer routes under /api/review in the review area', async () => {
    expect(accountPrefixFor('review')).toBe('/review');
    expect(accountPrefixFor('hosted')).toBe('');
    const calls = answer(200, { kind: 'reviewer', account: { ...ACCOUNT, kind: 'reviewer' } });
    await getSession(undefined, '/review');
    await createSession({ email: 'r@plan.example', password: 'p' }, '/review');
    await requestPasswordReset('r@plan.example', '/review');
    await setPasswordWithLink({ token: 't', password: 'a long password' }, '/review');
    await deleteSession('/review');
    expect(calls.map(([url, method]) => `${method} ${url}`)).toEqual([
      'GET /api/review/session',
      'POST /api/review/session',
      'POST /api/review/password-resets',
      'POST /api/review/password-links',
      'DELETE /api/review/session',
    ]);
  });
});
