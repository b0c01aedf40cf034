import { describe, expect, it } from 'vitest';
import { SIGN_IN_FORM, signInNext } from './sign-in-form.ts';

describe('the pasted-token sign-in form', () => {
  it('posts the token in the body to /login, never in a URL', () => {
    expect(SIGN_IN_FORM).toEqual({ action: '/login', method: 'post', tokenField: 'token', nextField: 'next' });
    expect(SIGN_IN_FORM.action).not.toContain('?');
  });

  it('comes back to the page the visitor was on', () => {
    expect(signInNext({ pathname: '/launches/abc', search: '?x=1' })).toBe('/launches/abc?x=1');
    expect(signInNext({ pathname: '/', search: '' })).toBeUndefined();
  });

  it('never sends the visitor back to the sign-in endpoint or off the site', () => {
    expect(signInNext({ pathname: '/login', search: '?token=t' })).toBeUndefined();
    expect(signInNext({ pathname: '//evil.example/x', search: '' })).toBeUndefined();
    expect(signInNext({ pathname: '/a\\b', search: '' })).toBeUndefined();
  });
});
