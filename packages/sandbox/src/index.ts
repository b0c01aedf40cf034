/**
 * @plan-api/sandbox: the sandbox composition of the packages (stores, synthetic patients and directory,
 * simulated failures, outbox) behind one server, for the desktop app and the headless `pnpm sandbox`.
 */
export { createSandboxServer } from './server.ts';
export type { SandboxServer } from './server.ts';
export { consoleSandboxLogger, DEFAULT_SUPPORTED_TYPES, PATIENT_ACCESS_TYPES } from './config.ts';
export type { SandboxLogger, SandboxServerConfig } from './config.ts';
export { SANDBOX_OWNER } from './compose.ts';
export { createHostedSandbox, HOSTED_SANDBOX_PATHS } from './hosted.ts';
export type { HostedSandbox, HostedSandboxOptions } from './hosted.ts';
export { createSandboxRealm } from './realm.ts';
export type { RealmPaths, SandboxRealm, SandboxRealmOptions } from './realm.ts';
export {
  connectionRouteSet,
  createConnection,
  createHttpProductionGateway,
  normalizeServerUrl,
} from './connection/index.ts';
export type {
  ConnectedAccount,
  Connection,
  ConnectionOptions,
  ConnectionView,
  HttpGatewayOptions,
  ProductionGateway,
  VendorContact,
} from './connection/index.ts';
export { EmptyTokenFileError, TOKEN_FILE, tokenFromFile } from './token.ts';
