import { runRecordStoreContract } from '../contract/index.ts';
import { createMemoryRecordStore } from './memory.ts';

runRecordStoreContract('memory', () => Promise.resolve({ store: createMemoryRecordStore() }));
