import { describe, expect, it } from 'vitest';
import { formatWait, isEmailAddress, isPhoneNumber, isWebUrl, splitFieldErrors } from './validators.ts';

describe('form validators', () => {
  it('accepts email addresses and refuses what cannot be one', () => {
    expect(isEmailAddress('dev@app.example')).toBe(true);
    expect(isEmailAddress(' first.last+tag@mail.example.org ')).toBe(true);
    for (const value of ['', 'dev', 'dev@', '@app.example', 'dev@localhost', 'a b@app.example', 'dev@app..example'])
      expect(isEmailAddress(value)).toBe(false);
  });

  it('accepts http(s) URLs only', () => {
    expect(isWebUrl('https://example.com')).toBe(true);
    expect(isWebUrl('http://example.com/about')).toBe(true);
    for (const value of ['example.com', 'ftp://example.com', 'javascript:alert(1)', 'https://', ''])
      expect(isWebUrl(value)).toBe(false);
  });

  it('accepts phone numbers as people type them', () => {
    for (const value of ['+1 (555) 010-0100', '555.010.0100', '5550100', '+44 20 7946 0958'])
      expect(isPhoneNumber(value)).toBe(true);
    for (const value of ['', '555-01', 'call me', '+1 555 0100 ext 7', '1234567890123456'])
      expect(isPhoneNumber(value)).toBe(false);
  });
});

describe('splitFieldErrors', () => {
  it('puts known fields beside their inputs and keeps the rest for the summary', () => {
    expect(
      splitFieldErrors({ email: 'Taken.', password: 'Too short.', captcha: 'Missing.' }, ['email', 'newPassword'], {
        password: 'newPassword',
      }),
    ).toEqual({
      fieldErrors: { email: 'Taken.', newPassword: 'Too short.' },
      unmatched: { captcha: 'Missing.' },
    });
  });

  it('joins two messages that land on one input', () => {
    expect(
      splitFieldErrors({ password: 'Too short.', newPassword: 'Contains your email.' }, ['newPassword'], {
        password: 'newPassword',
      }).fieldErrors,
    ).toEqual({ newPassword: 'Too short. Contains your email.' });
  });
});

describe('formatWait', () => {
  it('says how long in the largest whole unit, rounded up', () => {
    expect(formatWait(0)).toBe('1 second');
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(45)).toBe('45 seconds');
    expect(formatWait(60)).toBe('1 minute');
    expect(formatWait(61)).toBe('2 minutes');
    expect(formatWait(900)).toBe('15 minutes');
    expect(formatWait(3600)).toBe('1 hour');
    expect(formatWait(7200)).toBe('2 hours');
  });
});
