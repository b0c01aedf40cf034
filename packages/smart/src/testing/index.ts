export * from './harness.ts';
export * from './flow.ts';
