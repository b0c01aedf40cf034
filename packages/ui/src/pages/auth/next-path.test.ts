import { describe, expect, it } from 'vitest';
import { HOME_PATH, safeNextPath, signInPathFor } from './next-path.ts';

describe('safeNextPath', () => {
  it('returns to a page of the app, with its query', () => {
    expect(safeNextPath('/apps/123', '/developer')).toBe('/apps/123');
    expect(safeNextPath('/launches?app=a1', '/developer')).toBe('/launches?app=a1');
  });

  it('drops the base path a server redirect may carry', () => {
    expect(safeNextPath('/developer/patients/p1', '/developer')).toBe('/patients/p1');
    expect(safeNextPath('/developer', '/developer')).toBe(HOME_PATH);
    // Another app whose name starts the same is not under the base path.
    expect(safeNextPath('/developers/x', '/developer')).toBe('/developers/x');
  });

  it('goes home for anything that could leave the site', () => {
    for (const next of ['https://evil.example', '//evil.example/apps', '/\\evil.example', 'apps', ' //x', '/a\nb'])
      expect(safeNextPath(next, '/developer')).toBe(HOME_PATH);
  });

  it('goes home instead of back to an account page or when there is nothing to return to', () => {
    for (const next of [
      null,
      undefined,
      '/',
      '/sign-in',
      '/sign-in?next=%2Fapps',
      '/enroll/sent',
      '/set-password',
      '/register',
    ])
      expect(safeNextPath(next, '/developer')).toBe(HOME_PATH);
  });

  it("lands a member on the member's account", () => {
    expect(safeNextPath(null, '/', '/account')).toBe('/account');
    expect(safeNextPath('/account/history', '/', '/account')).toBe('/account/history');
  });
});

describe('signInPathFor', () => {
  it('carries the page to return to', () => {
    expect(signInPathFor({ pathname: '/apps/1', search: '?x=1' })).toBe('/sign-in?next=%2Fapps%2F1%3Fx%3D1');
    expect(signInPathFor({ pathname: '/', search: '' })).toBe('/sign-in');
  });
});
