import { createDefaultRegistry } from '@plan-api/fhir';
import { createDirectory, generateMembers } from '@plan-api/synthetic';
import { createPostgresStores } from '../index.ts';
const stores = await createPostgresStores({
  connectionString: 'postgres://root@127.0.0.1:5432/test',
  schema: 'scratch',
  registry: createDefaultRegistry(),
});
const dir = createDirectory({ seed: 7, size: Number(process.argv[2] ?? 8000) });
let t = performance.now();
const n = await stores.fhir.bulkLoad(dir.resources());
console.log('directory', n, dir.counts, ((performance.now() - t) / 1000).toFixed(1), 's');
t = performance.now();
let m = 0;
for (const member of generateMembers({ count: Number(process.argv[3] ?? 20), seed: 7, directory: dir.handle }))
  m += await stores.fhir.bulkLoad(member.resources);
console.log('members', m, ((performance.now() - t) / 1000).toFixed(1), 's');
await stores.pool.query('ANALYZE');
await stores.close();
