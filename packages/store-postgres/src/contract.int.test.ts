import { afterAll } from 'vitest';
import { runFhirStoreContract, runKeyValueStoreContract, runRecordStoreContract } from '@plan-api/store/contract';
import { FHIR_TABLES, testSchema } from './testing/database.ts';

const db = testSchema('contract');

afterAll(async () => {
  await db.drop();
});

runFhirStoreContract('postgres', async () => {
  const stores = await db.open();
  await db.truncate(...FHIR_TABLES);
  return stores.fhir;
});

runRecordStoreContract('postgres', async () => {
  const stores = await db.open();
  await db.truncate('records');
  return { store: stores.records, reopen: async () => (await db.open()).records };
});

runKeyValueStoreContract('postgres', async ({ now }) => {
  const stores = await db.open({ kvNow: now });
  await db.truncate('kv');
  return { store: stores.kv, reopen: async () => (await db.open({ kvNow: now })).kv };
});
