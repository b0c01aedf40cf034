import { describe, expect, it } from 'vitest';
import {
  emptyEnrollment,
  enrollmentErrors,
  enrollmentInput,
  newPasswordErrors,
  passwordProblem,
  signInErrors,
  signInQueryError,
} from './auth-model.ts';

const FILLED = {
  name: ' Dana Developer ',
  email: 'dana@app.example ',
  organizationName: 'Example Apps',
  organizationUrl: 'https://app.example',
  phone: '+1 (555) 010-0100',
  acceptTerms: true,
};

describe('the enrollment form', () => {
  it('sends a filled form as it is, trimmed', () => {
    expect(enrollmentErrors(FILLED)).toEqual({});
    expect(enrollmentInput(FILLED)).toEqual({ ...FILLED, name: 'Dana Developer', email: 'dana@app.example' });
  });

  it('names every missing field, the terms included', () => {
    expect(Object.keys(enrollmentErrors(emptyEnrollment()))).toEqual([
      'name',
      'email',
      'organizationName',
      'organizationUrl',
      'phone',
      'acceptTerms',
    ]);
  });

  it('refuses an email, website or phone that cannot be one', () => {
    const errors = enrollmentErrors({ ...FILLED, email: 'dana', organizationUrl: 'app.example', phone: '12' });
    expect(errors.email).toMatch(/email address/);
    expect(errors.organizationUrl).toMatch(/https:\/\//);
    expect(errors.phone).toMatch(/phone number/);
  });
});

describe('passwords', () => {
  it('needs 12 characters', () => {
    expect(passwordProblem('short')).toBe('Use at least 12 characters.');
    expect(passwordProblem('twelve chars')).toBeUndefined();
  });

  it('refuses a password containing the email, whatever the case, when the email is known', () => {
    expect(passwordProblem('x-Dana@App.Example-1', 'dana@app.example')).toMatch(/email/);
    expect(passwordProblem('x-Dana@App.Example-1')).toBeUndefined();
  });

  it('needs the confirmation to match', () => {
    expect(newPasswordErrors({ newPassword: 'correct horse battery', confirmPassword: 'correct horse' })).toEqual({
      confirmPassword: 'The two passwords differ.',
    });
    expect(
      newPasswordErrors({ newPassword: 'correct horse battery', confirmPassword: 'correct horse battery' }),
    ).toEqual({});
    expect(newPasswordErrors({ newPassword: '', confirmPassword: '' })).toEqual({
      newPassword: 'Use at least 12 characters.',
      confirmPassword: 'Type the new password again.',
    });
  });
});

describe('the sign-in form', () => {
  it('needs an email and a password, and leaves judging the password to the server', () => {
    expect(signInErrors({ email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
    expect(signInErrors({ email: 'dana@app.example', password: 'x' })).toEqual({});
  });
});

describe("the sign-in page's error codes", () => {
  it("explains the OpenID Connect callback's codes and ignores the rest", () => {
    expect(signInQueryError('no_member_account')?.title).toBe('No member account for that sign-in');
    expect(signInQueryError('oidc_failed')?.message).toMatch(/Try again/);
    for (const code of [null, undefined, '', 'x<script>']) expect(signInQueryError(code)).toBeUndefined();
  });
});
