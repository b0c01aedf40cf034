/**
 * The server side of the PostgreSQL benchmarks, run as a child process (bench/common.ts): a FHIR base
 * over the PostgreSQL FhirStore of one schema. Arguments: `<schema> <directory|patientAccess> [application name
 * of its database sessions]`. Sends
 * `{ url }` once listening and stops on the message `stop`.
 */
import { createDefaultRegistry } from '@plan-api/fhir';
import { createFhirApp } from '@plan-api/http';
import { openBenchStores } from './postgres-common.ts';

export interface PostgresServerReady {
  url: string;
}

const [schema = '', base = 'directory', applicationName] = process.argv.slice(2);
const stores = await openBenchStores(schema, applicationName);
const directory = base === 'directory';
const app = createFhirApp({
  store: stores.fhir,
  registry: createDefaultRegistry(),
  base: directory ? 'directory' : 'patientAccess',
  readOnly: true,
  mountPath: directory ? '/directory/fhir' : '/fhir',
});
const url = await app.start(0);
process.send?.({ url } satisfies PostgresServerReady);
process.on('message', (message) => {
  if (message !== 'stop') return;
  void app.stop().then(async () => {
    await stores.close();
    process.exit(0);
  });
});
