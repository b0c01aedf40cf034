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
};
