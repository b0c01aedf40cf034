import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TextFile } from 'lowdb/node';

/**
 * The file name of one namespace or collection: readable, and unique per exact name even on
 * case-insensitive file systems (macOS, Windows), where `Session` and `session` would collide.
 */
export function dataFileName(prefix: string, name: string): string {
  const readable = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 10);
  return `${prefix}.${readable}.${hash}.json`;
}

/**
 * The texts of this adapter's data files in `dir` (those named `<prefix>.*.json`), after removing the
 * temp files of writes a killed process left behind (the real file still holds the last whole state).
 */
export async function readDataFiles(dir: string, prefix: string): Promise<{ path: string; text: string }[]> {
  const files: { path: string; text: string }[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (name.startsWith(`.${prefix}.`) && name.endsWith('.json.tmp')) {
      await rm(join(dir, name), { force: true });
      continue;
    }
    if (!name.startsWith(`${prefix}.`) || !name.endsWith('.json')) continue;
    const path = join(dir, name);
    const text = await new TextFile(path).read();
    if (text !== null) files.push({ path, text });
  }
  return files;
}

/** Parses a data file; throws with its path when it is not JSON or not of the expected format. */
export function parseDataFile(text: string, path: string, format: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== format) {
    throw new Error(`${path} is not a ${format} file.`);
  }
  return data as Record<string, unknown>;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Writes named data files with lowdb TextFiles (steno: temp file + rename, one queue per file) and
 * group commit: the names marked while a flush runs go out together in the next one, and `settled()`
 * resolves only after a flush that began after the call has renamed its files into place. `render`
 * is called synchronously at the start of a flush, so each file is a consistent snapshot.
 */
export class GroupWriter {
  readonly #files = new Map<string, TextFile>();
  readonly #dirty = new Set<string>();
  readonly #render: (name: string) => { path: string; text: string };
  #waiters: Waiter[] = [];
  #running = false;
  #failure: unknown;

  constructor(render: (name: string) => { path: string; text: string }) {
    this.#render = render;
  }

  /** Throws the first write failure: after one, the files may lag memory, so no more writes are taken. */
  assertWritable(): void {
    if (this.#failure !== undefined) throw this.#failure as Error;
  }

  markDirty(name: string): void {
    this.#dirty.add(name);
  }

  /** Resolves when every change marked before the call is on disk. */
  settled(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure as Error);
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (!this.#running) {
      this.#running = true;
      void this.#run();
    }
    return done;
  }

  async #run(): Promise<void> {
    try {
      while (this.#dirty.size > 0 || this.#waiters.length > 0) {
        const waiters = this.#waiters;
        this.#waiters = [];
        const names = [...this.#dirty];
        this.#dirty.clear();
        try {
          const outputs = names.map((name) => this.#render(name));
          await Promise.all(outputs.map(({ path, text }) => this.#file(path).write(text)));
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

  #file(path: string): TextFile {
    let file = this.#files.get(path);
    if (!file) this.#files.set(path, (file = new TextFile(path)));
    return file;
  }
}

/** The JSON text of a value, rejecting what JSON cannot hold (undefined, functions, symbols). */
export function toJsonText(value: unknown, what: string): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError(`${what}: the value is not JSON-serializable.`);
  return text;
}
