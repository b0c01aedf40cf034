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
} from '@plan-api/store';
import type { FhirStore, KeyValueStore, RecordStore } from '@plan-api/store';

/** The sandbox's three stores: FHIR resources, the portal's records, the authorization server's key-values. */
export interface SandboxStores {
  registry: SearchRegistry;
  fhir: FhirStore;
  records: RecordStore;
  kv: KeyValueStore;
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
    if (dataDir === undefined) {
      return {
        registry,
        fhir: keep(createMemoryStore({ registry })),
        records: keep(createMemoryRecordStore()),
        kv: keep(createMemoryKeyValueStore()),
        close: closeAll,
      };
    }
    const fhir = keep(await createLowdbStore({ dir: join(dataDir, 'fhir'), registry }));
    const records = keep(await createLowdbRecordStore({ dir: join(dataDir, 'records') }));
    const kv = keep(await createLowdbKeyValueStore({ dir: join(dataDir, 'kv') }));
    return { registry, fhir, records, kv, close: closeAll };
  } catch (err) {
    await closeAll().catch(() => undefined);
    throw err;
  }
}
