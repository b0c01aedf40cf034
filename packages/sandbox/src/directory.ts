import type { FhirStore, RecordStore, StoredRecord } from '@plan-api/store';
import { createDirectory } from '@plan-api/synthetic';
import type { Directory, Terminology } from '@plan-api/synthetic';
import type { SandboxLogger } from './config.ts';

/** The marker of a loaded directory, kept in the record store. */
export interface DirectoryMarker extends StoredRecord {
  id: 'directory';
  seed: string;
  size: number;
  resources: number;
  loadedAt: string;
}

/** The collection of the sandbox's own bookkeeping. */
export const SANDBOX_META = 'sandboxMeta';

/**
 * The synthetic provider directory of the sandbox, loaded into the FHIR store at the first start only:
 * a marker record, written once every resource is in, says it was. A start interrupted mid-load loads
 * again (bulkLoad replaces by id). A data dir loaded with another seed or size keeps its directory:
 * mixing two would leave resources of both.
 */
export async function ensureDirectory(options: {
  fhir: FhirStore;
  records: RecordStore;
  size: number;
  seed: string | number;
  terminology: Terminology;
  logger: SandboxLogger;
}): Promise<Directory> {
  const { terminology } = options;
  const meta = options.records.collection<DirectoryMarker>(SANDBOX_META);
  const seed = String(options.seed);
  const marker = await meta.get('directory');
  if (marker) {
    if (marker.seed !== seed || marker.size !== options.size) {
      options.logger.info(
        `Keeping the provider directory made with seed "${marker.seed}" and size ${marker.size}; ` +
          'start with an empty data dir to make another.',
      );
      return createDirectory({ seed: marker.seed, size: marker.size, terminology });
    }
    return createDirectory({ seed, size: options.size, terminology });
  }
  const directory = createDirectory({ seed, size: options.size, terminology });
  const started = Date.now();
  const resources = await options.fhir.bulkLoad(directory.resources());
  await meta.put({ id: 'directory', seed, size: options.size, resources, loadedAt: new Date().toISOString() });
  options.logger.info(`Loaded the synthetic provider directory: ${resources} resources in ${Date.now() - started} ms.`);
  return directory;
}
