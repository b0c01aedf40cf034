/** The kinds of account (the facade of @plan-api/portal's accounts serves all three). */
export type AccountKind = 'vendor' | 'reviewer' | 'member';

/** An account as the API shows it: never its password hash, links or keys. */
export interface AccountView {
  id: string;
  kind: AccountKind;
  email: string;
  name: string;
  status: 'pending' | 'active';
  createdAt: string;
  organizationName?: string;
  organizationUrl?: string;
  phone?: string;
}

/** An API key as listed (the key itself is shown once, when made). */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt?: string;
}

/** Where a request came from, for the rate limits. */
export interface RequestContext {
  ip: string;
}

/**
 * The account use cases the account routes call (the portal's AccountsPortal). Inputs are raw JSON bodies: the
 * portal validates them and throws PortalError with field messages.
 */
export interface AccountsApi {
  enrollVendor(input: unknown, context: RequestContext): Promise<void>;
  requestPasswordReset(kind: AccountKind, input: unknown, context: RequestContext): Promise<void>;
  completeLink(input: unknown, context: RequestContext): Promise<AccountView>;
  signIn(kind: AccountKind, input: unknown, context: RequestContext): Promise<AccountView>;
  getAccount(id: string): Promise<AccountView | undefined>;
  changePassword(accountId: string, input: unknown): Promise<void>;
  createApiKey(accountId: string, input: unknown): Promise<{ key: string; apiKey: ApiKeyView }>;
  listApiKeys(accountId: string): Promise<ApiKeyView[]>;
  revokeApiKey(accountId: string, keyId: string): Promise<void>;
  authenticateApiKey(key: string): Promise<AccountView | undefined>;
}
