import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TextFile } from 'lowdb/node';
import { extractIndex, type SearchRegistry } from '@plan-api/fhir';
import type { Resource } from 'fhir/r4';
import { FhirEngine, type EngineOptions } from '../engine/engine.ts';
import { storeOverEngine } from '../memory.ts';
import type { FhirStore } from '../port.ts';
import { parseVersions, toStored, type FileVersion } from './format.ts';
import { FilePersistence, JOURNAL_FILE, typeFilePath } from './persistence.ts';

export interface LowdbStoreOptions extends EngineOptions {
  /** Directory of the data files (created when missing). */
  dir: string;
}

const TYPE_FILE = /^([A-Z][A-Za-z]+)\.json$/;
const STALE_TEMP = /^\.(?:[A-Z][A-Za-z]+|_transaction)\.json\.tmp$/;

/**
 * A FhirStore persisted with lowdb: the memory engine for reads and searches, and one JSON file per
 * resource type (`<dir>/<Type>.json`) holding every version of every resource of that type in write
 * order, so reopening restores ids, versions, history and deletions.
 *
 * Files are replaced atomically (lowdb's steno: temp file + rename), each by one queue; a write
 * resolves once its data is renamed into place, so a killed process never leaves a half-written file
 * and every acknowledged write survives. (Files are not fsync'ed: a power cut may lose the last
 * writes.) A transaction spanning several types is journalled first (see FilePersistence). One process
 * at a time may open a directory.
 */
export async function createLowdbStore(options: LowdbStoreOptions): Promise<FhirStore> {
  const { dir, ...engineOptions } = options;
  await mkdir(dir, { recursive: true });
  const byType = await readTypeFiles(dir);
  const replayed = await replayJournal(dir, byType);
  const engine = new FhirEngine(engineOptions);
  for (const versions of byType.values()) restoreVersions(engine, versions, options.registry);
  const persistence = new FilePersistence(dir, engine);
  if (replayed.size > 0) {
    await persistence.writeTypes(replayed);
    await rm(join(dir, JOURNAL_FILE), { force: true });
  }
  return storeOverEngine(engine, persistence);
}

async function readTypeFiles(dir: string): Promise<Map<string, FileVersion[]>> {
  const byType = new Map<string, FileVersion[]>();
  for (const name of (await readdir(dir)).sort()) {
    // A temp file of an interrupted atomic write: the real file still holds the last complete state.
    if (STALE_TEMP.test(name)) await rm(join(dir, name), { force: true });
    const type = TYPE_FILE.exec(name)?.[1];
    if (type === undefined) continue;
    const path = typeFilePath(dir, type);
    const text = await new TextFile(path).read();
    if (text !== null) byType.set(type, parseVersions(text, path, type));
  }
  return byType;
}

/** Adds the journal's versions that did not reach their type files; returns the types it completed. */
async function replayJournal(dir: string, byType: Map<string, FileVersion[]>): Promise<Set<string>> {
  const path = join(dir, JOURNAL_FILE);
  const text = await new TextFile(path).read();
  const touched = new Set<string>();
  if (text === null) return touched;
  const present = new Map<string, Set<string>>();
  for (const v of parseVersions(text, path)) {
    let versions = byType.get(v.resourceType);
    if (!versions) byType.set(v.resourceType, (versions = []));
    let keys = present.get(v.resourceType);
    if (!keys) present.set(v.resourceType, (keys = new Set(versions.map((x) => `${x.id}/${x.versionId}`))));
    if (keys.has(`${v.id}/${v.versionId}`)) continue;
    versions.push(v);
    keys.add(`${v.id}/${v.versionId}`);
    touched.add(v.resourceType);
  }
  if (touched.size === 0) await rm(path, { force: true });
  return touched;
}

function restoreVersions(engine: FhirEngine, versions: readonly FileVersion[], registry: SearchRegistry): void {
  const newest = new Map<string, number>();
  versions.forEach((v, i) => newest.set(v.id, i));
  versions.forEach((v, i) => {
    const live = newest.get(v.id) === i && !v.deleted && v.resource !== undefined;
    engine.restore(toStored(v), live ? extractIndex(v.resource as unknown as Resource, registry) : undefined);
  });
}
