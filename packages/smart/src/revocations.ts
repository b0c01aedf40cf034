/**
 * A counter of revocations in the KeyValueStore, shared by every process on it. Whatever makes access tokens stop
 * working (a token or grant destroyed, a member revoking an app) moves it on after the deletion; a process that
 * remembers verified tokens trusts what it remembers only while the counter has not moved.
 */
import type { KeyValueStore } from '@plan-api/store';

const NAMESPACE = 'smart:revocations';
const KEY = 'epoch';
/** The counter outlives any token (the store wants an expiry). */
const TEN_YEARS = 10 * 365 * 24 * 3600;

export interface RevocationEpoch {
  current(): Promise<number>;
  /** Call after the deletion, so a process that reads the new value finds the token gone. */
  bump(): Promise<void>;
}

export function revocationEpoch(kv: KeyValueStore): RevocationEpoch {
  return {
    current: async () => (await kv.get<number>(NAMESPACE, KEY)) ?? 0,
    bump: async () => {
      await kv.increment(NAMESPACE, KEY, { expiresInSeconds: TEN_YEARS });
    },
  };
}
