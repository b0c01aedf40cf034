import { checkResource, type ResourceBody } from '@plan-api/store';
import type pg from 'pg';
import { inTransaction } from '../db.ts';
import { indexOf, type FhirContext } from './operations.ts';
import { CreateRace, lockCurrent, writeVersions, type PendingWrite } from './versions.ts';

/** Resources per transaction of a bulk load or import: big enough to amortize round trips, small enough to stay flat. */
export const DEFAULT_BATCH_SIZE = 1000;

/**
 * Writes resources in batches, each batch one transaction (ids kept, a new version over an existing
 * resource): a process killed mid-load leaves whole batches or nothing of a batch. `add` checks a
 * resource at once (throwing a FhirError 400 when it cannot be stored) and resolves once it is queued.
 * A full batch is written while the next one is prepared (JavaScript and the database work at once);
 * the batch after that waits for it, which keeps memory flat while streaming.
 */
export class BulkWriter {
  readonly #pool: pg.Pool;
  readonly #ctx: FhirContext;
  readonly #size: number;
  #batch: PendingWrite[] = [];
  readonly #keys = new Set<string>();
  #written = 0;
  /** The batch being written while the next one is prepared (at most one in flight, so batches commit in order). */
  #inflight: Promise<void> = Promise.resolve();

  constructor(pool: pg.Pool, ctx: FhirContext, batchSize = DEFAULT_BATCH_SIZE) {
    this.#pool = pool;
    this.#ctx = ctx;
    this.#size = batchSize;
  }

  /** Resources written so far (flushed batches). */
  get written(): number {
    return this.#written;
  }

  /** Checks and queues one resource; writes the batch when it is full or already holds the same id. */
  async add(resource: unknown): Promise<void> {
    checkResource(resource, this.#ctx.registry);
    const body: ResourceBody = resource;
    const id = body.id ?? this.#ctx.newId();
    const key = `${body.resourceType}/${id}`;
    // Two versions of one resource in one batch would both be "version n+1": write the first one first.
    if (this.#keys.has(key)) await this.flush();
    this.#batch.push({ rtype: body.resourceType, id, body, index: indexOf(this.#ctx, body, id) });
    this.#keys.add(key);
    if (this.#batch.length >= this.#size) await this.flush();
  }

  /** Starts writing what is queued as one transaction, after the batch in flight is in. */
  async flush(): Promise<void> {
    const batch = this.#batch;
    await this.#inflight;
    if (batch.length === 0) return;
    this.#batch = [];
    this.#keys.clear();
    this.#inflight = this.#write(batch);
    // Its failure is thrown by the next flush or finish; until then it must not count as unhandled.
    this.#inflight.catch(() => undefined);
  }

  /** Writes what is queued and waits until every batch is in. */
  async finish(): Promise<void> {
    await this.flush();
    await this.#inflight;
  }

  async #write(batch: PendingWrite[]): Promise<void> {
    await inTransaction(
      this.#pool,
      async (db) => {
        // A bulk load need not wait for each batch's WAL flush: a killed process still leaves whole
        // batches (a crash of the machine may lose the last ones, which the load reports as not done).
        await db.query('SET LOCAL synchronous_commit = off');
        const locked = await lockCurrent(db, this.#ctx.t, batch);
        await writeVersions(db, this.#ctx.t, batch, locked, this.#ctx.now());
      },
      (err) => err instanceof CreateRace,
    );
    this.#written += batch.length;
  }
}
