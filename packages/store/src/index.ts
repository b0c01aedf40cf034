export * from './port.ts';
export { createMemoryStore, type MemoryStoreOptions } from './memory.ts';
export { createLowdbStore, type LowdbStoreOptions } from './lowdb/store.ts';
