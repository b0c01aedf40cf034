import type { AccountKind, AccountsPortal, AccountView } from '@plan-api/portal';

export type { AccountKind, AccountView, ApiKeyView } from '@plan-api/portal';

/** Where a request came from, for the rate limits. */
export interface RequestContext {
  ip: string;
}

/**
 * The account use cases the account routes call (the portal's AccountsPortal). Inputs are raw JSON bodies: the
 * portal validates them and throws PortalError with field messages.
 */
export type AccountsApi = Pick<
  AccountsPortal,
  | 'enrollVendor'
  | 'requestPasswordReset'
  | 'signIn'
  | 'getAccount'
  | 'changePassword'
  | 'createApiKey'
  | 'listApiKeys'
  | 'revokeApiKey'
  | 'authenticateApiKey'
> & {
  /**
   * POST `<prefix>/password-links` `{token, password}`. The routes pass the kind of the page the link was
   * completed on: a portal that takes it refuses another kind's link before using it (one that does not is
   * checked after, by the AccountView's kind, and no session starts).
   */
  completeLink(input: unknown, context: RequestContext, kind: AccountKind): Promise<AccountView>;
  /**
   * POST `/account/registrations` `{memberId, birthDate, email}`: member self-registration. The same outcome
   * whatever the input matches (no enumeration); `rate_limited` per address and email; field errors for malformed
   * input. Optional so a composition without members (the desktop's) needs none: without it the route answers 404.
   */
  registerMember?(input: unknown, context: RequestContext): Promise<void>;
  /**
   * The active member account with this email, for OpenID Connect sign-in (createMemberOidcRouter needs it);
   * undefined when there is none.
   */
  findMemberByEmail?(email: string): Promise<AccountView | undefined>;
};
