/**
 * Test support for import.int.test.ts (not part of the package API): imports an NDJSON file into a
 * schema in batches of 200, printing `batch <count>` after each written batch, until done or killed.
 * Usage: node --import tsx import-child.ts <databaseUrl> <schema> <file>
 */
import { createReadStream } from 'node:fs';
import { createDefaultRegistry } from '@plan-api/fhir';
import { createPostgresStores } from '../stores.ts';

const [url, schema, file] = process.argv.slice(2);
if (!url || !schema || !file) throw new Error('usage: import-child <databaseUrl> <schema> <file>');
const stores = await createPostgresStores({ connectionString: url, schema, registry: createDefaultRegistry() });
await stores.importNdjson(createReadStream(file), {
  batchSize: 200,
  onProgress: (count) => process.stdout.write(`batch ${count}\n`),
});
process.stdout.write('done\n');
await stores.close();
