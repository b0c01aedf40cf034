import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../kv.ts';

/** What the atomic-operation cases need from the suite's setup. */
export interface AtomicSetup {
  store: KeyValueStore;
  /** Moves the store's clock forward. */
  advance: (ms: number) => void;
}

/** increment (shared rate-limit counters) and take (single-use codes): one winner under concurrency. */
export function describeKeyValueAtomics(setup: () => Promise<AtomicSetup>): void {
  describe('counters and single-use values', () => {
    it('increment starts a counter at 1, adds 1 per call, and starts again at 1 once it has expired', async () => {
      const { store, advance } = await setup();
      expect(await store.increment('rate', 'ip-1', { expiresInSeconds: 60 })).toBe(1);
      expect(await store.increment('rate', 'ip-1', { expiresInSeconds: 60 })).toBe(2);
      expect(await store.increment('rate', 'ip-2', { expiresInSeconds: 60 })).toBe(1);
      advance(59_000);
      expect(await store.increment('rate', 'ip-1', { expiresInSeconds: 60 })).toBe(3);
      expect(await store.get('rate', 'ip-1')).toBe(3);
      advance(1_000);
      expect(await store.get('rate', 'ip-1')).toBeUndefined();
      expect(await store.increment('rate', 'ip-1', { expiresInSeconds: 60 })).toBe(1);
      advance(30_000);
      expect(await store.increment('rate', 'ip-1', { expiresInSeconds: 60 })).toBe(2);
    });

    it('parallel increments of one counter each count once', async () => {
      const { store } = await setup();
      const values = await Promise.all(
        Array.from({ length: 25 }, () => store.increment('rate', 'busy', { expiresInSeconds: 60 })),
      );
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(await store.get('rate', 'busy')).toBe(25);
    });

    it('increment of a key that holds something other than a number is rejected and changes nothing', async () => {
      const { store } = await setup();
      await store.set('rate', 'text', { not: 'a number' });
      await expect(store.increment('rate', 'text', { expiresInSeconds: 60 })).rejects.toThrow();
      expect(await store.get('rate', 'text')).toEqual({ not: 'a number' });
    });

    it('take returns the value once and deletes it; absent and expired keys take as undefined', async () => {
      const { store, advance } = await setup();
      await store.set('Link', 'once', { email: 'a@example.org' }, { index: { uid: 'u' } });
      await store.set('Link', 'stale', { n: 1 }, { expiresInSeconds: 5 });
      expect(await store.take('Link', 'once')).toEqual({ email: 'a@example.org' });
      expect(await store.take('Link', 'once')).toBeUndefined();
      expect(await store.get('Link', 'once')).toBeUndefined();
      expect(await store.findByIndex('Link', 'uid', 'u')).toEqual([]);
      expect(await store.take('Link', 'never')).toBeUndefined();
      advance(5_000);
      expect(await store.take('Link', 'stale')).toBeUndefined();
    });

    it('of many concurrent takes of one key exactly one gets the value', async () => {
      const { store } = await setup();
      await store.set('Code', 'c1', { grant: 'g' });
      const taken = await Promise.all(Array.from({ length: 10 }, () => store.take('Code', 'c1')));
      expect(taken.filter((v) => v !== undefined)).toEqual([{ grant: 'g' }]);
    });
  });
}
