import type { SandboxPortal } from '@plan-api/portal';

/**
 * The use cases the management API calls (the sandbox portal's). Inputs are the raw JSON bodies: the
 * portal validates them and throws PortalError (with field errors), 404 when an id is unknown.
 */
export type ManagementPortal = Pick<
  SandboxPortal,
  | 'createApp'
  | 'listApps'
  | 'getApp'
  | 'updateApp'
  | 'deleteApp'
  | 'initializePatient'
  | 'listPatients'
  | 'getPatientData'
  | 'deletePatient'
  | 'createLaunch'
  | 'listLaunches'
  | 'getLaunch'
  | 'listAccessLog'
  | 'requestProduction'
>;
