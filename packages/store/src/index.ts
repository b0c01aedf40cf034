export * from './port.ts';
export { createMemoryStore, type MemoryStoreOptions } from './memory.ts';
export { createLowdbStore, type LowdbStoreOptions } from './lowdb/store.ts';
export * from './kv.ts';
export * from './records.ts';
export { createMemoryKeyValueStore, type MemoryKeyValueStoreOptions } from './kv/memory.ts';
export { createLowdbKeyValueStore, type LowdbKeyValueStoreOptions } from './kv/lowdb.ts';
export { createMemoryRecordStore } from './records/memory.ts';
export { createLowdbRecordStore, type LowdbRecordStoreOptions } from './records/lowdb.ts';
