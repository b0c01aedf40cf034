import { runKeyValueContract } from './contract.ts';
import { createMemoryKeyValueStore } from './memory.ts';

runKeyValueContract('memory', ({ now }) => Promise.resolve({ store: createMemoryKeyValueStore({ now }) }));
