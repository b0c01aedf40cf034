/**
 * A namespaced key-value store with expiry and secondary indexes: what the authorization server keeps
 * (oidc-provider sessions, codes, tokens, grants, interactions; signing keys). Values are JSON.
 */
export interface KeyValueStore {
  /** The value, or undefined when absent or expired. */
  get<T = unknown>(namespace: string, key: string): Promise<T | undefined>;
  /**
   * Writes a value. `expiresInSeconds` makes it vanish after that time; `index` names secondary keys
   * (e.g. `{ grantId: 'g1', uid: 'u1' }`) that findByIndex/deleteByIndex look up.
   */
  set(
    namespace: string,
    key: string,
    value: unknown,
    options?: { expiresInSeconds?: number; index?: Record<string, string> },
  ): Promise<void>;
  delete(namespace: string, key: string): Promise<void>;
  /**
   * Atomically adds 1 to a counter and returns the new value. An absent or expired counter starts
   * again at 1 with a lifetime of `expiresInSeconds` from now; incrementing keeps the lifetime it has
   * (fixed-window rate limits shared by processes). A key holding something other than a number is an error.
   */
  increment(namespace: string, key: string, options: { expiresInSeconds: number }): Promise<number>;
  /** Atomically reads and deletes (single-use codes and links): of two concurrent takes, one gets the value. */
  take<T = unknown>(namespace: string, key: string): Promise<T | undefined>;
  /** Unexpired entries of a namespace whose index `name` equals `value`. */
  findByIndex<T = unknown>(namespace: string, name: string, value: string): Promise<{ key: string; value: T }[]>;
  /** Deletes the entries of every namespace whose index `name` equals `value`; returns how many. */
  deleteByIndex(name: string, value: string): Promise<number>;
  close(): Promise<void>;
}
