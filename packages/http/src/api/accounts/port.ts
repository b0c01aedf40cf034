import type { AccountsPortal } from '@plan-api/portal';

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
  | 'completeLink'
  | 'signIn'
  | 'getAccount'
  | 'changePassword'
  | 'createApiKey'
  | 'listApiKeys'
  | 'revokeApiKey'
  | 'authenticateApiKey'
>;
