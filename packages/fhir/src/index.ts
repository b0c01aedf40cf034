export * from './outcome.ts';
export * from './search/types.ts';
export * from './search/registry.ts';
export * from './search/extract.ts';
export * from './search/parse.ts';
export * from './search/match.ts';
export * from './bundle.ts';
