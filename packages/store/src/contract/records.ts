import { afterEach, describe, expect, it } from 'vitest';
import { RecordConflictError, type RecordStore, type StoredRecord } from '../records.ts';

/** What an adapter's test file hands the suite for each test. */
export interface RecordStoreHarness {
  /** A new, empty store. */
  store: RecordStore;
  /** Opens the same storage again after the suite has closed `store`; only adapters that persist give it. */
  reopen?: () => Promise<RecordStore>;
}

export type MakeRecordStore = () => Promise<RecordStoreHarness>;

interface App extends StoredRecord {
  name: string;
  owner: string;
  kind: 'public' | 'secret';
  rank?: number | null;
  active: boolean;
  meta?: { tags: string[] };
}

const app = (id: string, fields: Partial<App> = {}): App => ({
  id,
  name: `App ${id}`,
  owner: 'o1',
  kind: 'public',
  active: true,
  ...fields,
});

interface Setup {
  store: RecordStore;
  persistent: boolean;
  /** Closes the current store and opens the storage again. */
  reopen: () => Promise<RecordStore>;
}

/**
 * The contract every RecordStore adapter passes: get/put/insert/delete, copies in and out, list with
 * equality filters, ordering and paging, count, deleteWhere, parallel writes, and (for adapters that
 * persist) everything surviving a reopen. `make` returns a new, empty storage each time.
 */
export function runRecordStoreContract(name: string, make: MakeRecordStore): void {
  describe(`${name} RecordStore contract`, () => {
    const open: RecordStore[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });
    const setup = async (): Promise<Setup> => {
      const harness = await make();
      open.push(harness.store);
      const state: Setup = {
        store: harness.store,
        persistent: harness.reopen !== undefined,
        reopen: async () => {
          if (!harness.reopen) throw new Error('this adapter does not persist');
          await state.store.close();
          state.store = await harness.reopen();
          open.push(state.store);
          return state.store;
        },
      };
      return state;
    };
    const seeded = async (): Promise<Setup> => {
      const s = await setup();
      const apps = s.store.collection<App>('apps');
      await apps.put(app('c', { owner: 'o1', kind: 'secret', rank: 2 }));
      await apps.put(app('a', { owner: 'o2', rank: 3, active: false }));
      await apps.put(app('d', { owner: 'o1', rank: 1 }));
      await apps.put(app('b', { owner: 'o1', rank: null }));
      await apps.put(app('e', { owner: 'o2', kind: 'secret', rank: 2 }));
      return s;
    };
    const ids = (records: StoredRecord[]): string[] => records.map((r) => r.id);

    describe('records', () => {
      it('a record put under an id reads back equal; an absent id reads as undefined', async () => {
        const { store } = await setup();
        const apps = store.collection<App>('apps');
        await apps.put(app('a1', { meta: { tags: ['x'] } }));
        expect(await apps.get('a1')).toEqual(app('a1', { meta: { tags: ['x'] } }));
        expect(await apps.get('zz')).toBeUndefined();
      });

      it('put replaces a record with the same id', async () => {
        const { store } = await setup();
        const apps = store.collection<App>('apps');
        await apps.put(app('a1', { name: 'First', meta: { tags: [] } }));
        await apps.put(app('a1', { name: 'Second' }));
        expect(await apps.get('a1')).toEqual(app('a1', { name: 'Second' }));
        expect(await apps.count()).toBe(1);
      });

      it('insert of a taken id fails with a RecordConflictError and keeps the first record', async () => {
        const { store } = await setup();
        const apps = store.collection<App>('apps');
        await apps.insert(app('a1', { name: 'First' }));
        const failure = await apps.insert(app('a1', { name: 'Second' })).catch((err: unknown) => err);
        expect(failure).toBeInstanceOf(RecordConflictError);
        expect((await apps.get('a1'))?.name).toBe('First');
      });

      it('collections are separate: the same id in two collections holds two records', async () => {
        const { store } = await setup();
        await store.collection<App>('apps').insert(app('x', { name: 'an app' }));
        await store.collection<App>('launches').insert(app('x', { name: 'a launch' }));
        expect((await store.collection<App>('apps').get('x'))?.name).toBe('an app');
        expect((await store.collection<App>('launches').get('x'))?.name).toBe('a launch');
        expect(await store.collection('empty').list()).toEqual([]);
      });

      it('delete removes a record and says whether it was there', async () => {
        const { store } = await setup();
        const apps = store.collection<App>('apps');
        await apps.put(app('a1'));
        expect(await apps.delete('a1')).toBe(true);
        expect(await apps.delete('a1')).toBe(false);
        expect(await apps.get('a1')).toBeUndefined();
      });

      it('mutating a record given to put or returned by get or list does not change the stored record', async () => {
        const { store } = await setup();
        const apps = store.collection<App>('apps');
        const record = app('a1', { meta: { tags: ['x'] } });
        await apps.put(record);
        record.name = 'changed';
        record.meta?.tags.push('y');
        const read = await apps.get('a1');
        if (read?.meta) read.meta.tags.push('z');
        const [listed] = await apps.list();
        if (listed) listed.name = 'changed too';
        expect(await apps.get('a1')).toEqual(app('a1', { meta: { tags: ['x'] } }));
      });

      it('a record without a string id is rejected', async () => {
        const { store } = await setup();
        const apps = store.collection<App>('apps');
        await expect(apps.put({ ...app('x'), id: undefined as unknown as string })).rejects.toThrow();
        expect(await apps.count()).toBe(0);
      });

      it('a closed store refuses writes', async () => {
        const { store } = await setup();
        await store.close();
        await expect(store.collection<App>('apps').put(app('a1'))).rejects.toThrow();
      });
    });

    describe('queries', () => {
      it('list returns every record ordered by id by default', async () => {
        const { store } = await seeded();
        expect(ids(await store.collection<App>('apps').list())).toEqual(['a', 'b', 'c', 'd', 'e']);
      });

      it('where matches every given top-level field by equality', async () => {
        const { store } = await seeded();
        const apps = store.collection<App>('apps');
        expect(ids(await apps.list({ where: { owner: 'o1' } }))).toEqual(['b', 'c', 'd']);
        expect(ids(await apps.list({ where: { owner: 'o2', kind: 'secret' } }))).toEqual(['e']);
        expect(ids(await apps.list({ where: { active: false } }))).toEqual(['a']);
        expect(ids(await apps.list({ where: { rank: 2 } }))).toEqual(['c', 'e']);
        expect(ids(await apps.list({ where: { owner: 'nobody' } }))).toEqual([]);
      });

      it('a where field given as undefined places no condition, and null matches null or a missing field', async () => {
        const { store } = await seeded();
        const apps = store.collection<App>('apps');
        await apps.put(app('f', { owner: 'o3' }));
        expect(ids(await apps.list({ where: { owner: undefined } }))).toHaveLength(6);
        expect(ids(await apps.list({ where: { rank: null } }))).toEqual(['b', 'f']);
      });

      it('orderBy sorts by a field, ties by id, and missing values last (first when descending)', async () => {
        const { store } = await seeded();
        const apps = store.collection<App>('apps');
        expect(ids(await apps.list({ orderBy: 'rank' }))).toEqual(['d', 'c', 'e', 'a', 'b']);
        expect(ids(await apps.list({ orderBy: 'rank', descending: true }))).toEqual(['b', 'a', 'c', 'e', 'd']);
        expect(ids(await apps.list({ orderBy: 'owner', where: { kind: 'public' } }))).toEqual(['b', 'd', 'a']);
        expect(ids(await apps.list({ descending: true }))).toEqual(['e', 'd', 'c', 'b', 'a']);
      });

      it('numbers sort by value and strings by code unit, not as text or by locale', async () => {
        const { store } = await setup();
        const apps = store.collection<App>('apps');
        await Promise.all([
          apps.put(app('n1', { rank: 10, name: 'b' })),
          apps.put(app('n2', { rank: 9, name: 'B' })),
          apps.put(app('n3', { rank: 100, name: 'a' })),
        ]);
        expect(ids(await apps.list({ orderBy: 'rank' }))).toEqual(['n2', 'n1', 'n3']);
        expect(ids(await apps.list({ orderBy: 'name' }))).toEqual(['n2', 'n3', 'n1']);
      });

      it('limit and offset page through the ordered, filtered list', async () => {
        const { store } = await seeded();
        const apps = store.collection<App>('apps');
        expect(ids(await apps.list({ limit: 2 }))).toEqual(['a', 'b']);
        expect(ids(await apps.list({ offset: 2, limit: 2 }))).toEqual(['c', 'd']);
        expect(ids(await apps.list({ offset: 4, limit: 2 }))).toEqual(['e']);
        expect(ids(await apps.list({ offset: 9 }))).toEqual([]);
        expect(ids(await apps.list({ where: { owner: 'o1' }, descending: true, offset: 1 }))).toEqual(['c', 'b']);
      });

      it('putIf replaces a record only while the stored one matches, and says whether it did', async () => {
        const { store } = await seeded();
        const apps = store.collection<App>('apps');
        expect(await apps.putIf(app('c', { owner: 'o1', name: 'Renamed' }), { owner: 'o1', rank: 2 })).toBe(true);
        expect((await apps.get('c'))?.name).toBe('Renamed');
        expect(await apps.putIf(app('c', { name: 'Stale' }), { rank: 7 })).toBe(false);
        expect(await apps.putIf(app('zz', { name: 'Absent' }), {})).toBe(false);
        expect((await apps.get('c'))?.name).toBe('Renamed');
        expect(await apps.get('zz')).toBeUndefined();
        const racers = await Promise.all(
          Array.from({ length: 10 }, (_, i) => apps.putIf(app('d', { rank: 100 + i }), { rank: 1 })),
        );
        expect(racers.filter(Boolean)).toHaveLength(1);
        expect((await apps.get('d'))?.rank).toBeGreaterThanOrEqual(100);
      });

      it('count counts all records or those matching a filter', async () => {
        const { store } = await seeded();
        const apps = store.collection<App>('apps');
        expect(await apps.count()).toBe(5);
        expect(await apps.count({ owner: 'o1' })).toBe(3);
        expect(await apps.count({ owner: 'o1', kind: 'secret' })).toBe(1);
      });

      it('deleteWhere removes the matching records only and returns how many', async () => {
        const { store } = await seeded();
        const apps = store.collection<App>('apps');
        expect(await apps.deleteWhere({ owner: 'o2' })).toBe(2);
        expect(ids(await apps.list())).toEqual(['b', 'c', 'd']);
        expect(await apps.deleteWhere({ owner: 'o2' })).toBe(0);
      });

      it('filters stay right after records matched once change the filtered field, are replaced or deleted', async () => {
        const { store } = await seeded();
        const apps = store.collection<App>('apps');
        expect(await apps.count({ owner: 'o1' })).toBe(3);
        expect(await apps.count({ rank: null })).toBe(1);
        await apps.put(app('c', { owner: 'o2', rank: 2 }));
        await apps.put(app('b', { owner: 'o1', rank: 7 }));
        await apps.put(app('g', { owner: 'o1' }));
        await apps.delete('d');
        expect(ids(await apps.list({ where: { owner: 'o1' } }))).toEqual(['b', 'g']);
        expect(ids(await apps.list({ where: { owner: 'o2' } }))).toEqual(['a', 'c', 'e']);
        expect(ids(await apps.list({ where: { rank: null } }))).toEqual(['g']);
        expect(await apps.deleteWhere({ owner: 'o2', rank: 2 })).toBe(2);
        expect(ids(await apps.list({ where: { rank: 2 } }))).toEqual([]);
        expect(ids(await apps.list({ where: { owner: 'o2' } }))).toEqual(['a']);
      });
    });

    describeRecordDurability(setup);
  });
}

function describeRecordDurability(setup: () => Promise<Setup>): void {
  describe('parallel writes and reopening', () => {
    it('many parallel puts across collections all take effect (and survive a reopen)', async () => {
      const s = await setup();
      const names = ['apps', 'launches', 'accessLog'];
      await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          s.store.collection<App>(names[i % 3] ?? '').put(app(`r${String(i).padStart(3, '0')}`, { rank: i })),
        ),
      );
      const check = async (store: RecordStore): Promise<void> => {
        for (const [n, name] of names.entries()) {
          const listed = await store.collection<App>(name).list();
          expect(listed).toHaveLength(100);
          expect(listed.every((r) => r.rank !== undefined && r.rank !== null && r.rank % 3 === n)).toBe(true);
        }
      };
      await check(s.store);
      if (s.persistent) await check(await s.reopen());
    });

    it('parallel inserts of one id: exactly one succeeds and the others conflict', async () => {
      const { store } = await setup();
      const apps = store.collection<App>('apps');
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => apps.insert(app('same', { rank: i }))),
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof RecordConflictError);
      expect(ok).toHaveLength(1);
      expect(conflicts).toHaveLength(19);
      expect(await apps.count()).toBe(1);
    });

    it('reopening restores puts, replacements and deletions', async (ctx) => {
      const s = await setup();
      if (!s.persistent) return ctx.skip();
      const apps = s.store.collection<App>('apps');
      await apps.insert(app('kept', { meta: { tags: ['t'] } }));
      await apps.put(app('replaced', { name: 'old' }));
      await apps.put(app('replaced', { name: 'new' }));
      await apps.put(app('deleted'));
      await apps.delete('deleted');
      await apps.put(app('swept', { owner: 'gone' }));
      await apps.deleteWhere({ owner: 'gone' });
      const reopened = (await s.reopen()).collection<App>('apps');
      expect(await reopened.list()).toEqual([app('kept', { meta: { tags: ['t'] } }), app('replaced', { name: 'new' })]);
      await expect(reopened.insert(app('kept'))).rejects.toBeInstanceOf(RecordConflictError);
    });
  });
}
