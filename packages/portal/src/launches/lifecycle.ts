/**
 * The grant lifecycle port (issue #15): what the sandbox's authorization server does to a launch's grant when a
 * vendor asks for an expired token, a lost refresh token, a revocation, a later clock or a new signing key.
 * The composition (the sandbox realm) implements it over its authorization server's hooks.
 */

/** The lifecycle actions, in the order the launch inspector offers them. */
export const LIFECYCLE_ACTIONS = [
  'expire-access-token',
  'expire-refresh-token',
  'revoke',
  'advance-clock',
  'rotate-signing-key',
] as const;

export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** A validated lifecycle request: `seconds` only (and always) with advance-clock. */
export type LifecycleRequest =
  { action: Exclude<LifecycleAction, 'advance-clock'> } | { action: 'advance-clock'; seconds: number };

/** What an action changed that the launch log reports. */
export interface LifecycleOutcome {
  /** rotate-signing-key: the `kid` of the new signing key. */
  kid?: string;
}

export interface GrantLifecycle {
  /** Whether a grant is still live (not revoked, not expired). */
  isLive(grantId: string): Promise<boolean>;
  /** Applies an action to a live grant (rotate-signing-key: to the realm the grant belongs to). */
  apply(grantId: string, request: LifecycleRequest): Promise<LifecycleOutcome>;
}
