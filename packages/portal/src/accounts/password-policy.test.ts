import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const EMAIL = 'ada.lovelace@wallet.example';

describe('passwordProblem', () => {
  it('accepts a 12-character password and a 256-character passphrase', () => {
    expect(passwordProblem('river stone7', EMAIL)).toBeUndefined();
    expect(passwordProblem('x1'.repeat(128), EMAIL)).toBeUndefined();
  });

  it.each([
    ['short1', 'Password must be at least 12 characters long; it has 6.'],
    ['x1'.repeat(128) + 'y', 'Password must be at most 256 characters long; it has 257.'],
    ['my ada.lovelace@wallet.example pw', 'Password must not contain your email address.'],
    ['Ada.Lovelace-2026!', 'Password must not contain the part of your email address before the "@" ("ada.lovelace").'],
    ['zzzzzzzzzzzzzz', 'Password must not be one character repeated.'],
    ['Password1234', 'Password is one of the most common passwords; choose a less guessable one.'],
    ['QWERTY123456', 'Password is one of the most common passwords; choose a less guessable one.'],
  ])('%j: says exactly what is wrong', (password, message) => {
    expect(passwordProblem(password, EMAIL)).toBe(message);
  });

  it('counts characters, not UTF-16 units, after NFKC', () => {
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(passwordProblem('😀'.repeat(5) + '🐱'.repeat(6), EMAIL)).toContain('it has 11');
    // The ligature "ﬀ" is two characters after NFKC.
    expect(passwordProblem('ﬀﬀﬀﬀﬀﬀ', EMAIL)).toBe('Password must not be one character repeated.');
  });

  it('ignores a local part shorter than 3 characters (it would forbid ordinary passwords)', () => {
    expect(passwordProblem('a long enough password', 'al@wallet.example')).toBeUndefined();
  });

  it('names the field it checks', () => {
    expect(passwordProblem('short', EMAIL, 'New password')).toMatch(/^New password must be at least 12/);
  });
});
