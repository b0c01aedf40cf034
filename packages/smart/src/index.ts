export * from './types.ts';
export { createAuthServer } from './server.ts';
export { SmartAuthError } from './errors.ts';
export { CAPABILITIES } from './discovery.ts';
export { describeType } from './describe.ts';
export { parseResourceScope, readableTypes, scopesSupported, CONTEXT_SCOPES } from './scopes.ts';
export type { ResourceScope } from './scopes.ts';
