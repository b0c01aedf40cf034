import type { KeyValueStore } from '../kv.ts';

const WAIT_MS = 50;

/**
 * The value of a key, made once across every process sharing the store: the first caller (the one whose
 * atomic `increment` of a claim counts 1) makes and stores it; the others wait for it to appear. For values that
 * must be the same everywhere from the start (signing keys, the root secret). A claim expires after
 * `claimSeconds`, so a process that died while making the value does not block the next start for long.
 */
export async function getOrCreateOnce<T>(
  kv: KeyValueStore,
  namespace: string,
  key: string,
  make: () => T | Promise<T>,
  options: { claimSeconds?: number; isValid?: (value: unknown) => value is T } = {},
): Promise<T> {
  const valid = options.isValid ?? ((value: unknown): value is T => value !== undefined && value !== null);
  const claimSeconds = options.claimSeconds ?? 30;
  const deadline = Date.now() + (claimSeconds + 5) * 1000;
  for (;;) {
    const existing = await kv.get(namespace, key);
    if (valid(existing)) return existing;
    if ((await kv.increment(namespace, `${key}#claim`, { expiresInSeconds: claimSeconds })) === 1) {
      // Another process may have made it between our read and our claim (its claim had just expired).
      const made = await kv.get(namespace, key);
      if (valid(made)) return made;
      const value = await make();
      await kv.set(namespace, key, value);
      // The claim is left to expire: deleting it would let a process that read nothing a moment ago claim again.
      return value;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for another process to create ${namespace}/${key}.`);
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
}
