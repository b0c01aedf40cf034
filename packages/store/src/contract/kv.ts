import { afterEach, describe, expect, it } from 'vitest';
import type { KeyValueStore } from '../kv.ts';
import { describeKeyValueAtomics } from './kv-atomic.ts';

/** What an adapter's test file hands the suite for each test. */
export interface KeyValueHarness {
  /** A new, empty store. */
  store: KeyValueStore;
  /** Opens the same storage again after the suite has closed `store`; only adapters that persist give it. */
  reopen?: () => Promise<KeyValueStore>;
}

/** Builds a harness whose stores measure expiry by `now` (epoch ms), which the suite moves forward. */
export type MakeKeyValueStore = (options: { now: () => number }) => Promise<KeyValueHarness>;

interface Setup {
  store: KeyValueStore;
  /** Moves the clock forward. */
  advance: (ms: number) => void;
  /** Closes the current store and opens the storage again (the test skips itself for memory-only adapters). */
  reopen: () => Promise<KeyValueStore>;
  persistent: boolean;
}

/**
 * The contract every KeyValueStore adapter passes: values as JSON copies, namespaces, replace and
 * delete, expiry by the injected clock, secondary indexes, atomic counters and takes, parallel writes, and (for adapters that
 * persist) everything surviving a reopen. `make` returns a new, empty storage each time.
 */
export function runKeyValueStoreContract(name: string, make: MakeKeyValueStore): void {
  describe(`${name} KeyValueStore contract`, () => {
    const open: KeyValueStore[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    const setup = async (): Promise<Setup> => {
      let time = Date.UTC(2025, 0, 1);
      const harness = await make({ now: () => time });
      const state: Setup = {
        store: harness.store,
        advance: (ms) => (time += ms),
        persistent: harness.reopen !== undefined,
        reopen: async () => {
          if (!harness.reopen) throw new Error('this adapter does not persist');
          await state.store.close();
          state.store = await harness.reopen();
          open.push(state.store);
          return state.store;
        },
      };
      open.push(harness.store);
      return state;
    };

    describe('values', () => {
      it('a value written under a key reads back equal, and an absent key reads as undefined', async () => {
        const { store } = await setup();
        await store.set('Session', 's1', { account: 'p1', nested: { list: [1, 'two', null, true] } });
        expect(await store.get('Session', 's1')).toEqual({ account: 'p1', nested: { list: [1, 'two', null, true] } });
        expect(await store.get('Session', 'nope')).toBeUndefined();
        expect(await store.get('Other', 's1')).toBeUndefined();
      });

      it('strings, numbers, booleans, arrays and null are values too', async () => {
        const { store } = await setup();
        const values: unknown[] = ['text', 42.5, false, [1, [2]], null];
        await Promise.all(values.map((v, i) => store.set('scalars', String(i), v)));
        for (const [i, v] of values.entries()) expect(await store.get('scalars', String(i))).toEqual(v);
      });

      it('the same key in two namespaces holds two values', async () => {
        const { store } = await setup();
        await store.set('AccessToken', 'k', { kind: 'access' });
        await store.set('RefreshToken', 'k', { kind: 'refresh' });
        expect(await store.get('AccessToken', 'k')).toEqual({ kind: 'access' });
        expect(await store.get('RefreshToken', 'k')).toEqual({ kind: 'refresh' });
      });

      it('setting a key again replaces its value', async () => {
        const { store } = await setup();
        await store.set('Grant', 'g', { v: 1, extra: true });
        await store.set('Grant', 'g', { v: 2 });
        expect(await store.get('Grant', 'g')).toEqual({ v: 2 });
      });

      it('a deleted key reads as undefined, and deleting an absent key succeeds', async () => {
        const { store } = await setup();
        await store.set('Grant', 'g', { v: 1 });
        await store.delete('Grant', 'g');
        await store.delete('Grant', 'never-there');
        expect(await store.get('Grant', 'g')).toBeUndefined();
      });

      it('mutating the object given to set or returned by get does not change the stored value', async () => {
        const { store } = await setup();
        const value = { scopes: ['launch'], inner: { n: 1 } };
        await store.set('Grant', 'g', value);
        value.scopes.push('openid');
        value.inner.n = 99;
        const read = await store.get<{ scopes: string[]; inner: { n: number } }>('Grant', 'g');
        expect(read).toEqual({ scopes: ['launch'], inner: { n: 1 } });
        read?.scopes.push('changed');
        expect(await store.get('Grant', 'g')).toEqual({ scopes: ['launch'], inner: { n: 1 } });
      });

      it('a value JSON cannot hold is rejected', async () => {
        const { store } = await setup();
        await expect(store.set('Grant', 'g', undefined)).rejects.toThrow();
        expect(await store.get('Grant', 'g')).toBeUndefined();
      });

      it('a closed store refuses writes', async () => {
        const { store } = await setup();
        await store.close();
        await expect(store.set('Grant', 'g', { v: 1 })).rejects.toThrow();
      });
    });

    describe('expiry', () => {
      it('an entry is readable until its lifetime has passed and gone from then on', async () => {
        const { store, advance } = await setup();
        await store.set('AuthorizationCode', 'c', { code: 1 }, { expiresInSeconds: 60 });
        advance(59_999);
        expect(await store.get('AuthorizationCode', 'c')).toEqual({ code: 1 });
        advance(1);
        expect(await store.get('AuthorizationCode', 'c')).toBeUndefined();
      });

      it('an entry without a lifetime never expires, and setting it again without one clears the old lifetime', async () => {
        const { store, advance } = await setup();
        await store.set('keys', 'forever', { k: 1 });
        await store.set('keys', 'renewed', { k: 2 }, { expiresInSeconds: 10 });
        await store.set('keys', 'renewed', { k: 3 });
        advance(365 * 24 * 3600 * 1000);
        expect(await store.get('keys', 'forever')).toEqual({ k: 1 });
        expect(await store.get('keys', 'renewed')).toEqual({ k: 3 });
      });

      it('the lifetime counts from the latest set', async () => {
        const { store, advance } = await setup();
        await store.set('Session', 's', { n: 1 }, { expiresInSeconds: 10 });
        advance(8_000);
        await store.set('Session', 's', { n: 2 }, { expiresInSeconds: 10 });
        advance(8_000);
        expect(await store.get('Session', 's')).toEqual({ n: 2 });
      });

      it('an expired entry is not found by its index', async () => {
        const { store, advance } = await setup();
        await store.set('Session', 'short', { n: 1 }, { expiresInSeconds: 5, index: { uid: 'u1' } });
        await store.set('Session', 'long', { n: 2 }, { expiresInSeconds: 50, index: { uid: 'u1' } });
        advance(5_000);
        expect(await store.findByIndex('Session', 'uid', 'u1')).toEqual([{ key: 'long', value: { n: 2 } }]);
      });
    });

    describe('indexes', () => {
      it('findByIndex returns the entries of that namespace whose index matches, with their keys', async () => {
        const { store } = await setup();
        await store.set('AccessToken', 'a1', { n: 1 }, { index: { grantId: 'g1' } });
        await store.set('AccessToken', 'a2', { n: 2 }, { index: { grantId: 'g1', uid: 'x' } });
        await store.set('AccessToken', 'a3', { n: 3 }, { index: { grantId: 'g2' } });
        await store.set('RefreshToken', 'r1', { n: 4 }, { index: { grantId: 'g1' } });
        const found = await store.findByIndex('AccessToken', 'grantId', 'g1');
        expect(found.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
          { key: 'a1', value: { n: 1 } },
          { key: 'a2', value: { n: 2 } },
        ]);
        expect(await store.findByIndex('AccessToken', 'uid', 'x')).toEqual([{ key: 'a2', value: { n: 2 } }]);
        expect(await store.findByIndex('AccessToken', 'grantId', 'none')).toEqual([]);
      });

      it('replacing or deleting an entry updates what its index finds', async () => {
        const { store } = await setup();
        await store.set('Session', 's1', { n: 1 }, { index: { uid: 'old' } });
        await store.set('Session', 's1', { n: 2 }, { index: { uid: 'new' } });
        await store.set('Session', 's2', { n: 3 }, { index: { uid: 'new' } });
        expect(await store.findByIndex('Session', 'uid', 'old')).toEqual([]);
        await store.delete('Session', 's2');
        expect(await store.findByIndex('Session', 'uid', 'new')).toEqual([{ key: 's1', value: { n: 2 } }]);
      });

      it('deleteByIndex removes the matching entries of every namespace and returns how many', async () => {
        const { store } = await setup();
        await store.set('AccessToken', 'a1', { n: 1 }, { index: { grantId: 'g1' } });
        await store.set('RefreshToken', 'r1', { n: 2 }, { index: { grantId: 'g1' } });
        await store.set('AuthorizationCode', 'c1', { n: 3 }, { index: { grantId: 'g2' } });
        await store.set('Grant', 'g1', { n: 4 });
        expect(await store.deleteByIndex('grantId', 'g1')).toBe(2);
        expect(await store.get('AccessToken', 'a1')).toBeUndefined();
        expect(await store.get('RefreshToken', 'r1')).toBeUndefined();
        expect(await store.get('AuthorizationCode', 'c1')).toEqual({ n: 3 });
        expect(await store.get('Grant', 'g1')).toEqual({ n: 4 });
        expect(await store.deleteByIndex('grantId', 'g1')).toBe(0);
      });

      it('deleteByIndex does not count entries that had already expired', async () => {
        const { store, advance } = await setup();
        await store.set('AccessToken', 'a1', { n: 1 }, { expiresInSeconds: 1, index: { grantId: 'g' } });
        await store.set('AccessToken', 'a2', { n: 2 }, { expiresInSeconds: 100, index: { grantId: 'g' } });
        advance(2_000);
        expect(await store.deleteByIndex('grantId', 'g')).toBe(1);
        expect(await store.findByIndex('AccessToken', 'grantId', 'g')).toEqual([]);
      });
    });

    describeKeyValueAtomics(setup);
    describeKeyValueDurability(setup);
  });
}

function describeKeyValueDurability(setup: () => Promise<Setup>): void {
  describe('parallel writes and reopening', () => {
    it('many parallel sets and deletes across namespaces all take effect (and survive a reopen)', async () => {
      const s = await setup();
      const namespaces = ['Session', 'AccessToken', 'Grant'];
      const writes = Array.from({ length: 300 }, (_, i) =>
        s.store.set(namespaces[i % 3] ?? '', `k${i}`, { i }, { index: { group: `g${i % 7}` } }),
      );
      await Promise.all(writes);
      await Promise.all(Array.from({ length: 30 }, (_, i) => s.store.delete(namespaces[i % 3] ?? '', `k${i * 10}`)));
      const check = async (store: KeyValueStore): Promise<void> => {
        for (let i = 0; i < 300; i++) {
          const expected = i % 10 === 0 ? undefined : { i };
          expect(await store.get(namespaces[i % 3] ?? '', `k${i}`)).toEqual(expected);
        }
        const group3 = await store.findByIndex('Grant', 'group', 'g3');
        const expectedKeys = Array.from({ length: 300 }, (_, i) => i).filter(
          (i) => i % 3 === 2 && i % 7 === 3 && i % 10,
        );
        expect(group3.map((e) => e.key).sort()).toEqual(expectedKeys.map((i) => `k${i}`).sort());
      };
      await check(s.store);
      if (s.persistent) await check(await s.reopen());
    });

    it('reopening restores values, lifetimes and indexes', async (ctx) => {
      const s = await setup();
      if (!s.persistent) return ctx.skip();
      await s.store.set('Session', 's1', { account: 'p1' }, { expiresInSeconds: 60, index: { uid: 'u1' } });
      await s.store.set('keys', 'signing', { kty: 'RSA' });
      await s.store.set('keys', 'gone', { kty: 'EC' });
      await s.store.delete('keys', 'gone');
      s.advance(30_000);
      const store = await s.reopen();
      expect(await store.get('keys', 'signing')).toEqual({ kty: 'RSA' });
      expect(await store.get('keys', 'gone')).toBeUndefined();
      expect(await store.findByIndex('Session', 'uid', 'u1')).toEqual([{ key: 's1', value: { account: 'p1' } }]);
      s.advance(30_000);
      expect(await store.get('Session', 's1')).toBeUndefined();
    });

    it('entries deleted by index stay deleted after a reopen, and entries that expired meanwhile are gone', async (ctx) => {
      const s = await setup();
      if (!s.persistent) return ctx.skip();
      await s.store.set('AccessToken', 'a', { n: 1 }, { index: { grantId: 'g' } });
      await s.store.set('RefreshToken', 'r', { n: 2 }, { index: { grantId: 'g' } });
      await s.store.set('Interaction', 'i', { n: 3 }, { expiresInSeconds: 10 });
      await s.store.deleteByIndex('grantId', 'g');
      s.advance(10_000);
      const store = await s.reopen();
      expect(await store.get('AccessToken', 'a')).toBeUndefined();
      expect(await store.get('RefreshToken', 'r')).toBeUndefined();
      expect(await store.get('Interaction', 'i')).toBeUndefined();
      expect(await store.deleteByIndex('grantId', 'g')).toBe(0);
    });
  });
}
