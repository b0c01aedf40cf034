export * from './types.ts';
export { createAuthServer } from './server.ts';
export { SmartAuthError } from './errors.ts';
export { CAPABILITIES } from './discovery.ts';
export { describeType } from './describe.ts';
export {
  CONTEXT_SCOPES,
  DEFAULT_SUPPORTED_TYPES,
  grantableScopes,
  parseResourceScope,
  readableTypes,
  scopesSupported,
} from './scopes.ts';
export type { GrantOptions, ResourceScope } from './scopes.ts';
export { createKeyRing } from './keys.ts';
export { revocationEpoch } from './revocations.ts';
export type { RevocationEpoch } from './revocations.ts';
export type { KeyRing } from './keys.ts';
