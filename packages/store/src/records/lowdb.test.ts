import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredRecord } from '../records.ts';
import { dataFileName } from '../kv/files.ts';
import { createLowdbKeyValueStore } from '../kv/lowdb.ts';
import { runRecordStoreContract } from '../contract/index.ts';
import { createLowdbRecordStore } from './lowdb.ts';

const dirs: string[] = [];
const newDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'plan-api-records-'));
  dirs.push(dir);
  return dir;
};

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

runRecordStoreContract('lowdb', async () => {
  const dir = await newDir();
  return { store: await createLowdbRecordStore({ dir }), reopen: () => createLowdbRecordStore({ dir }) };
});

interface Note extends StoredRecord {
  text: string;
}

describe('lowdb record files', () => {
  it('a put resolves only once the record is in its collection file on disk', async () => {
    const dir = await newDir();
    const store = await createLowdbRecordStore({ dir });
    await store.collection<Note>('notes').put({ id: 'n1', text: 'written-before-resolve' });
    expect(await readFile(join(dir, dataFileName('records', 'notes')), 'utf8')).toContain('written-before-resolve');
    await store.close();
  });

  it('records and key-value data can share a directory without reading each other', async () => {
    const dir = await newDir();
    const records = await createLowdbRecordStore({ dir });
    const kv = await createLowdbKeyValueStore({ dir });
    await records.collection<Note>('Session').put({ id: 'n1', text: 'record' });
    await kv.set('Session', 'n1', { text: 'kv' });
    await Promise.all([records.close(), kv.close()]);
    const records2 = await createLowdbRecordStore({ dir });
    const kv2 = await createLowdbKeyValueStore({ dir });
    expect(await records2.collection<Note>('Session').get('n1')).toEqual({ id: 'n1', text: 'record' });
    expect(await kv2.get('Session', 'n1')).toEqual({ text: 'kv' });
    await Promise.all([records2.close(), kv2.close()]);
  });

  it('a temp file left by an interrupted write is removed on open and the last whole file wins', async () => {
    const dir = await newDir();
    const store = await createLowdbRecordStore({ dir });
    await store.collection<Note>('notes').put({ id: 'n1', text: 'whole' });
    await store.close();
    const temp = `.${dataFileName('records', 'notes')}.tmp`;
    await writeFile(join(dir, temp), '{"format":"plan-api-records/1","records":[{"id":');
    const reopened = await createLowdbRecordStore({ dir });
    expect(await reopened.collection<Note>('notes').list()).toEqual([{ id: 'n1', text: 'whole' }]);
    expect(await readdir(dir)).not.toContain(temp);
    await reopened.close();
  });

  it('opening a directory whose file is damaged fails with the file named', async () => {
    const dir = await newDir();
    await writeFile(join(dir, dataFileName('records', 'notes')), '{"format":"plan-api-records/1","records":[{');
    await expect(createLowdbRecordStore({ dir })).rejects.toThrow(dataFileName('records', 'notes'));
  });
});
