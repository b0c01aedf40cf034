export * from './port.ts';
export { createMemoryStore, type MemoryStoreOptions } from './memory.ts';
export { countWrites, type CountedFhirStore } from './observe.ts';
export { createLowdbStore, type LowdbStoreOptions } from './lowdb/store.ts';
export * from './kv.ts';
export * from './records.ts';
export { createMemoryKeyValueStore, type MemoryKeyValueStoreOptions } from './kv/memory.ts';
export { createLowdbKeyValueStore, type LowdbKeyValueStoreOptions } from './kv/lowdb.ts';
export { createMemoryRecordStore } from './records/memory.ts';
export { createLowdbRecordStore, type LowdbRecordStoreOptions } from './records/lowdb.ts';
// Building blocks for adapters outside this package (@plan-api/store-postgres): resource checks and version
// stamping, and the Bundle entry parsing and response shapes every adapter answers with.
export {
  checkResource,
  isValidId,
  nextVersionId,
  parseETag,
  stampVersion,
  tombstone,
  type ResourceBody,
} from './engine/prepare.ts';
export { atEntry, parseEntry, resolveReferences, statusLine, type ParsedEntry } from './engine/bundle-entry.ts';
export {
  checkBundle,
  checkDistinctTargets,
  historyBundle,
  readResponse,
  searchsetBundle,
  writeResponse,
} from './engine/bundle-response.ts';
export { getOrCreateOnce } from './kv/once.ts';
