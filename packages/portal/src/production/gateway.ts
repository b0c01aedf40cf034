import type { AppRecord } from '../types.ts';
import type { PrivacyAttestation, ProductionStatus } from './model.ts';

/**
 * The port of a desktop/headless sandbox to the plan server it is connected to (packages/sandbox implements
 * it over HTTP with the vendor's API key). The portal asks it whether it is connected before each request.
 */
export interface ProductionGateway {
  /** The plan server this sandbox is connected to, or undefined (requests go to the outbox mail). */
  connection(): Promise<{ serverUrl: string } | undefined>;
  /** Sends the app (with its client ID and secret) and the request; throws PortalError (validation_failed with the server's fields, etc.). */
  send(
    app: AppRecord,
    input: { attestation: PrivacyAttestation; notes?: string },
  ): Promise<{ appId: string; status: ProductionStatus }>;
  /** The server's current status of the app it knows as appId. */
  status(appId: string): Promise<ProductionStatus>;
}
