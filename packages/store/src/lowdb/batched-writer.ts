import { TextFile } from 'lowdb/node';

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for the lowdb adapters (FHIR type files, key-value namespaces, record collections).
 * Names marked dirty while a flush runs go out together in the next one; `settled()` resolves only after
 * a flush that began after the call has finished. `flush` is called with the dirty names and must read
 * whatever it writes synchronously before its first await, so each flush writes a consistent snapshot.
 * The first failure sticks: after it the files may lag memory, so every later write is refused.
 */
export class BatchedWriter {
  readonly #flush: (names: readonly string[]) => Promise<void>;
  readonly #dirty = new Set<string>();
  #waiters: Waiter[] = [];
  #running = false;
  #holds = 0;
  #failure: unknown;

  constructor(flush: (names: readonly string[]) => Promise<void>) {
    this.#flush = flush;
  }

  /** The first write failure, if any. */
  get failure(): unknown {
    return this.#failure;
  }

  /** Throws the first write failure. */
  assertWritable(): void {
    if (this.#failure !== undefined) throw this.#failure as Error;
  }

  markDirty(name: string): void {
    this.#dirty.add(name);
  }

  /** Resolves when every change marked before the call is written. */
  settled(): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure as Error);
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    this.#kick();
    return done;
  }

  /** Holds flushes while `fn` runs (a bulk load writes each file once, at the end). */
  async hold<T>(fn: () => Promise<T>): Promise<T> {
    this.#holds++;
    try {
      return await fn();
    } finally {
      this.#holds--;
      this.#kick();
    }
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
        const names = [...this.#dirty];
        this.#dirty.clear();
        try {
          await this.#flush(names);
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
}

/** One lowdb TextFile (steno: temp file + rename, one queue per file) per path, made on first use. */
export class TextFiles {
  readonly #files = new Map<string, TextFile>();

  write(path: string, text: string): Promise<void> {
    let file = this.#files.get(path);
    if (!file) this.#files.set(path, (file = new TextFile(path)));
    return file.write(text);
  }
}
