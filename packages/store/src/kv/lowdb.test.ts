import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKeyValueStoreContract } from '../contract/index.ts';
import { dataFileName } from './files.ts';
import { createLowdbKeyValueStore } from './lowdb.ts';

const dirs: string[] = [];
const newDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'plan-api-kv-'));
  dirs.push(dir);
  return dir;
};

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

runKeyValueStoreContract('lowdb', async ({ now }) => {
  const dir = await newDir();
  return {
    store: await createLowdbKeyValueStore({ dir, now }),
    reopen: () => createLowdbKeyValueStore({ dir, now }),
  };
});

describe('lowdb key-value files', () => {
  it('a set resolves only once the value is in its namespace file on disk', async () => {
    const dir = await newDir();
    const store = await createLowdbKeyValueStore({ dir });
    await store.set('Session', 's1', { marker: 'written-before-resolve' });
    const text = await readFile(join(dir, dataFileName('kv', 'Session')), 'utf8');
    expect(text).toContain('written-before-resolve');
    await store.close();
  });

  it('expired entries are left out of the file at the next write to their namespace', async () => {
    const dir = await newDir();
    let time = 1_000_000;
    const store = await createLowdbKeyValueStore({ dir, now: () => time });
    await store.set('AccessToken', 'short-lived', { n: 1 }, { expiresInSeconds: 1 });
    await store.set('AccessToken', 'kept', { n: 2 });
    const file = join(dir, dataFileName('kv', 'AccessToken'));
    expect(await readFile(file, 'utf8')).toContain('short-lived');
    time += 1_000;
    await store.set('AccessToken', 'other', { n: 3 });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('short-lived');
    expect(text).toContain('kept');
    await store.close();
  });

  it('namespaces differing only in case or holding path characters get files of their own', async () => {
    const dir = await newDir();
    const store = await createLowdbKeyValueStore({ dir });
    await store.set('Session', 'k', 'upper');
    await store.set('session', 'k', 'lower');
    await store.set('../x/y', 'k', 'pathy');
    await store.close();
    const names = await readdir(dir);
    expect(names).toHaveLength(3);
    expect(names.every((n) => !n.includes('/') && n.startsWith('kv.'))).toBe(true);
    const reopened = await createLowdbKeyValueStore({ dir });
    expect(await reopened.get('Session', 'k')).toBe('upper');
    expect(await reopened.get('session', 'k')).toBe('lower');
    expect(await reopened.get('../x/y', 'k')).toBe('pathy');
    await reopened.close();
  });

  it('a temp file left by an interrupted write is removed on open and the last whole file wins', async () => {
    const dir = await newDir();
    const store = await createLowdbKeyValueStore({ dir });
    await store.set('Grant', 'g', { v: 1 });
    await store.close();
    const temp = join(dir, `.${dataFileName('kv', 'Grant')}.tmp`);
    await writeFile(temp, '{"format":"plan-api-kv/1","namespace":"Grant","entr');
    const reopened = await createLowdbKeyValueStore({ dir });
    expect(await reopened.get('Grant', 'g')).toEqual({ v: 1 });
    expect(await readdir(dir)).not.toContain(`.${dataFileName('kv', 'Grant')}.tmp`);
    await reopened.close();
  });

  it('opening a directory whose file is damaged fails with the file named', async () => {
    const dir = await newDir();
    await writeFile(join(dir, dataFileName('kv', 'Grant')), '{"format":"plan-api-kv/1","namespace":');
    await expect(createLowdbKeyValueStore({ dir })).rejects.toThrow(dataFileName('kv', 'Grant'));
  });
});
