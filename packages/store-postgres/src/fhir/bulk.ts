import { checkResource, type ResourceBody } from '@plan-api/store';
import type pg from 'pg';
import { inTransaction } from '../db.ts';
import type { FhirContext } from './operations.ts';
import { extractIndex } from '@plan-api/fhir';
import { CreateRace, lockCurrent, writeVersions, type PendingWrite } from './versions.ts';

/** Resources per transaction of a bulk load or import: big enough to amortize round trips, small enough to stay flat. */
export const DEFAULT_BATCH_SIZE = 1000;

/**
 * Writes resources in batches, each batch one transaction (ids kept, a new version over an existing
 * resource): a process killed mid-load leaves whole batches or nothing of a batch. `add` checks a
 * resource at once (throwing a FhirError 400 when it cannot be stored) and resolves once it is queued;
 * when a batch is full it waits for the batch to be written, which keeps memory flat while streaming.
 */
export class BulkWriter {
  readonly #pool: pg.Pool;
  readonly #ctx: FhirContext;
  readonly #size: number;
  #batch: PendingWrite[] = [];
  readonly #keys = new Set<string>();
  #written = 0;

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
    this.#batch.push({ rtype: body.resourceType, id, body, index: extractIndex({ ...body, id }, this.#ctx.registry) });
    this.#keys.add(key);
    if (this.#batch.length >= this.#size) await this.flush();
  }

  /** Writes what is queued as one transaction. */
  async flush(): Promise<void> {
    const batch = this.#batch;
    if (batch.length === 0) return;
    this.#batch = [];
    this.#keys.clear();
    await inTransaction(
      this.#pool,
      async (db) => {
        const locked = await lockCurrent(db, this.#ctx.t, batch);
        await writeVersions(db, this.#ctx.t, batch, locked, this.#ctx.now());
      },
      (err) => err instanceof CreateRace,
    );
    this.#written += batch.length;
  }
}
