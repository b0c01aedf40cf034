import { describe, expect, it } from 'vitest';
import { parseSetCookie } from './sign-in.ts';

const ORIGIN = 'http://127.0.0.1:51234';
const NOW = Date.parse('2026-06-30T12:00:00Z');

describe('parseSetCookie', () => {
  it('reads the sandbox session cookie as Electron takes it, host-only', () => {
    expect(
      parseSetCookie('plan_api_session=abc%2Edef; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax', ORIGIN, NOW),
    ).toEqual({
      url: `${ORIGIN}/`,
      name: 'plan_api_session',
      value: 'abc%2Edef',
      path: '/',
      httpOnly: true,
      secure: false,
      sameSite: 'lax',
      expirationDate: NOW / 1000 + 604800,
    });
  });

  it('maps SameSite and Secure, and leaves a cookie without Max-Age a session cookie', () => {
    const cookie = parseSetCookie('__Host-s=v=w; Secure; SameSite=None; Domain=evil.example', 'https://h.example', NOW);
    expect(cookie).toEqual({
      url: 'https://h.example/',
      name: '__Host-s',
      value: 'v=w',
      path: '/',
      httpOnly: false,
      secure: true,
      sameSite: 'no_restriction',
    });
    expect(parseSetCookie('a=b; SameSite=Strict', ORIGIN)?.sameSite).toBe('strict');
  });

  it('ignores a deleting cookie and a header that is not a cookie', () => {
    expect(parseSetCookie('plan_api_session=; Max-Age=0; Path=/', ORIGIN)).toBeUndefined();
    expect(parseSetCookie('no equals sign', ORIGIN)).toBeUndefined();
    expect(parseSetCookie('=value', ORIGIN)).toBeUndefined();
  });
});
