import { body, E400, E404, failure, idParam, list, ok, op } from '../openapi.ts';
import type { Operation, OpenApiPaths } from '../openapi.ts';
import { ref } from '../openapi-schemas.ts';
import type { JsonSchema } from '../openapi-schemas.ts';

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const object = (description: string, required: string[], properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  description,
  required,
  properties,
});

const E401 = { '401': failure('Email or password is wrong (`invalid_credentials`), or no session.') };
const E429 = { '429': failure('Too many attempts (`rate_limited`): wait the `Retry-After` seconds.') };
const E403 = { '403': failure('Sent from another site, or without `X-Requested-With` (cookie-setting posts).') };

/** An operation anyone may call (no 401 of a missing session). */
const open = (
  operationId: string,
  summary: string,
  responses: Operation['responses'],
  extra: Partial<Operation> = {},
): Operation => ({ operationId, summary, tags: ['account'], ...extra, responses: { ...responses, ...E400, ...E429 } });

/** The component schemas of the account routes. */
export const accountSchemas: Record<string, JsonSchema> = {
  Account: object('An account (never its password, links or keys).', ['id', 'kind', 'email', 'name', 'status'], {
    id: str('The account id (the owner of its apps and patients).'),
    kind: str('What the account is for.', { enum: ['vendor', 'reviewer', 'member'] }),
    email: str('Its email address.', { format: 'email' }),
    name: str("The person's name."),
    status: str('pending until a password is set from the emailed link.', { enum: ['pending', 'active'] }),
    createdAt: str('When it was made.', { format: 'date-time' }),
    organizationName: str('Organization/Company Name (vendors).'),
    organizationUrl: str('Organization/Company Website URL (vendors).', { format: 'uri' }),
    phone: str('Phone (vendors).'),
  }),
  SessionView: object('Who is signed in.', ['kind', 'account'], {
    kind: str('The account kind.'),
    account: ref('Account'),
  }),
  Message: object('A sentence for a person.', ['message'], { message: str('What happened, and what to do next.') }),
  EnrollmentInput: object(
    'Vendor Enrollment to Sandbox.',
    ['name', 'email', 'organizationName', 'organizationUrl', 'phone', 'acceptTerms'],
    {
      name: str('Your name.'),
      email: str('Where the link to set your password goes.', { format: 'email' }),
      organizationName: str('Organization/Company Name.'),
      organizationUrl: str('Organization/Company Website URL.', { format: 'uri' }),
      phone: str('A phone number the plan can reach you at.'),
      acceptTerms: { type: 'boolean', description: 'You accept the terms of use (must be true).' },
    },
  ),
  EmailInput: object('An email address.', ['email'], { email: str("The account's address.", { format: 'email' }) }),
  SignInInput: object('Email and password.', ['email', 'password'], {
    email: str("The account's address.", { format: 'email' }),
    password: str('Its password.'),
  }),
  PasswordLinkInput: object('The token of an emailed link and the new password.', ['token', 'password'], {
    token: str('The token after `#token=` in the link.'),
    password: str('At least 12 characters, not containing your email address.'),
  }),
  PasswordChangeInput: object('The current password and a new one.', ['currentPassword', 'newPassword'], {
    currentPassword: str('The password now.'),
    newPassword: str('At least 12 characters, not containing your email address.'),
  }),
  RegistrationInput: object(
    'Member self-registration: the member ID and date of birth on the member card, and an email address.',
    ['memberId', 'birthDate', 'email'],
    {
      memberId: str('The member ID on your card.'),
      birthDate: str('Your date of birth (YYYY-MM-DD).', { format: 'date' }),
      email: str('Where the link to set your password goes.', { format: 'email' }),
    },
  ),
  ApiKeyInput: object('A name to recognize the key by.', ['name'], { name: str('e.g. "GitHub Actions".') }),
  ApiKey: object('An API key (the key itself is shown once).', ['id', 'name', 'prefix', 'createdAt'], {
    id: str('The key id.'),
    name: str('Its name.'),
    prefix: str('The first characters of the key, to recognize it.'),
    createdAt: str('When it was made.', { format: 'date-time' }),
    lastUsedAt: str('When it last authenticated a request (to the minute).', { format: 'date-time' }),
  }),
  CreatedApiKey: object('A new API key: copy `key` now, it is not shown again.', ['key', 'apiKey'], {
    key: str('Send it as `Authorization: Bearer <key>`.'),
    apiKey: ref('ApiKey'),
  }),
};

/** The name of a kind's session-cookie security scheme (`reviewerSession`); vendors use the document's own. */
export function sessionScheme(kind: string): string {
  return `${kind}Session`;
}

/** `signIn` for vendors, `reviewerSignIn` for reviewers: operation ids stay unique in one document. */
function idFor(kind: string, name: string): string {
  return kind === 'vendor' ? name : `${kind}${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** The account routes of a kind below its prefix (`/review` for reviewers): paths relative to `/api`. */
export function accountOperations(kind: string, prefix = ''): OpenApiPaths {
  const tag = kind === 'vendor' ? 'account' : `${kind} account`;
  const security = kind === 'vendor' ? {} : { security: [{ [sessionScheme(kind)]: [] }] };
  const authed = (
    name: string,
    summary: string,
    responses: Operation['responses'],
    extra: Partial<Operation> = {},
  ): Operation => op(idFor(kind, name), summary, tag, responses, { ...security, ...extra });
  const anyone = (
    name: string,
    summary: string,
    responses: Operation['responses'],
    extra: Partial<Operation> = {},
  ): Operation => ({ ...open(idFor(kind, name), summary, responses, extra), tags: [tag], security: [] });
  const common: OpenApiPaths = {
    [`${prefix}/session`]: {
      post: anyone(
        'signIn',
        'Sign in: starts a session (httpOnly cookie)',
        { '200': ok('Signed in.', ref('SessionView')), ...E401, ...E403 },
        { requestBody: body('SignInInput') },
      ),
      get: authed('getSession', 'Who is signed in', { '200': ok('The session.', ref('SessionView')) }),
      delete: authed('signOut', 'Sign out', { '204': { description: 'Signed out.' } }),
    },
    [`${prefix}/password-resets`]: {
      post: anyone(
        'requestPasswordReset',
        'Forgot password: emails a link to set a new one',
        { '202': ok('The same answer whether or not the address is known.', ref('Message')) },
        { requestBody: body('EmailInput') },
      ),
    },
    [`${prefix}/password-links`]: {
      post: anyone(
        'completePasswordLink',
        `Set the password from an emailed link (${kind === 'vendor' ? 'enrollment' : 'invitation'} or reset): signs in; a link of another kind of account is link_invalid`,
        { '200': ok('Signed in.', ref('SessionView')), ...E403 },
        { requestBody: body('PasswordLinkInput') },
      ),
    },
  };
  const changePassword = {
    put: authed(
      'changePassword',
      'Change the password (signs out every other session)',
      { '204': { description: 'Changed.' }, ...E400 },
      { requestBody: body('PasswordChangeInput') },
    ),
  };
  if (kind === 'member') {
    return {
      ...common,
      [`${prefix}/password`]: changePassword,
      [`${prefix}/registrations`]: {
        post: anyone(
          'register',
          'Register as a member: emails the next step (the same answer whatever matched)',
          { '202': ok('The same answer whatever the member ID, date of birth and email.', ref('Message')), ...E403 },
          { requestBody: body('RegistrationInput') },
        ),
      },
    };
  }
  if (kind !== 'vendor') return { ...common, [`${prefix}/password`]: changePassword };
  return {
    ...common,
    [`${prefix}/vendor-enrollments`]: {
      post: anyone(
        'enrollVendor',
        'Vendor Enrollment to Sandbox: emails a link to set a password',
        { '202': ok('The same answer whether or not the address is known.', ref('Message')) },
        { requestBody: body('EnrollmentInput') },
      ),
    },
    [`${prefix}/vendor`]: {
      get: authed('getAccount', 'The signed-in account', { '200': ok('The account.', ref('Account')) }),
    },
    [`${prefix}/vendor/password`]: changePassword,
    [`${prefix}/vendor/api-keys`]: {
      get: authed('listApiKeys', "The account's API keys", { '200': ok('API keys.', list('ApiKey')) }),
      post: authed(
        'createApiKey',
        'Create an API key for CI (shown once, stored hashed)',
        { '201': ok('The key.', ref('CreatedApiKey')), ...E400 },
        { requestBody: body('ApiKeyInput') },
      ),
    },
    [`${prefix}/vendor/api-keys/{id}`]: {
      delete: authed(
        'revokeApiKey',
        'Revoke an API key',
        { '204': { description: 'Revoked.' }, ...E404 },
        { parameters: [idParam('API key')] },
      ),
    },
  };
}
