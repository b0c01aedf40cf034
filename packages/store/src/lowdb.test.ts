import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createDefaultRegistry } from '@plan-api/fhir';
import { runFhirStoreContract } from './contract/index.ts';
import { createLowdbStore } from './lowdb/store.ts';

const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

runFhirStoreContract('lowdb', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'plan-api-lowdb-contract-'));
  dirs.push(dir);
  return createLowdbStore({ registry: createDefaultRegistry(), dir });
});
