import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordStore, StoredRecord } from '../records.ts';
import { dataFileName, dataFileWriter, parseDataFile, readDataFiles } from '../kv/files.ts';
import { MapCollection, type HeldRecord } from './collection.ts';

export interface LowdbRecordStoreOptions {
  /** Directory of the data files (created when missing); files are named `records.<collection>.<hash>.json`. */
  dir: string;
}

/** Marks the files this adapter writes, so a future layout change can be recognised. */
export const RECORDS_FILE_FORMAT = 'plan-api-records/1';
const PREFIX = 'records';

function collectionText(name: string, held: Map<string, HeldRecord>): string {
  // The stored JSON texts are embedded as they are: the file stays readable and writing it is concatenation.
  const lines = [...held.values()].map((h) => h.text);
  return `{"format":"${RECORDS_FILE_FORMAT}","collection":${JSON.stringify(name)},"records":[\n${lines.join(',\n')}\n]}\n`;
}

/**
 * A RecordStore persisted with lowdb: records live in memory and each collection is one JSON file in
 * `dir`. Files are replaced atomically (steno: temp file + rename, one queue per file) with group
 * commit, and a write resolves once its file is renamed into place, so every acknowledged write
 * survives a killed process. One process at a time may open a directory.
 */
export async function createLowdbRecordStore(options: LowdbRecordStoreOptions): Promise<RecordStore> {
  const { dir } = options;
  await mkdir(dir, { recursive: true });
  const data = new Map<string, Map<string, HeldRecord>>();
  for (const { path, text } of await readDataFiles(dir, PREFIX)) {
    const file = parseDataFile(text, path, RECORDS_FILE_FORMAT);
    const records = file.records;
    if (typeof file.collection !== 'string' || !Array.isArray(records)) {
      throw new Error(`${path} is not a well-formed ${RECORDS_FILE_FORMAT} file.`);
    }
    const held = new Map<string, HeldRecord>();
    for (const record of records as StoredRecord[]) {
      if (typeof record !== 'object' || record === null || typeof record.id !== 'string') {
        throw new Error(`${path} has a record without a string id.`);
      }
      held.set(record.id, { record, text: JSON.stringify(record) });
    }
    data.set(file.collection, held);
  }
  const heldOf = (name: string): Map<string, HeldRecord> => {
    let held = data.get(name);
    if (!held) data.set(name, (held = new Map()));
    return held;
  };
  const writer = dataFileWriter((name) => ({
    path: join(dir, dataFileName(PREFIX, name)),
    text: collectionText(name, heldOf(name)),
  }));
  let closed = false;
  const hooks = {
    beforeWrite: () => {
      if (closed) throw new Error('The record store is closed.');
      writer.assertWritable();
    },
    afterWrite: (name: string) => {
      writer.markDirty(name);
      return writer.settled();
    },
  };
  const collections = new Map<string, MapCollection<StoredRecord>>();
  return {
    collection: <T extends StoredRecord>(name: string) => {
      let collection = collections.get(name);
      if (!collection) collections.set(name, (collection = new MapCollection(name, heldOf(name), hooks)));
      return collection as unknown as MapCollection<T>;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await writer.settled();
    },
  };
}
