export * from './port.ts';
export { createMemoryStore, type MemoryStoreOptions } from './memory.ts';
export { createLowdbStore, type LowdbStoreOptions } from './lowdb/store.ts';
export * from './kv.ts';
export * from './records.ts';
