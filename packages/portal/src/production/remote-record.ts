import type { StoredRecord } from '@plan-api/store';
import type { AppSnapshot, PrivacyAttestation } from './model.ts';

/** Collection of what a connected sandbox last sent to its plan server, one record per app. */
export const REMOTE_REQUESTS_COLLECTION = 'productionRemoteRequests';

/**
 * What a connected desktop/headless sandbox last sent for an app (id = the app's id): the snapshot tells
 * whether the app changed since ("changes not yet published"), the attestation and notes let a save while the
 * request is pending update it on the server, as a save does locally.
 */
export interface RemoteRequestRecord extends StoredRecord {
  serverUrl: string;
  /** The app's id on the server. */
  remoteAppId: string;
  snapshot: AppSnapshot;
  attestation: PrivacyAttestation;
  notes?: string;
  sentAt: string;
}
