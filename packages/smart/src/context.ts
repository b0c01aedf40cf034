/**
 * SMART context kept beside oidc-provider's own records: the launch a pending authorization came with
 * (resolved and consumed once, then looked up by its value while the member signs in and consents), and,
 * per grant, the patient, launch and hook tags that tokens from that grant carry.
 */
import type { KeyValueStore } from '@plan-api/store';
import type { LaunchContext } from './types.ts';
import { clientAccountKey } from './adapter.ts';

const LAUNCH_NAMESPACE = 'smart:launch';
const GRANT_NAMESPACE = 'smart:grant';

/** What tokens of one grant stand for. */
export interface GrantContext {
  clientId: string;
  /** The account that consented (the `sub`). */
  accountId: string;
  /** The Patient the grant's tokens are bound to. */
  patientId: string;
  launchId?: string;
  tags?: Record<string, string>;
}

export interface ContextStore {
  /** Remembers a resolved launch for the rest of its authorization (keyed by the `launch` value). */
  saveLaunch(launch: string, context: LaunchContext, ttlSeconds: number): Promise<void>;
  /** The launch resolved earlier in this authorization; undefined without a `launch` parameter. */
  launch(launch: unknown): Promise<LaunchContext | undefined>;
  saveGrant(grantId: string, context: GrantContext, ttlSeconds: number): Promise<void>;
  grant(grantId: string | undefined): Promise<GrantContext | undefined>;
  /** Grant ids of one app for one account (every consent given). */
  grantIds(clientId: string, accountId: string): Promise<string[]>;
}

/** The context store over the KeyValueStore. */
export function createContextStore(kv: KeyValueStore): ContextStore {
  return {
    async saveLaunch(launch, context, ttlSeconds) {
      await kv.set(LAUNCH_NAMESPACE, launch, context, { expiresInSeconds: ttlSeconds });
    },
    async launch(launch) {
      if (typeof launch !== 'string' || launch.length === 0) return undefined;
      return kv.get<LaunchContext>(LAUNCH_NAMESPACE, launch);
    },
    async saveGrant(grantId, context, ttlSeconds) {
      await kv.set(GRANT_NAMESPACE, grantId, context, {
        expiresInSeconds: ttlSeconds,
        index: { grantId, clientAccount: clientAccountKey(context.clientId, context.accountId) },
      });
    },
    async grant(grantId) {
      if (grantId === undefined) return undefined;
      return kv.get<GrantContext>(GRANT_NAMESPACE, grantId);
    },
    async grantIds(clientId, accountId) {
      const key = clientAccountKey(clientId, accountId);
      const [grants, contexts] = await Promise.all([
        kv.findByIndex('oidc:Grant', 'clientAccount', key),
        kv.findByIndex(GRANT_NAMESPACE, 'clientAccount', key),
      ]);
      return [...new Set([...grants, ...contexts].map((hit) => hit.key))];
    },
  };
}
