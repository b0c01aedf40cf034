/**
 * The contract suites every adapter of the store ports runs (`@plan-api/store/contract`): test
 * support, typechecked with the tests and never built into `dist`.
 */
export { runFhirStoreContract } from './suite.ts';
export { runKeyValueStoreContract, type KeyValueHarness, type MakeKeyValueStore } from './kv.ts';
export { runRecordStoreContract, type MakeRecordStore, type RecordStoreHarness } from './records.ts';
