import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TextFile } from 'lowdb/node';
import { FhirError } from '@plan-api/fhir';
import type { FhirEngine } from '../engine/engine.ts';
import type { EngineStoreHooks } from '../memory.ts';
import type { StoredResource } from '../port.ts';
import { journalText, typeFileText } from './format.ts';

/** Name of the journal that makes a transaction spanning several type files all-or-nothing on disk. */
export const JOURNAL_FILE = '_transaction.json';

/** Path of a resource type's file. */
export function typeFilePath(dir: string, resourceType: string): string {
  return join(dir, `${resourceType}.json`);
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Writes the engine's tables to lowdb TextFiles (steno: temp file + rename, one queue per file) with
 * group commit: the changes made while a flush runs go out together in the next one, and every write
 * resolves only after a flush that began after it has renamed its files into place.
 *
 * A transaction that changes several types first writes its versions to a journal file; the journal
 * is removed once every type file is written, and replayed on open if a crash came in between.
 */
export class FilePersistence implements EngineStoreHooks {
  readonly #dir: string;
  readonly #engine: FhirEngine;
  readonly #files = new Map<string, TextFile>();
  readonly #journalFile: TextFile;
  readonly #dirty = new Set<string>();
  #journal: StoredResource[] = [];
  #waiters: Waiter[] = [];
  #running = false;
  #holds = 0;
  #failure: unknown;

  constructor(dir: string, engine: FhirEngine) {
    this.#dir = dir;
    this.#engine = engine;
    this.#journalFile = new TextFile(join(dir, JOURNAL_FILE));
    engine.onCommit = (changes, atomic) => {
      const types = new Set(changes.map((c) => c.resourceType));
      for (const type of types) this.#dirty.add(type);
      if (atomic && types.size > 1) this.#journal.push(...changes);
    };
  }

  assertWritable(): void {
    if (this.#failure !== undefined) {
      throw new FhirError(500, 'exception', `The store could not write to ${this.#dir} and takes no more writes.`);
    }
  }

  /** Resolves when every change made before the call is on disk. */
  settled(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure as Error);
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#kick();
    return done;
  }

  /** Holds flushes while `fn` runs (a bulk load writes each file once, at the end). */
  async bulk<T>(fn: () => Promise<T>): Promise<T> {
    this.#holds++;
    try {
      return await fn();
    } finally {
      this.#holds--;
      this.#kick();
    }
  }

  /** Writes the given types now (used after replaying the journal on open). */
  async writeTypes(types: Iterable<string>): Promise<void> {
    for (const type of types) this.#dirty.add(type);
    await this.settled();
  }

  async close(): Promise<void> {
    if (this.#failure === undefined) await this.settled();
  }

  #kick(): void {
    if (this.#running || this.#holds > 0) return;
    if (this.#dirty.size === 0 && this.#waiters.length === 0) return;
    this.#running = true;
    void this.#run();
  }

  async #run(): Promise<void> {
    try {
      while (this.#holds === 0 && (this.#dirty.size > 0 || this.#waiters.length > 0)) {
        const waiters = this.#waiters;
        this.#waiters = [];
        const types = [...this.#dirty];
        this.#dirty.clear();
        const journal = this.#journal;
        this.#journal = [];
        try {
          await this.#flush(types, journal);
        } catch (err) {
          this.#failure = err;
          for (const w of [...waiters, ...this.#waiters.splice(0)]) w.reject(err);
          return;
        }
        for (const w of waiters) w.resolve();
      }
    } finally {
      this.#running = false;
    }
  }

  async #flush(types: readonly string[], journal: readonly StoredResource[]): Promise<void> {
    if (journal.length > 0) await this.#journalFile.write(journalText(journal));
    // Each file's text is built synchronously here, so it is a consistent snapshot of its table.
    await Promise.all(
      types.map((type) => this.#file(type).write(typeFileText(type, this.#engine.table(type)?.log ?? []))),
    );
    if (journal.length > 0) await rm(join(this.#dir, JOURNAL_FILE), { force: true });
  }

  #file(type: string): TextFile {
    let file = this.#files.get(type);
    if (!file) this.#files.set(type, (file = new TextFile(typeFilePath(this.#dir, type))));
    return file;
  }
}
