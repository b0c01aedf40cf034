// The account forms' values and checks (hosted developer sandbox): enrollment, sign-in and passwords.
import type { VendorEnrollmentInput } from '../../api/types.ts';
import { isEmailAddress, isPhoneNumber, isWebUrl } from '../../forms/validators.ts';

/** The password policy the server enforces, shown beside the new-password fields. */
export const MIN_PASSWORD_LENGTH = 12;
export const PASSWORD_POLICY = `At least ${MIN_PASSWORD_LENGTH} characters, not containing your email.`;

/** The Vendor Enrollment to Sandbox form: the API's body with text inputs. */
export type EnrollmentForm = VendorEnrollmentInput;

/** The inputs of the enrollment form, in form order (the API names its field errors the same). */
export const ENROLLMENT_FIELDS = [
  'name',
  'email',
  'organizationName',
  'organizationUrl',
  'phone',
  'acceptTerms',
] as const satisfies readonly (keyof EnrollmentForm)[];

/** An empty enrollment form. */
export function emptyEnrollment(): EnrollmentForm {
  return { name: '', email: '', organizationName: '', organizationUrl: '', phone: '', acceptTerms: false };
}

/** The message for an email input, or undefined when it is fine. */
export function emailError(value: string): string | undefined {
  if (value.trim() === '') return 'Enter your email address.';
  if (!isEmailAddress(value)) return 'Enter an email address such as dev@app.example.';
  return undefined;
}

/** What is wrong with each field of the enrollment form (empty when it can be sent). */
export function enrollmentErrors(values: EnrollmentForm): Partial<Record<keyof EnrollmentForm, string>> {
  const errors: Partial<Record<keyof EnrollmentForm, string>> = {};
  if (values.name.trim() === '') errors.name = 'Enter your name.';
  const email = emailError(values.email);
  if (email !== undefined) errors.email = email;
  if (values.organizationName.trim() === '') errors.organizationName = 'Enter the name of your organization.';
  if (values.organizationUrl.trim() === '') errors.organizationUrl = 'Enter the website of your organization.';
  else if (!isWebUrl(values.organizationUrl))
    errors.organizationUrl = 'Enter a web address that starts with https://, such as https://app.example.';
  if (values.phone.trim() === '') errors.phone = 'Enter a phone number where the plan can reach you.';
  else if (!isPhoneNumber(values.phone)) errors.phone = 'Enter a phone number such as +1 555 010 0100.';
  if (!values.acceptTerms) errors.acceptTerms = 'Accept the terms of use to enroll.';
  return errors;
}

/** The API body of the enrollment form (text trimmed). */
export function enrollmentInput(values: EnrollmentForm): VendorEnrollmentInput {
  return {
    name: values.name.trim(),
    email: values.email.trim(),
    organizationName: values.organizationName.trim(),
    organizationUrl: values.organizationUrl.trim(),
    phone: values.phone.trim(),
    acceptTerms: values.acceptTerms,
  };
}

/**
 * What is wrong with a new password, or undefined. The email rule runs only where the email is known (Change
 * password); on a set-password link the server applies it.
 */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  const address = email?.trim().toLowerCase() ?? '';
  if (address !== '' && password.toLowerCase().includes(address)) return 'Do not put your email in the password.';
  return undefined;
}

/** A new password typed twice. */
export interface NewPasswordForm {
  newPassword: string;
  confirmPassword: string;
}

/** What is wrong with a new password and its confirmation. */
export function newPasswordErrors(
  values: NewPasswordForm,
  email?: string,
): Partial<Record<keyof NewPasswordForm, string>> {
  const errors: Partial<Record<keyof NewPasswordForm, string>> = {};
  const problem = passwordProblem(values.newPassword, email);
  if (problem !== undefined) errors.newPassword = problem;
  if (values.confirmPassword === '') errors.confirmPassword = 'Type the new password again.';
  else if (values.confirmPassword !== values.newPassword) errors.confirmPassword = 'The two passwords differ.';
  return errors;
}

/** What is missing from the sign-in form (the server judges whether the password is right). */
export function signInErrors(values: {
  email: string;
  password: string;
}): Partial<Record<'email' | 'password', string>> {
  const errors: Partial<Record<'email' | 'password', string>> = {};
  const email = emailError(values.email);
  if (email !== undefined) errors.email = email;
  if (values.password === '') errors.password = 'Enter your password.';
  return errors;
}

/**
 * What a sign-in page's `?error=` means (the OpenID Connect callback sends members back with one), or undefined
 * for none or a code it does not know (nothing to say rather than a raw code).
 */
export function signInQueryError(code: string | null | undefined): { title: string; message: string } | undefined {
  if (code === 'no_member_account')
    return {
      title: 'No member account for that sign-in',
      message:
        'You signed in with the plan, but no member account uses that email yet. Register with your member ID first, or sign in with your email and password.',
    };
  if (code === 'oidc_failed')
    return {
      title: 'Sign-in with the plan did not work',
      message:
        'The sign-in was cancelled or could not be completed. Try again, or sign in with your email and password.',
    };
  return undefined;
}
