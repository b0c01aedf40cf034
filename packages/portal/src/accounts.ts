import { authenticateApiKey } from './accounts/authenticate-api-key.ts';
import { changePassword } from './accounts/change-password.ts';
import { completeLink } from './accounts/complete-link.ts';
import { createAccountsContext, type AccountsPortalDeps } from './accounts/context.ts';
import { createApiKey } from './accounts/create-api-key.ts';
import { getAccount } from './accounts/get-account.ts';
import { inviteAccount } from './accounts/invite-account.ts';
import { findMemberByEmail } from './accounts/find-member-by-email.ts';
import { listApiKeys } from './accounts/list-api-keys.ts';
import type { AccountKind, AccountView, ApiKeyView } from './accounts/model.ts';
import { registerMember } from './accounts/register-member.ts';
import { requestPasswordReset } from './accounts/request-password-reset.ts';
import { revokeApiKey } from './accounts/revoke-api-key.ts';
import { signIn } from './accounts/sign-in.ts';
import { enrollVendor } from './vendors/enroll-vendor.ts';

/**
 * The accounts portal: vendors' enrollment, passwords and API keys now; reviewers and members use the same
 * accounts. Every method is a plain function property. Failures are PortalError: `validation_failed`,
 * `invalid_credentials`, `rate_limited` (with retryAfterSeconds), `link_invalid`, `account_exists`,
 * `too_many_api_keys`, `not_found`. Nothing it needs lives in process memory: several processes can serve one
 * RecordStore and one RateCounter.
 */
export interface AccountsPortal {
  /**
   * POST /api/vendor-enrollments `{name, email, organizationName, organizationUrl, phone, acceptTerms: true}`.
   * Same outcome whether or not the email is known.
   */
  enrollVendor(input: unknown, context: { ip: string }): Promise<void>;
  /** POST /api/password-resets `{email}`. Same outcome whether or not the email is known. */
  requestPasswordReset(kind: AccountKind, input: unknown, context: { ip: string }): Promise<void>;
  /** POST /api/password-links `{token, password}`: sets the password from an emailed link and activates the account. */
  completeLink(input: unknown, context: { ip: string }): Promise<AccountView>;
  /** POST /api/session `{email, password}`. */
  signIn(kind: AccountKind, input: unknown, context: { ip: string }): Promise<AccountView>;
  /** The account a session names, or undefined. */
  getAccount(id: string): Promise<AccountView | undefined>;
  /** PUT /api/vendor/password `{currentPassword, newPassword}`. */
  changePassword(accountId: string, input: unknown): Promise<void>;
  /** POST /api/vendor/api-keys `{name}`: the key is returned once, stored hashed. */
  createApiKey(accountId: string, input: unknown): Promise<{ key: string; apiKey: ApiKeyView }>;
  /** GET /api/vendor/api-keys, newest first. */
  listApiKeys(accountId: string): Promise<ApiKeyView[]>;
  /** DELETE /api/vendor/api-keys/{id}. */
  revokeApiKey(accountId: string, keyId: string): Promise<void>;
  /** The account an `Authorization: Bearer <key>` API key belongs to (undefined when unknown or revoked). */
  authenticateApiKey(key: string): Promise<AccountView | undefined>;
  /** Invites an account (reviewers now via a CLI, members later): creates it pending and mails an `invite` link. */
  inviteAccount(kind: AccountKind, input: unknown): Promise<AccountView>;
  /**
   * POST /api/account/registrations `{memberId, birthDate (YYYY-MM-DD), email}`: member self-registration,
   * verified by an emailed `verify` link. Same outcome whatever the input matches (the mail tells).
   */
  registerMember(input: unknown, context: { ip: string }): Promise<void>;
  /** The active member account of an address (OpenID Connect sign-in), or undefined. */
  findMemberByEmail(email: string): Promise<AccountView | undefined>;
}

/**
 * Creates the accounts portal over its ports: a RecordStore shared by the server's processes, the Mailer,
 * a RateCounter in the same database, and the URLs of the mail's links.
 */
export function createAccountsPortal(deps: AccountsPortalDeps): AccountsPortal {
  const ctx = createAccountsContext(deps);
  return {
    enrollVendor: (input, context) => enrollVendor(ctx, input, context),
    requestPasswordReset: (kind, input, context) => requestPasswordReset(ctx, kind, input, context),
    completeLink: (input, context) => completeLink(ctx, input, context),
    signIn: (kind, input, context) => signIn(ctx, kind, input, context),
    getAccount: (id) => getAccount(ctx, id),
    changePassword: (accountId, input) => changePassword(ctx, accountId, input),
    createApiKey: (accountId, input) => createApiKey(ctx, accountId, input),
    listApiKeys: (accountId) => listApiKeys(ctx, accountId),
    revokeApiKey: (accountId, keyId) => revokeApiKey(ctx, accountId, keyId),
    authenticateApiKey: (key) => authenticateApiKey(ctx, key),
    inviteAccount: (kind, input) => inviteAccount(ctx, kind, input),
    registerMember: (input, context) => registerMember(ctx, input, context),
    findMemberByEmail: (email) => findMemberByEmail(ctx, email),
  };
}
