/**
 * The sandbox's grant lifecycle (issue #15): the state a vendor's lifecycle actions leave on a grant, read by the
 * authorization server through its `storedEntry` hook (a token gone, or older than it is), and the portal's
 * GrantLifecycle port over it. The state lives in the realm's KeyValueStore, per grant: nothing in the module,
 * and the machine's clock and other grants are never touched.
 */
import type { GrantLifecycle, LifecycleRequest } from '@plan-api/portal';
import { revocationEpoch } from '@plan-api/smart';
import type { AuthHooks, AuthServer, KeyRing } from '@plan-api/smart';
import type { KeyValueStore } from '@plan-api/store';

const NAMESPACE = 'sandbox:lifecycle';

/** Kept as long as a grant can live. */
const STATE_SECONDS = 400 * 24 * 3600;

/** What the actions did to one grant; times are epoch milliseconds. */
interface GrantState {
  /** Access tokens written before this are gone (expire-access-token). */
  accessBefore?: number;
  /** Refresh tokens written before this are gone (expire-refresh-token). */
  refreshBefore?: number;
  /** advance-clock: whatever was written before `at` is `seconds` older. */
  advances: { at: number; seconds: number }[];
}

/** The lifecycle state store of a realm: the hook the authorization server reads it through, and the writes. */
export interface LifecycleState {
  hook: NonNullable<AuthHooks['storedEntry']>;
  update(grantId: string, change: (state: GrantState) => GrantState): Promise<void>;
}

export function createLifecycleState(kv: KeyValueStore): LifecycleState {
  return {
    hook: async ({ model, grantId, savedAt }) => {
      const state = await kv.get<GrantState>(NAMESPACE, grantId);
      if (state === undefined) return undefined;
      if (model === 'AccessToken' && savedAt < (state.accessBefore ?? 0)) return { gone: true };
      if (model === 'RefreshToken' && savedAt < (state.refreshBefore ?? 0)) return { gone: true };
      const agedSeconds = state.advances.reduce(
        (sum, advance) => sum + (savedAt < advance.at ? advance.seconds : 0),
        0,
      );
      return agedSeconds > 0 ? { agedSeconds } : undefined;
    },
    async update(grantId, change) {
      const state = (await kv.get<GrantState>(NAMESPACE, grantId)) ?? { advances: [] };
      await kv.set(NAMESPACE, grantId, change(state), { expiresInSeconds: STATE_SECONDS });
      // Processes remember the tokens they verified: this change must make them look again.
      await revocationEpoch(kv).bump();
    },
  };
}

/**
 * Keeps the authorization server signing with the ring's newest key, whichever process of a hosted sandbox rotated
 * it: call before serving the authorization server (one key-value read). `signing` is the kid the server started
 * with.
 */
export function keepSigningKeyCurrent(
  keys: KeyRing,
  auth: () => AuthServer,
  signing: string | undefined,
): () => Promise<void> {
  let current = signing;
  return async () => {
    const newest = (await keys.keys())[0]?.kid;
    if (newest === current) return;
    current = newest;
    await auth().reloadSigningKeys();
  };
}

/**
 * The portal's GrantLifecycle over the realm's authorization server, its lifecycle state and its key ring. `auth`
 * is read when an action runs (the server is created after the portal it asks for clients and launches);
 * `keysChanged` brings the server to the ring's newest key.
 */
export function grantLifecycle(
  state: LifecycleState,
  keys: KeyRing,
  auth: () => AuthServer,
  keysChanged: () => Promise<void>,
): GrantLifecycle {
  return {
    isLive: async (grantId) => (await auth().grant(grantId)) !== undefined,
    async apply(grantId, request: LifecycleRequest) {
      const now = Date.now();
      switch (request.action) {
        case 'expire-access-token':
          await state.update(grantId, (s) => ({ ...s, accessBefore: now }));
          return {};
        case 'expire-refresh-token':
          await state.update(grantId, (s) => ({ ...s, refreshBefore: now }));
          return {};
        case 'advance-clock':
          await state.update(grantId, (s) => ({
            ...s,
            advances: [...s.advances, { at: now, seconds: request.seconds }],
          }));
          return {};
        case 'revoke': {
          // What the member portal's "Revoke" does: every grant of the app for the member, with its tokens.
          const grant = await auth().grant(grantId);
          if (grant !== undefined) await auth().revokeAccess(grant.clientId, grant.accountId);
          return {};
        }
        case 'rotate-signing-key': {
          const kid = await keys.rotate();
          await keysChanged();
          return { kid };
        }
      }
    },
  };
}
