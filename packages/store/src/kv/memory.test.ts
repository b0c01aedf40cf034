import { runKeyValueStoreContract } from '../contract/index.ts';
import { createMemoryKeyValueStore } from './memory.ts';

runKeyValueStoreContract('memory', ({ now }) => Promise.resolve({ store: createMemoryKeyValueStore({ now }) }));
