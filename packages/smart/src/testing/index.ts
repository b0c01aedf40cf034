export * from './harness.ts';
export * from './flow.ts';
export * from './identity-provider.ts';
export * from './conformance.ts';
