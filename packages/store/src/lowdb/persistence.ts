import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FhirError } from '@plan-api/fhir';
import type { FhirEngine } from '../engine/engine.ts';
import type { EngineStoreHooks } from '../memory.ts';
import type { StoredResource } from '../port.ts';
import { BatchedWriter, TextFiles } from './batched-writer.ts';
import { journalText, typeFileText } from './format.ts';

/** Name of the journal that makes a transaction spanning several type files all-or-nothing on disk. */
export const JOURNAL_FILE = '_transaction.json';

/** Path of a resource type's file. */
export function typeFilePath(dir: string, resourceType: string): string {
  return join(dir, `${resourceType}.json`);
}

/**
 * Writes the engine's tables to lowdb TextFiles through one BatchedWriter (group commit): the changes
 * made while a flush runs go out together in the next one, and every write resolves only after a flush
 * that began after it has renamed its files into place.
 *
 * A transaction that changes several types first writes its versions to a journal file; the journal
 * is removed once every type file is written, and replayed on open if a crash came in between.
 */
export class FilePersistence implements EngineStoreHooks {
  readonly #dir: string;
  readonly #engine: FhirEngine;
  readonly #files = new TextFiles();
  readonly #writer: BatchedWriter;
  #journal: StoredResource[] = [];

  constructor(dir: string, engine: FhirEngine) {
    this.#dir = dir;
    this.#engine = engine;
    this.#writer = new BatchedWriter((types) => this.#flush(types));
    engine.onCommit = (changes, atomic) => {
      const types = new Set(changes.map((c) => c.resourceType));
      for (const type of types) this.#writer.markDirty(type);
      if (atomic && types.size > 1) this.#journal.push(...changes);
    };
  }

  assertWritable(): void {
    if (this.#writer.failure !== undefined) {
      throw new FhirError(500, 'exception', `The store could not write to ${this.#dir} and takes no more writes.`);
    }
  }

  /** Resolves when every change made before the call is on disk. */
  settled(): Promise<void> {
    return this.#writer.settled();
  }

  /** Holds flushes while `fn` runs (a bulk load writes each file once, at the end). */
  bulk<T>(fn: () => Promise<T>): Promise<T> {
    return this.#writer.hold(fn);
  }

  /** Writes the given types now (used after replaying the journal on open). */
  async writeTypes(types: Iterable<string>): Promise<void> {
    for (const type of types) this.#writer.markDirty(type);
    await this.settled();
  }

  async close(): Promise<void> {
    if (this.#writer.failure === undefined) await this.settled();
  }

  async #flush(types: readonly string[]): Promise<void> {
    const journal = this.#journal;
    this.#journal = [];
    // Each file's text is built synchronously here, so it is a consistent snapshot of its table.
    const texts = types.map((type) => ({ type, text: typeFileText(type, this.#engine.table(type)?.log ?? []) }));
    if (journal.length > 0) await this.#files.write(join(this.#dir, JOURNAL_FILE), journalText(journal));
    await Promise.all(texts.map(({ type, text }) => this.#files.write(typeFilePath(this.#dir, type), text)));
    if (journal.length > 0) await rm(join(this.#dir, JOURNAL_FILE), { force: true });
  }
}
