import { runRecordStoreContract } from './contract.ts';
import { createMemoryRecordStore } from './memory.ts';

runRecordStoreContract('memory', () => Promise.resolve({ store: createMemoryRecordStore() }));
