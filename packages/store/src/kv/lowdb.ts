import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyValueStore } from '../kv.ts';
import { dataFileName, dataFileWriter, parseDataFile, readDataFiles } from './files.ts';
import { KvTable, type KvEntry } from './table.ts';

export interface LowdbKeyValueStoreOptions {
  /** Directory of the data files (created when missing); files are named `kv.<namespace>.<hash>.json`. */
  dir: string;
  /** The clock expiry is measured by, in epoch milliseconds (tests pass a fake one). */
  now?: () => number;
}

/** Marks the files this adapter writes, so a future layout change can be recognised. */
export const KV_FILE_FORMAT = 'plan-api-kv/1';
const PREFIX = 'kv';

interface FileEntry {
  key: string;
  value: unknown;
  expiresAt?: number;
  index?: Record<string, string>;
}

function namespaceText(namespace: string, entries: [string, KvEntry][]): string {
  const lines = entries.map(([key, e]) => {
    const extra =
      (e.expiresAt !== undefined ? `,"expiresAt":${e.expiresAt}` : '') +
      (e.index ? `,"index":${JSON.stringify(e.index)}` : '');
    // The stored value text is embedded as it is: the file stays readable and writing it is concatenation.
    return `{"key":${JSON.stringify(key)},"value":${e.text}${extra}}`;
  });
  return `{"format":"${KV_FILE_FORMAT}","namespace":${JSON.stringify(namespace)},"entries":[\n${lines.join(',\n')}\n]}\n`;
}

function isEntry(e: unknown): e is FileEntry {
  const x = e as FileEntry;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.key === 'string' &&
    'value' in x &&
    (x.expiresAt === undefined || typeof x.expiresAt === 'number') &&
    (x.index === undefined || (typeof x.index === 'object' && x.index !== null))
  );
}

/**
 * A KeyValueStore persisted with lowdb: the state lives in memory and each namespace is one JSON file
 * in `dir`. Files are replaced atomically (steno: temp file + rename, one queue per file) with group
 * commit, and a write resolves once its file is renamed into place, so every acknowledged write
 * survives a killed process. Expired entries are left out when a file is written and dropped when it
 * is read. One process at a time may open a directory.
 */
export async function createLowdbKeyValueStore(options: LowdbKeyValueStoreOptions): Promise<KeyValueStore> {
  const { dir } = options;
  await mkdir(dir, { recursive: true });
  const writer = dataFileWriter((namespace) => ({
    path: join(dir, dataFileName(PREFIX, namespace)),
    text: namespaceText(namespace, table.live(namespace)),
  }));
  const table = new KvTable(options.now ?? Date.now, (namespace) => writer.markDirty(namespace));
  for (const { path, text } of await readDataFiles(dir, PREFIX)) {
    const data = parseDataFile(text, path, KV_FILE_FORMAT);
    if (typeof data.namespace !== 'string' || !Array.isArray(data.entries) || !data.entries.every(isEntry)) {
      throw new Error(`${path} is not a well-formed ${KV_FILE_FORMAT} file.`);
    }
    for (const e of data.entries as FileEntry[]) {
      const entry: KvEntry = { text: JSON.stringify(e.value) };
      if (e.expiresAt !== undefined) entry.expiresAt = e.expiresAt;
      if (e.index) entry.index = e.index;
      table.load(data.namespace, e.key, entry);
    }
  }
  let closed = false;
  const write = async <R>(fn: () => R): Promise<R> => {
    if (closed) throw new Error('The key-value store is closed.');
    writer.assertWritable();
    const result = fn();
    await writer.settled();
    return result;
  };
  return {
    get: <T>(namespace: string, key: string) => Promise.resolve(table.get(namespace, key) as T | undefined),
    set: (namespace, key, value, setOptions) => write(() => table.set(namespace, key, value, setOptions)),
    delete: (namespace, key) => write(() => table.delete(namespace, key)),
    increment: (namespace, key, incrementOptions) =>
      write(() => table.increment(namespace, key, incrementOptions.expiresInSeconds)),
    take: <T>(namespace: string, key: string) => write(() => table.take(namespace, key) as T | undefined),
    findByIndex: <T>(namespace: string, name: string, value: string) =>
      Promise.resolve(table.findByIndex(namespace, name, value) as { key: string; value: T }[]),
    deleteByIndex: (name, value) => write(() => table.deleteByIndex(name, value)),
    close: async () => {
      if (closed) return;
      closed = true;
      await writer.settled();
    },
  };
}
