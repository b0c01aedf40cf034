import { join } from 'node:path';
import { createDefaultRegistry } from '@plan-api/fhir';
import type { SearchRegistry } from '@plan-api/fhir';
import {
  createLowdbKeyValueStore,
  createLowdbRecordStore,
  createLowdbStore,
  createMemoryKeyValueStore,
  createMemoryRecordStore,
  createMemoryStore,
  countWrites,
} from '@plan-api/store';
import type { FhirStore, KeyValueStore, RecordStore } from '@plan-api/store';

/** The sandbox's three stores: FHIR resources, the portal's records, the authorization server's key-values. */
export interface SandboxStores {
  registry: SearchRegistry;
  fhir: FhirStore;
  records: RecordStore;
  kv: KeyValueStore;
  /** Moves on with every write to the FHIR store (the directory's cached answers follow it). */
  fhirVersion(): string;
  /** Closes every store (each one even if another fails). */
  close(): Promise<void>;
}

/**
 * Opens the stores: lowdb files under `dataDir` (`fhir/`, `records/`, `kv/`), or memory when there is no
 * data dir. If one fails to open, the ones already open are closed before the error is rethrown.
 */
export async function openSandboxStores(dataDir: string | undefined): Promise<SandboxStores> {
  const registry = createDefaultRegistry();
  const opened: { close(): Promise<void> }[] = [];
  const keep = <T extends { close(): Promise<void> }>(store: T): T => {
    opened.push(store);
    return store;
  };
  const closeAll = async (): Promise<void> => {
    const results = await Promise.allSettled(opened.reverse().map((s) => s.close()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  };
  try {
    // Only this process writes these stores: counting its writes tells every change.
    if (dataDir === undefined) {
      const fhir = countWrites(keep(createMemoryStore({ registry })));
      return {
        registry,
        fhir: fhir.store,
        records: keep(createMemoryRecordStore()),
        kv: keep(createMemoryKeyValueStore()),
        fhirVersion: () => String(fhir.writes()),
        close: closeAll,
      };
    }
    const fhir = countWrites(keep(await createLowdbStore({ dir: join(dataDir, 'fhir'), registry })));
    const records = keep(await createLowdbRecordStore({ dir: join(dataDir, 'records') }));
    const kv = keep(await createLowdbKeyValueStore({ dir: join(dataDir, 'kv') }));
    return { registry, fhir: fhir.store, records, kv, fhirVersion: () => String(fhir.writes()), close: closeAll };
  } catch (err) {
    await closeAll().catch(() => undefined);
    throw err;
  }
}
