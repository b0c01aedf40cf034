export { createConnection, connectionView, normalizeServerUrl } from './connection.ts';
export type { Connection, ConnectionOptions } from './connection.ts';
export { createHttpProductionGateway, productionRequestApp } from './gateway.ts';
export type { HttpGatewayOptions } from './gateway.ts';
export { connectionRouteSet } from './routes.ts';
export { CONNECTION_ID, SETTINGS_COLLECTION } from './model.ts';
export type {
  ConnectedAccount,
  ConnectInput,
  ConnectionRecord,
  ConnectionView,
  PrivacyAttestation,
  ProductionGateway,
  ProductionStatus,
  VendorContact,
} from './model.ts';
export { DEFAULT_TIMEOUT_MS, KEY_REFUSED, unreachableMessage } from './remote.ts';
